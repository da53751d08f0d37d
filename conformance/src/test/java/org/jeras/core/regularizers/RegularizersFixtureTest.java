package org.jeras.core.regularizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.List;
import org.jeras.core.config.Serialization;
import org.jeras.core.tensor.Tensor;
import org.jeras.conformance.KerasConfigs;
import org.junit.jupiter.api.Test;

class RegularizersFixtureTest {

  private static double value(Regularizer r, Tensor x) {
    return r.apply(x).value().getDouble(0);
  }

  @Test
  void dictsEqualTheFixture() {
    for (String cls : List.of("L1", "L2", "L1L2")) {
      List<JsonObject> found = KerasConfigs.find("dense_regularizers", "keras.regularizers", cls);
      assertTrue(!found.isEmpty(), cls);
      for (JsonObject dict : found) {
        assertEquals(dict, Serialization.serialize(Serialization.deserialize(dict, Regularizer.class)), cls);
      }
    }
    // Keras's L1 keeps its factor as float32: L1(0.001) writes the float32 value widened to double.
    assertEquals(KerasConfigs.find("dense_regularizers", "keras.regularizers", "L1").get(0),
        Serialization.serialize(new L1(0.001)));
    assertEquals("{\"l1\":0.0010000000474974513}", new L1(0.001).getConfig().toJson());
    assertEquals(KerasConfigs.find("dense_regularizers", "keras.regularizers", "L1L2").get(0),
        Serialization.serialize(new L1L2(0.01, 0.001)));
    assertEquals(KerasConfigs.find("dense_regularizers", "keras.regularizers", "L2").get(0),
        Serialization.serialize(new L2(0.01)));
    assertEquals("{\"factor\":0.009999999776482582,\"mode\":\"rows\"}", new OrthogonalRegularizer().getConfig().toJson());
  }
}
