package org.jeras.saving.callbacks;

import org.jeras.core.model.Input;
import org.jeras.core.model.Model;
import org.jeras.core.model.Sequential;
import org.jeras.core.optimizers.Adam;
import org.jeras.core.random.Seeds;
import org.jeras.layers.core.Dense;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The small seeded model and deterministic data the callback tests train (same in a child JVM). */
final class CallbackModels {
  private CallbackModels() {}

  /** A compiled 6-5-2 MLP with Adam; its initial weights depend only on {@code seed}. */
  static Model mlp(long seed) {
    Seeds.setGlobalSeed(seed);
    Sequential m = new Sequential("callbacks_mlp");
    m.add(Input.of(6));
    m.add(new Dense(5, "relu"));
    m.add(new Dense(2));
    m.compile(new Adam(0.01), "mse", "mae");
    return m;
  }

  /** {@code n} samples of 6 features, from a formula (no random state involved). */
  static INDArray x(int n) {
    float[][] v = new float[n][6];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < 6; j++) {
        v[i][j] = (float) Math.sin(0.7 * i + 1.3 * j);
      }
    }
    return Nd4j.create(v).castTo(DataType.FLOAT);
  }

  /** Targets for {@link #x}: two smooth functions of the features. */
  static INDArray y(int n) {
    float[][] v = new float[n][2];
    for (int i = 0; i < n; i++) {
      v[i][0] = (float) Math.cos(0.3 * i);
      v[i][1] = (float) (0.5 * Math.sin(0.2 * i) - 0.1);
    }
    return Nd4j.create(v).castTo(DataType.FLOAT);
  }
}
