package org.jeras.core.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.Serialization;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;
import org.jeras.core.testing.MapVariableStore;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Mechanics and configs of Lamb, Adafactor, Muon and LossScaleOptimizer (their numbers are checked
 * against real-Keras trajectories in the conformance module).
 */
class CatalogueOptimizersTest {
  private static List<Variable> vars() {
    return List.of(new Variable("kernel", "d/kernel", Nd4j.createFromArray(new float[][] {{0.5f, -1f}, {2f, 0.25f}}),
        true), new Variable("bias", "d/bias", Nd4j.createFromArray(0.1f, -0.2f), true));
  }

  private static List<INDArray> grads(float scale) {
    return new ArrayList<>(List.of(Nd4j.createFromArray(new float[][] {{0.3f, -0.2f}, {0.1f, 0.4f}}).muli(scale),
        Nd4j.createFromArray(0.05f, -0.1f).muli(scale)));
  }

  @Test
  void configsRoundTrip() {
    for (Optimizer o : List.of(new Lamb(0.01), new Adafactor(), new Muon(), new LossScaleOptimizer(new Adam(0.01)),
        new ScheduleFreeAdamW())) {
      String json = Config.gson().toJson(Serialization.serialize(o));
      Optimizer back = Serialization.deserialize(JsonParser.parseString(json), Optimizer.class);
      assertEquals(json, Config.gson().toJson(Serialization.serialize(back)), o.className());
    }
  }

  @Test
  void lossScaleOptimizerSkipsNonFiniteStepsAndAdaptsTheScale() {
    List<Variable> v = vars();
    LossScaleOptimizer lso = new LossScaleOptimizer(new SGD(OptimizerOptions.of(0.1).withName("sgd"), 0.0, false), 8.0, 2,
        "loss_scale_optimizer");
    assertEquals(16.0, lso.scaleLoss(Tensor.scalar(2.0)).value().getDouble(0), 0);
    lso.applyGradients(grads(8f), v);
    assertEquals(0.5f - 0.1f * 0.3f, v.get(0).array().getFloat(0, 0), 1e-7);
    assertEquals(8.0, lso.dynamicScale(), 0);
    lso.applyGradients(grads(8f), v);
    assertEquals(16.0, lso.dynamicScale(), 0, "doubles after dynamic_growth_steps finite steps");
    INDArray before = v.get(0).array().dup();
    List<INDArray> bad = grads(16f);
    bad.get(1).putScalar(0, Float.NaN);
    lso.applyGradients(bad, v);
    assertEquals(before, v.get(0).array(), "a non-finite step changes no weight");
    assertEquals(8.0, lso.dynamicScale(), 0);
    assertEquals(2, lso.iterations(), "the inner optimizer counts the applied steps only");
    // own variables first, then the inner optimizer's (Keras's order)
    List<String> paths = lso.variables().stream().map(Variable::path).toList();
    assertEquals(List.of("loss_scale_optimizer/iteration", "loss_scale_optimizer/learning_rate",
        "loss_scale_optimizer/step_counter", "loss_scale_optimizer/dynamic_scale", "sgd/iteration",
        "sgd/learning_rate"), paths.subList(0, 6));
  }

  @Test
  void lossScaleOptimizerStateSavesAndLoads() {
    List<Variable> v = vars();
    LossScaleOptimizer lso = new LossScaleOptimizer(new Adam(0.01), 4.0, 3, null);
    lso.applyGradients(grads(4f), v);
    MapVariableStore store = new MapVariableStore("optimizer/vars");
    lso.saveOwnVariables(store);
    LossScaleOptimizer fresh = new LossScaleOptimizer(new Adam(0.01), 4.0, 3, null);
    fresh.build(vars());
    assertTrue(fresh.loadOwnVariables(store));
    for (int i = 0; i < lso.variables().size(); i++) {
      assertEquals(lso.variables().get(i).array(), fresh.variables().get(i).array(), lso.variables().get(i).path());
    }
  }

  @Test
  void lossScaleOptimizerRefusesBaseArguments() {
    String inner = "{\"module\":\"keras.optimizers\",\"class_name\":\"SGD\",\"config\":{},\"registered_name\":null}";
    ConfigException e = assertThrows(ConfigException.class, () -> Serialization.deserialize(JsonParser.parseString(
        "{\"class_name\":\"LossScaleOptimizer\",\"config\":{\"inner_optimizer\":" + inner + ",\"clipnorm\":1.0}}"),
        Optimizer.class));
    assertTrue(e.getMessage().contains("clipnorm"), e.getMessage());
    e = assertThrows(ConfigException.class, () -> Serialization.deserialize(JsonParser.parseString(
        "{\"class_name\":\"LossScaleOptimizer\",\"config\":{\"inner_optimizer\":" + inner + ",\"dynamic\":false}}"),
        Optimizer.class));
    assertTrue(e.getMessage().contains("dynamic"), e.getMessage());
  }

  @Test
  void adafactorKeepsPlaceholdersForSmallVariables() {
    Adafactor a = new Adafactor(OptimizerOptions.of(0.01).withName("adafactor"), -0.8, 1e-30, 1e-3, 1.0, true);
    a.build(vars());
    List<String> paths = a.variables().stream().map(Variable::path).toList();
    assertEquals(List.of("adafactor/iteration", "adafactor/learning_rate", "adafactor/kernel", "adafactor/kernel",
        "adafactor/d_kernel_velocity", "bias", "bias", "adafactor/d_bias_velocity"), paths);
    assertEquals(1, a.variables().get(2).array().rank(), "row accumulator of a 2x2 kernel");
  }

  @Test
  void muonSplitsVariablesBetweenMuonAndAdamw() {
    Muon m = new Muon(OptimizerOptions.of(0.01).withName("muon").withWeightDecay(0.004), Muon.Settings.DEFAULTS);
    List<Variable> v = vars();
    m.build(v);
    List<String> paths = m.variables().stream().map(Variable::path).toList();
    assertEquals(List.of("muon/iteration", "muon/learning_rate", "muon/d_kernel_momentum", "muon/d_bias_momentum",
        "muon/d_bias_velocity"), paths);
    m.applyGradients(grads(1f), v);
    assertTrue(v.get(0).array().getFloat(0, 0) < 0.5f);
  }
}
