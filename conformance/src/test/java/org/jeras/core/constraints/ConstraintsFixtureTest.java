package org.jeras.core.constraints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.List;
import org.jeras.core.config.Serialization;
import org.jeras.conformance.KerasConfigs;
import org.junit.jupiter.api.Test;

class ConstraintsFixtureTest {

  @Test
  void dictsEqualTheFixture() {
    for (String cls : List.of("MaxNorm", "MinMaxNorm", "NonNeg", "UnitNorm")) {
      List<JsonObject> found = KerasConfigs.find("dense_constraints", "keras.constraints", cls);
      assertTrue(!found.isEmpty(), cls);
      for (JsonObject dict : found) {
        assertEquals(dict, Serialization.serialize(Serialization.deserialize(dict, Constraint.class)), cls);
      }
    }
    assertEquals(KerasConfigs.find("dense_constraints", "keras.constraints", "MaxNorm").get(0),
        Serialization.serialize(new MaxNorm(1.5, 0)));
    assertEquals(KerasConfigs.find("dense_constraints", "keras.constraints", "MinMaxNorm").get(0),
        Serialization.serialize(new MinMaxNorm(0.5, 1.0, 1.0, 0)));
    assertEquals(KerasConfigs.find("dense_constraints", "keras.constraints", "UnitNorm").get(0),
        Serialization.serialize(new UnitNorm(0)));
  }
}
