package org.jeras.core.initializers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import java.util.Map;
import org.jeras.core.config.Serialization;
import org.jeras.conformance.KerasConfigs;
import org.junit.jupiter.api.Test;

class InitializersFixtureTest {

  // ---- configs ----

  @Test
  void serializedDictsEqualTheFixtures() {
    Map<String, String> fixtureOf = Map.of("GlorotUniform", "seq_mlp", "Zeros", "seq_mlp", "Ones", "batchnorm",
        "Orthogonal", "bidirectional_gru_concat", "RandomUniform", "embedding");
    for (Map.Entry<String, String> e : fixtureOf.entrySet()) {
      for (JsonObject found : KerasConfigs.find(e.getValue(), "keras.initializers", e.getKey())) {
        // Keras marks an object shared by several layers (a Bidirectional's two GRUs) with an id.
        JsonObject dict = found.deepCopy();
        dict.remove("shared_object_id");
        Initializer init = Serialization.deserialize(dict, Initializer.class);
        assertEquals(e.getKey(), init.className());
        assertEquals(dict, Serialization.serialize(init), e.getKey());
      }
    }
    // Defaults built in Java write what Keras writes for its defaults.
    assertEquals(KerasConfigs.find("seq_mlp", "keras.initializers", "GlorotUniform").get(0),
        Serialization.serialize(new GlorotUniform()));
    JsonObject orthogonal = KerasConfigs.find("bidirectional_gru_concat", "keras.initializers", "Orthogonal").get(0);
    orthogonal.remove("shared_object_id");
    assertEquals(orthogonal, Serialization.serialize(new Orthogonal()));
    assertEquals(KerasConfigs.find("embedding", "keras.initializers", "RandomUniform").get(0),
        Serialization.serialize(new RandomUniform()));
  }
}
