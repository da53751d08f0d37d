package org.jeras.examples;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jeras.core.callbacks.History;
import org.jeras.core.layer.CallArgs;
import org.jeras.core.model.Functional;
import org.jeras.core.model.Input;
import org.jeras.core.optimizers.Adam;
import org.jeras.core.random.Seeds;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.training.FitOptions;
import org.jeras.layers.attention.MultiHeadAttention;
import org.jeras.layers.core.Dense;
import org.jeras.layers.core.Embedding;
import org.jeras.layers.pooling.GlobalAveragePooling1D;
import org.jeras.layers.rnn.Bidirectional;
import org.jeras.layers.rnn.LSTM;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A sequence classifier mixing the layer zoo: Embedding (mask_zero) → Bidirectional LSTM →
 * MultiHeadAttention → GlobalAveragePooling1D → Dense, trained on generated token sequences
 * (label: does the sequence contain token 7?). Padding is masked all the way through.
 */
public final class TrainSequenceModel {
  static final int VOCAB = 20;
  static final int LENGTH = 10;

  private TrainSequenceModel() {}

  public static void main(String[] args) {
    History h = run(3, 1);
    System.out.printf("loss %.4f -> %.4f%n", h.get("loss").get(0), h.get("loss").get(h.get("loss").size() - 1));
  }

  /** Builds and trains the model; returns the history. */
  public static History run(int epochs, int verbose) {
    Seeds.setGlobalSeed(7);
    Tensor tokens = Input.of(Shape.of(LENGTH), DType.INT32, "tokens");
    Tensor x = new Embedding(VOCAB, 16).maskZero(true).apply(tokens);
    x = new Bidirectional(new LSTM(16).returnSequences(true)).apply(x);
    x = new MultiHeadAttention(2, 8).apply(CallArgs.of(List.of(x, x), Map.of())).get(0);
    x = new GlobalAveragePooling1D().apply(x);
    Tensor probs = new Dense(2, "softmax").apply(x);
    Functional model = new Functional(tokens, probs, "sequence_classifier");
    if (verbose > 0) {
      model.summary();
    }
    model.compile(new Adam(5e-3), "categorical_crossentropy", "accuracy");
    INDArray[] data = generate(384, 11);
    return model.fit(data[0], data[1], FitOptions.defaults().epochs(epochs).batchSize(32).verbose(verbose));
  }

  /** Token sequences of random length (zero-padded) and one-hot labels: does token 7 occur? */
  static INDArray[] generate(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int[][] x = new int[n][LENGTH];
    float[][] y = new float[n][2];
    for (int i = 0; i < n; i++) {
      int len = 4 + r.nextInt(LENGTH - 3);
      boolean positive = i % 2 == 0;
      for (int t = 0; t < len; t++) {
        int tok;
        do {
          tok = 1 + r.nextInt(VOCAB - 1);
        } while (tok == 7);
        x[i][t] = tok;
      }
      if (positive) {
        x[i][r.nextInt(len)] = 7;
      }
      y[i][positive ? 1 : 0] = 1;
    }
    return new INDArray[] {Nd4j.createFromArray(x), Nd4j.create(y)};
  }
}
