package org.jeras.layers.rnn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.jeras.conformance.Fixtures;
import org.jeras.conformance.KerasModels;
import org.jeras.core.tensor.Tensor;
import org.jeras.layers.core.Embedding;
import org.jeras.layers.core.Masking;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;

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
      KerasModels.assertReproduces(dir + name);
    }
  }

  /** Keras's graph records Masking's mask as NotEqual/Any ops; the same model is built directly here. */
  @ParameterizedTest
  @ValueSource(strings = {"", "jax/"})
  void maskingLstmMatchesKeras(String dir) {
    Map<String, INDArray> w = KerasModels.weights(dir + "masking_lstm");
    Map<String, INDArray> io = Fixtures.npz(dir + "masking_lstm.io.npz");
    Masking masking = new Masking(0.0);
    RNN seq = new LSTM(4).returnSequences(true);
    RNN last = new LSTM(3);
    Tensor masked = masking.apply(Tensor.of(io.get("x")));
    assertEquals(List.of(5L, 6L), List.of(masked.mask().shape().dims()[0], masked.mask().shape().dims()[1]));
    seq.apply(masked);
    last.apply(masked);
    seq.setWeights(KerasModels.vars(w, "layers/lstm/cell"));
    last.setWeights(KerasModels.vars(w, "layers/lstm_1/cell"));
    KerasModels.assertClose(io.get("y0"), seq.apply(masked).value(), dir + "masking_lstm y0");
    KerasModels.assertClose(io.get("y1"), last.apply(masked).value(), dir + "masking_lstm y1");
  }

  /** GlobalAveragePooling1D belongs to another family: its mean is taken here with plain INDArray math. */
  @ParameterizedTest
  @ValueSource(strings = {"", "jax/"})
  void embeddingMatchesKeras(String dir) {
    Map<String, INDArray> w = KerasModels.weights(dir + "embedding");
    Map<String, INDArray> io = Fixtures.npz(dir + "embedding.io.npz");
    Embedding emb = new Embedding(20, 4);
    Tensor e = emb.apply(Tensor.of(io.get("x")));
    emb.setWeights(KerasModels.vars(w, "layers/embedding"));
    e = emb.apply(Tensor.of(io.get("x")));
    assertEquals(null, e.mask());
    INDArray pooled = e.value().mean(1);
    INDArray y = pooled.mmul(w.get("layers/dense/vars/0")).addiRowVector(w.get("layers/dense/vars/1"));
    KerasModels.assertClose(io.get("y"), y, dir + "embedding");
  }
}
