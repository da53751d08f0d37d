package org.jeras.core.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.Serialization;
import org.jeras.core.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ActivationsTest {
  private static final double[] XS = {-4.2, -2.5, -1.0, -0.7, -0.2, 0.0, 0.3, 0.5, 0.9, 1.0, 1.7, 3.6, 7.0};

  private static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  private static double softplus(double x) {
    return Math.log(1 + Math.exp(x));
  }

  private static double erf(double x) {
    // Abramowitz-Stegun 7.1.26 is too coarse; integrate exp(-t^2) with Simpson's rule instead.
    int n = 2000;
    double h = x / n;
    double s = 0;
    for (int i = 0; i <= n; i++) {
      double t = i * h;
      double w = (i == 0 || i == n) ? 1 : (i % 2 == 1 ? 4 : 2);
      s += w * Math.exp(-t * t);
    }
    return 2 / Math.sqrt(Math.PI) * s * h / 3;
  }

  private static double elu(double x, double alpha) {
    return x > 0 ? x : alpha * (Math.exp(x) - 1);
  }

  private static double hardSigmoid(double x) {
    return Math.max(0, Math.min(1, x / 6 + 0.5));
  }

  /** Each element-wise built-in against its formula, written here independently. */
  private static final Map<String, DoubleUnaryOperator> FORMULAS = Map.ofEntries(
      Map.entry("relu", x -> Math.max(x, 0)),
      Map.entry("leaky_relu", x -> x >= 0 ? x : 0.2 * x),
      Map.entry("relu6", x -> Math.min(Math.max(x, 0), 6)),
      Map.entry("celu", x -> Math.max(x, 0) + Math.min(0, Math.exp(x) - 1)),
      Map.entry("elu", x -> elu(x, 1.0)),
      Map.entry("selu", x -> 1.0507009873554804934193349852946 * elu(x, 1.6732632423543772848170429916717)),
      Map.entry("softplus", ActivationsTest::softplus),
      Map.entry("softsign", x -> x / (1 + Math.abs(x))),
      Map.entry("squareplus", x -> (x + Math.sqrt(x * x + 4)) / 2),
      Map.entry("soft_shrink", x -> x > 0.5 ? x - 0.5 : x < -0.5 ? x + 0.5 : 0),
      Map.entry("sparse_plus", x -> x <= -1 ? 0 : x < 1 ? (x + 1) * (x + 1) / 4 : x),
      Map.entry("silu", x -> x * sigmoid(x)),
      Map.entry("swish", x -> x * sigmoid(x)),
      Map.entry("gelu", x -> 0.5 * x * (1 + erf(x / Math.sqrt(2)))),
      Map.entry("tanh", Math::tanh),
      Map.entry("tanh_shrink", x -> x - Math.tanh(x)),
      Map.entry("sigmoid", ActivationsTest::sigmoid),
      Map.entry("sparse_sigmoid", x -> x <= -1 ? 0 : x >= 1 ? 1 : 0.5 * (x + 1)),
      Map.entry("exponential", Math::exp),
      Map.entry("hard_sigmoid", ActivationsTest::hardSigmoid),
      Map.entry("hard_silu", x -> x * hardSigmoid(x)),
      Map.entry("hard_swish", x -> x * hardSigmoid(x)),
      Map.entry("hard_tanh", x -> Math.max(-1, Math.min(1, x))),
      Map.entry("hard_shrink", x -> Math.abs(x) > 0.5 ? x : 0),
      Map.entry("linear", x -> x),
      Map.entry("mish", x -> x * Math.tanh(softplus(x))),
      Map.entry("log_sigmoid", x -> Math.log(sigmoid(x))));

  @Test
  void everyKerasActivationIsBuiltIn() {
    Set<String> keras = Set.of("relu", "leaky_relu", "relu6", "softmax", "celu", "elu", "selu", "softplus", "softsign",
        "squareplus", "soft_shrink", "sparse_plus", "silu", "gelu", "glu", "tanh", "tanh_shrink", "threshold",
        "sigmoid", "sparse_sigmoid", "exponential", "hard_sigmoid", "hard_silu", "hard_tanh", "hard_shrink", "linear",
        "mish", "log_softmax", "log_sigmoid", "sparsemax", "swish", "hard_swish");
    assertEquals(keras, Activations.builtins().keySet());
  }

  @Test
  void elementwiseValuesMatchFormulas() {
    INDArray x = Nd4j.createFromArray(XS);
    for (Map.Entry<String, DoubleUnaryOperator> e : FORMULAS.entrySet()) {
      INDArray y = Activations.get(e.getKey()).apply(Tensor.of(x)).value();
      for (int i = 0; i < XS.length; i++) {
        double want = e.getValue().applyAsDouble(XS[i]);
        assertEquals(want, y.getDouble(i), 1e-12 * Math.max(1, Math.abs(want)), e.getKey() + " at " + XS[i]);
      }
    }
  }

  @Test
  void axisActivations() {
    INDArray x = Nd4j.createFromArray(new double[][] {{1.0, 0.5, -1.0}, {0.2, 0.1, 0.0}});
    INDArray soft = Activations.SOFTMAX.apply(Tensor.of(x)).value();
    INDArray logSoft = Activations.LOG_SOFTMAX.apply(Tensor.of(x)).value();
    for (int r = 0; r < 2; r++) {
      double z = 0;
      for (int c = 0; c < 3; c++) {
        z += Math.exp(x.getDouble(r, c));
      }
      for (int c = 0; c < 3; c++) {
        assertEquals(Math.exp(x.getDouble(r, c)) / z, soft.getDouble(r, c), 1e-12);
        assertEquals(x.getDouble(r, c) - Math.log(z), logSoft.getDouble(r, c), 1e-12);
      }
    }
    // Sparsemax of (1, 0.5, -1): support {1, 0.5}, tau = (1.5 - 1) / 2 = 0.25.
    // Of (0.2, 0.1, 0): all in the support, tau = (0.3 - 1) / 3.
    INDArray sparse = Activations.SPARSEMAX.apply(Tensor.of(x)).value();
    double tau = -0.7 / 3;
    assertEquals(Nd4j.createFromArray(new double[][] {{0.75, 0.25, 0.0}, {0.2 - tau, 0.1 - tau, -tau}}), sparse);
    INDArray glu = Activations.GLU.apply(Tensor.of(Nd4j.createFromArray(new double[][] {{1.0, -2.0, 0.5, 3.0}}))).value();
    assertEquals(1.0 * sigmoid(0.5), glu.getDouble(0, 0), 1e-12);
    assertEquals(-2.0 * sigmoid(3.0), glu.getDouble(0, 1), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> Activations.THRESHOLD.apply(Tensor.of(x)));
    INDArray th = Activations.threshold(0.3, -5.0).apply(Tensor.of(x)).value();
    assertEquals(Nd4j.createFromArray(new double[][] {{1.0, 0.5, -5.0}, {-5.0, -5.0, -5.0}}), th);
  }

  @Test
  void namesAndAliases() {
    assertSame(Activations.SILU, Activations.get("swish"));
    assertSame(Activations.HARD_SILU, Activations.get("hard_swish"));
    assertEquals(new JsonPrimitive("silu"), Activations.serialize(Activations.get("swish")));
    for (Map.Entry<String, Activation> e : Activations.builtins().entrySet()) {
      JsonElement written = Activations.serialize(e.getValue());
      assertSame(e.getValue(), Activations.deserialize(written));
      assertSame(e.getValue(), Serialization.deserialize(new JsonPrimitive(e.getKey()), Activation.class));
    }
    assertSame(Activations.LINEAR, Activations.deserialize(JsonNull.INSTANCE));
    assertSame(Activations.LINEAR, Activations.deserialize(null));
    ConfigException bad = assertThrows(ConfigException.class, () -> Activations.get("rellu"));
    assertTrue(bad.getMessage().contains("rellu"), bad.getMessage());
    JsonObject builtinDict = JsonParser.parseString(
        "{\"module\": \"keras.activations\", \"class_name\": \"function\", \"config\": \"gelu\", \"registered_name\": null}")
        .getAsJsonObject();
    assertSame(Activations.GELU, Activations.deserialize(builtinDict));
  }
}
