package org.jeras.layers.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import java.util.Map;
import org.jeras.core.losses.MeanSquaredError;
import org.jeras.core.model.Sequential;
import org.jeras.core.optimizers.Adam;
import org.jeras.core.optimizers.RMSprop;
import org.jeras.layers.core.Dense;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** As in Keras, a string names an object by its shorthand ("adam") or by its class name ("Adam"). */
class CompileByClassNameTest {
  @Test
  void classNamesWorkLikeShorthands() {
    Sequential m = new Sequential(new Dense(1));
    m.build(org.jeras.core.tensor.Shape.of(-1, 2), true);
    m.compile("Adam", "MeanSquaredError", List.of("MeanAbsoluteError"));
    assertInstanceOf(Adam.class, m.optimizer());
    Map<String, Double> logs = m.evaluate(Nd4j.ones(DataType.FLOAT, 4, 2), Nd4j.zeros(DataType.FLOAT, 4, 1));
    assertEquals(2, logs.size(), logs.toString());
    Sequential r = new Sequential(new Dense(1));
    r.compile("RMSprop", new MeanSquaredError());
    assertInstanceOf(RMSprop.class, r.optimizer());
  }
}
