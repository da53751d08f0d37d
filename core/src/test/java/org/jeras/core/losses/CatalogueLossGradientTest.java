package org.jeras.core.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.function.Function;
import org.jeras.core.config.Config;
import org.jeras.core.config.Serialization;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.testing.GradCheck;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Finite-difference gradient checks (float64) and config round trips of Dice, Tversky, Circle,
 * CTC and CategoricalGeneralizedCrossEntropy; their values are checked against real Keras in the
 * conformance module.
 */
class CatalogueLossGradientTest {
  private static INDArray uniform(long seed, double lo, double hi, long... shape) {
    Nd4j.getRandom().setSeed(seed);
    return Nd4j.rand(DataType.DOUBLE, shape).muli(hi - lo).addi(lo);
  }

  private static Function<List<Tensor>, Tensor> both(Loss loss) {
    return t -> loss.call(t.get(0), t.get(1));
  }

  private static Function<List<Tensor>, Tensor> predOnly(Loss loss, INDArray yTrue) {
    return t -> loss.call(Tensor.of(yTrue), t.get(0));
  }

  @Test
  void overlapLosses() {
    INDArray t = uniform(1, 0, 1, 2, 3, 4);
    INDArray p = uniform(2, 0.05, 0.95, 2, 3, 4);
    GradCheck.check(both(new Dice()), t, p);
    GradCheck.check(both(new Dice(1, 2)), t, p);
    GradCheck.check(both(new Tversky()), t, p);
    GradCheck.check(both(new Tversky(0.3, 0.7, 1, 2)), t, p);
  }

  @Test
  void generalizedCrossEntropy() {
    INDArray labels = Nd4j.createFromArray(0.0, 2.0, 1.0, 2.0);
    GradCheck.check(predOnly(new CategoricalGeneralizedCrossEntropy(0.7), labels), uniform(3, 0.05, 0.95, 4, 3));
  }

  @Test
  void circle() {
    INDArray labels = Nd4j.createFromArray(0.0, 1.0, 0.0, 2.0, 1.0, 2.0);
    INDArray e = uniform(4, -1, 1, 6, 4);
    e.diviColumnVector(e.norm2(1));
    GradCheck.check(predOnly(new Circle(), labels), e);
    GradCheck.check(predOnly(new Circle(16, 0.25, false), labels), e);
  }

  @Test
  void ctc() {
    INDArray labels = Nd4j.createFromArray(new double[][] {{1, 2, 2, 0}, {3, 1, 0, 0}});
    GradCheck.check(predOnly(new CTC(), labels), uniform(5, -2, 2, 2, 7, 5));
  }

  @Test
  void ctcOfOneStepIsMinusLogSoftmax() {
    // one time step, one label: the only alignment emits the label
    INDArray logits = Nd4j.createFromArray(new double[][][] {{{0.5, 1.0, -0.3}}});
    double expected = -(1.0 - Math.log(Math.exp(0.5) + Math.exp(1.0) + Math.exp(-0.3)));
    double got = new CTC().call(Tensor.of(Nd4j.createFromArray(new double[][] {{1}})), Tensor.of(logits))
        .value().getDouble(0);
    assertEquals(expected, got, 1e-12);
  }

  @Test
  void ctcRefusesInteriorPadding() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CTC().call(
        Tensor.of(Nd4j.createFromArray(new double[][] {{1, 0, 2}})), Tensor.of(uniform(6, -1, 1, 1, 4, 3))));
    assertEquals(true, e.getMessage().contains("padding"), e.getMessage());
  }

  @Test
  void configRoundTrips() {
    for (Loss loss : List.of(new Dice(), new Dice(1, 2, 3), new Tversky(0.3, 0.7), new Circle(16, 0.25, false),
        new CTC(), new CategoricalGeneralizedCrossEntropy(0.7))) {
      String json = Config.gson().toJson(Serialization.serialize(loss));
      Loss back = Serialization.deserialize(com.google.gson.JsonParser.parseString(json), Loss.class);
      assertEquals(json, Config.gson().toJson(Serialization.serialize(back)), loss.className());
    }
    assertThrows(IllegalArgumentException.class, () -> new CategoricalGeneralizedCrossEntropy(1.0));
  }
}
