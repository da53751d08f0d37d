package org.jeras.layers.rnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jeras.core.config.Serialization;
import org.jeras.core.layer.Layer;
import org.jeras.core.model.Model;
import org.jeras.core.tensor.Tensor;
import org.jeras.conformance.Fixtures;
import org.jeras.conformance.KerasConfigs;
import org.jeras.layers.core.Embedding;
import org.jeras.layers.core.Masking;
import org.jeras.conformance.H5Weights;
import org.jeras.conformance.KerasModels;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Recurrent fixtures written by real Keras (torch and jax sets): models rebuilt from their
 * config.json, weights placed by the same attribute paths as the saving walk
 * ({@code layers/lstm/cell/vars}, {@code layers/bidirectional/forward_layer/cell/vars}, ...),
 * outputs compared with Keras's within 1e-5 + 1e-5|y|.
 */
class RnnFixturesTest {
  @ParameterizedTest
  @ValueSource(strings = {"lstm", "gru", "simple_rnn", "gru_reset_after_false", "gru_go_backwards",
      "lstm_return_state", "lstm_initial_state", "bidirectional_lstm", "bidirectional_gru_concat",
      "bidirectional_gru_sum", "bidirectional_gru_modes", "embedding_mask_lstm", "time_distributed_dense",
      "masking_lstm", "embedding", "time_distributed_conv2d"})
  void modelFromConfigMatchesKeras(String name) {
    for (String dir : List.of("", "jax/")) {
      Model model = (Model) Serialization.deserialize(KerasConfigs.of(dir + name), Layer.class);
      loadWeights(model, H5Weights.read(Fixtures.file(dir + name + ".weights.h5")));
      Map<String, INDArray> io = Fixtures.npz(dir + name + ".io.npz");
      List<INDArray> got = model.predictOnBatch(inputs(io));
      List<INDArray> want = outputs(io);
      assertEquals(want.size(), got.size(), dir + name + ": outputs");
      for (int i = 0; i < want.size(); i++) {
        assertClose(want.get(i), got.get(i), dir + name + " output " + i);
      }
    }
  }

  /** Keras's graph records Masking's mask as NotEqual/Any ops; the same model is built directly here. */
  @ParameterizedTest
  @ValueSource(strings = {"", "jax/"})
  void maskingLstmMatchesKeras(String dir) {
    Map<String, INDArray> w = H5Weights.read(Fixtures.file(dir + "masking_lstm.weights.h5"));
    Map<String, INDArray> io = Fixtures.npz(dir + "masking_lstm.io.npz");
    Masking masking = new Masking(0.0);
    RNN seq = new LSTM(4).returnSequences(true);
    RNN last = new LSTM(3);
    Tensor masked = masking.apply(Tensor.of(io.get("x")));
    assertEquals(List.of(5L, 6L), List.of(masked.mask().shape().dims()[0], masked.mask().shape().dims()[1]));
    seq.apply(masked);
    last.apply(masked);
    seq.setWeights(H5Weights.vars(w, "layers/lstm/cell"));
    last.setWeights(H5Weights.vars(w, "layers/lstm_1/cell"));
    assertClose(io.get("y0"), seq.apply(masked).value(), dir + "masking_lstm y0");
    assertClose(io.get("y1"), last.apply(masked).value(), dir + "masking_lstm y1");
  }

  /** GlobalAveragePooling1D belongs to another family: its mean is taken here with plain INDArray math. */
  @ParameterizedTest
  @ValueSource(strings = {"", "jax/"})
  void embeddingMatchesKeras(String dir) {
    Map<String, INDArray> w = H5Weights.read(Fixtures.file(dir + "embedding.weights.h5"));
    Map<String, INDArray> io = Fixtures.npz(dir + "embedding.io.npz");
    Embedding emb = new Embedding(20, 4);
    Tensor e = emb.apply(Tensor.of(io.get("x")));
    emb.setWeights(H5Weights.vars(w, "layers/embedding"));
    e = emb.apply(Tensor.of(io.get("x")));
    assertEquals(null, e.mask());
    INDArray pooled = e.value().mean(1);
    INDArray y = pooled.mmul(w.get("layers/dense/vars/0")).addiRowVector(w.get("layers/dense/vars/1"));
    assertClose(io.get("y"), y, dir + "embedding");
  }

  // ------------------------------------------------------------------ helpers

  /** Places weights as Keras's saving walk names them: class-name groups, then tracked attributes. */
  static void loadWeights(Model model, Map<String, INDArray> file) {
    KerasModels.loadWeights(model, file);
  }

  static List<INDArray> inputs(Map<String, INDArray> io) {
    if (io.containsKey("x")) {
      return List.of(io.get("x"));
    }
    List<INDArray> xs = new ArrayList<>();
    for (int i = 0; io.containsKey("x" + i); i++) {
      xs.add(io.get("x" + i));
    }
    return xs;
  }

  static List<INDArray> outputs(Map<String, INDArray> io) {
    if (io.containsKey("y")) {
      return List.of(io.get("y"));
    }
    List<INDArray> ys = new ArrayList<>();
    for (int i = 0; io.containsKey("y" + i); i++) {
      ys.add(io.get("y" + i));
    }
    return ys;
  }

  static void assertClose(INDArray expected, INDArray actual, String what) {
    assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
    INDArray e = expected.castTo(DataType.DOUBLE);
    INDArray a = actual.castTo(DataType.DOUBLE);
    double worst = Transforms.abs(e.sub(a)).subi(Transforms.abs(e).muli(1e-5)).maxNumber().doubleValue();
    assertTrue(worst <= 1e-5, what + ": max |a-b| - 1e-5|b| = " + worst);
  }
}
