package org.jeras.layers.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jeras.core.config.ConfigException;
import org.jeras.core.model.Functional;
import org.jeras.core.model.Input;
import org.jeras.core.model.Sequential;
import org.jeras.core.optimizers.Adam;
import org.jeras.core.optimizers.Optimizer;
import org.jeras.core.tensor.Tensor;
import org.jeras.layers.core.Dense;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** {@code compile("adam", "mse", List.of("mae"))}: optimizers, losses and metrics by Keras's names. */
class CompileByNameTest {
  private static Sequential model() {
    Sequential m = new Sequential(new Dense(1));
    m.build(org.jeras.core.tensor.Shape.of(-1, 2), true);
    return m;
  }

  @Test
  void everyKerasOptimizerNameBuildsThatOptimizerWithKerasDefaults() {
    Map<String, String> classes = new LinkedHashMap<>();
    for (String name : List.of("adam", "sgd", "rmsprop", "adamw", "adagrad", "adadelta", "adamax", "nadam", "ftrl", "lion")) {
      Sequential m = model();
      m.compile(name, "mse");
      Optimizer o = m.optimizer();
      classes.put(name, o.getClass().getSimpleName().toLowerCase());
    }
    classes.forEach((name, cls) -> assertEquals(name, cls));
    Sequential m = model();
    m.compile("adam", "mse", List.of("mae"));
    Adam adam = (Adam) m.optimizer();
    assertEquals((float) 0.001, adam.learningRate(), 0.0, "Keras's default learning rate, stored as float32");
  }

  @Test
  void aMetricListIsTheMetricsOfEveryOutput() {
    Sequential m = model();
    m.compile("adam", "mse", List.of("mae", "mse"));
    assertEquals("[\"mae\",\"mse\"]", m.getCompileConfig().get("metrics").toString());
    INDArray x = Nd4j.ones(DataType.FLOAT, 4, 2);
    INDArray y = Nd4j.zeros(DataType.FLOAT, 4, 1);
    Map<String, Double> logs = m.evaluate(x, y);
    assertEquals(Set.of("loss", "mae", "mse"), logs.keySet());
    double p = m.predict(x).getDouble(0);
    assertEquals(Math.abs(p), logs.get("mae"), 1e-5);
    assertEquals(p * p, logs.get("mse"), 1e-5);
  }

  @Test
  void aMetricMapIsKeyedByOutputName() {
    Tensor in = Input.of(2);
    Tensor a = new Dense(1).setName("a").apply(in);
    Tensor b = new Dense(1).setName("b").apply(in);
    Functional f = new Functional(List.of(in), List.of(a, b), "two");
    f.compile("sgd", "mse", Map.of("b", List.of("mae")));
    INDArray x = Nd4j.ones(DataType.FLOAT, 3, 2);
    INDArray y = Nd4j.zeros(DataType.FLOAT, 3, 1);
    Map<String, Double> logs = f.evaluate(new org.jeras.core.training.Dataset(List.of(x), List.of(y, y), null), 32);
    assertTrue(logs.containsKey("b_mae"), logs.toString());
    assertTrue(logs.keySet().stream().noneMatch(k -> k.startsWith("a_mae")), logs.toString());
  }

  @Test
  void unknownNamesSayWhereTheyCameFromAndTheClosestKnownNames() {
    ConfigException opt = assertThrows(ConfigException.class, () -> model().compile("adamm", "mse"));
    assertTrue(opt.getMessage().startsWith("compile() 'optimizer': "), opt.getMessage());
    assertTrue(opt.getMessage().contains("closest known names: adam"), opt.getMessage());
    ConfigException loss = assertThrows(ConfigException.class, () -> model().compile("adam", "msee"));
    assertTrue(loss.getMessage().startsWith("compile() 'loss': "), loss.getMessage());
    assertTrue(loss.getMessage().contains("mse"), loss.getMessage());
    ConfigException metric = assertThrows(ConfigException.class, () -> model().compile("adam", "mse", List.of("maee")));
    assertTrue(metric.getMessage().startsWith("compile() 'metrics': "), metric.getMessage());
    assertTrue(metric.getMessage().contains("mae"), metric.getMessage());
  }
}
