package org.jeras.layers.model;

import org.jeras.core.activations.Activation;
import org.jeras.core.config.Registry;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.NnOps;

/** Java counterparts of the fixtures' custom functions (fixture_custom.py), registered under the same names. */
final class CustomFixtures {
  private static boolean done;

  private CustomFixtures() {}

  static synchronized void register() {
    if (done) {
      return;
    }
    // fixture_custom.scaled_tanh: LeCun's 1.7159 * tanh(2/3 * x)
    Activation scaledTanh = x -> MathOps.mul(NnOps.tanh(MathOps.mul(x, 0.6666667)), 1.7159);
    Registry.registerFunction("fixtures", "scaled_tanh", scaledTanh);
    done = true;
  }
}
