package org.jeras.saving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jeras.core.model.Model;
import org.jeras.conformance.Fixtures;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Inference on one loaded model from several threads at once gives Keras's predictions in every thread. */
class ConcurrentInferenceTest {
  private static final int THREADS = 8;
  private static final int CALLS = 15;

  @Test
  void loadedModelsPredictConcurrently() throws Exception {
    for (String name : List.of("seq_mlp", "func_multi_io", "batchnorm", "lstm", "embedding_mask_lstm", "mha_self",
        "conv2d_pooling", "bidirectional_gru_concat", "dropout")) {
      Model m = Models.load(Fixtures.file(name + ".keras"));
      Map<String, INDArray> io = Fixtures.npz(name + ".io.npz");
      List<INDArray> xs = arrays(io, "x");
      List<INDArray> ys = arrays(io, "y");
      assertTrue(!xs.isEmpty() && !ys.isEmpty(), name + ": io arrays");
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      try {
        List<Future<List<INDArray>>> results = new ArrayList<>();
        for (int t = 0; t < THREADS * CALLS; t++) {
          results.add(pool.submit(() -> m.predictOnBatch(xs)));
        }
        for (Future<List<INDArray>> f : results) {
          List<INDArray> got = f.get();
          assertEquals(ys.size(), got.size(), name);
          for (int i = 0; i < ys.size(); i++) {
            INDArray want = ys.get(i).castTo(got.get(i).dataType());
            assertTrue(want.equalsWithEps(got.get(i), 1e-5), name + " output " + i);
          }
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  /** {@code x} or {@code x0, x1, ...} (likewise {@code y}) of a fixture's io file. */
  private static List<INDArray> arrays(Map<String, INDArray> io, String prefix) {
    if (io.containsKey(prefix)) {
      return List.of(io.get(prefix));
    }
    List<INDArray> out = new ArrayList<>();
    for (int i = 0; io.containsKey(prefix + i); i++) {
      out.add(io.get(prefix + i));
    }
    return out;
  }
}
