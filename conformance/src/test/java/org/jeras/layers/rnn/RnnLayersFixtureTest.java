package org.jeras.layers.rnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.config.Serialization;
import org.jeras.core.layer.Layer;
import org.jeras.conformance.KerasConfigs;
import org.jeras.layers.core.Embedding;
import org.jeras.layers.core.Masking;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RnnLayers checked against files written by real Keras (the fixtures). */
class RnnLayersFixtureTest {

  // ------------------------------------------------------------------ configs

  private static void strip(JsonElement e) {
    if (e.isJsonObject()) {
      e.getAsJsonObject().remove("shared_object_id");
      e.getAsJsonObject().entrySet().forEach(m -> strip(m.getValue()));
    } else if (e.isJsonArray()) {
      e.getAsJsonArray().forEach(RnnLayersFixtureTest::strip);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"lstm:LSTM", "gru:GRU", "simple_rnn:SimpleRNN", "gru_go_backwards:GRU",
      "lstm_initial_state:LSTM", "bidirectional_gru_modes:Bidirectional", "bidirectional_lstm:Bidirectional",
      "time_distributed_dense:TimeDistributed", "embedding_mask_lstm:Embedding", "embedding:Embedding",
      "masking_lstm:Masking"})
  void fixtureLayerConfigsRoundTrip(String spec) {
    String[] p = spec.split(":");
    List<JsonObject> dicts = KerasConfigs.find(p[0], "keras.layers", p[1]);
    assertFalse(dicts.isEmpty(), spec);
    for (JsonObject dict : dicts) {
      JsonObject expected = dict.deepCopy();
      expected.remove("name");
      expected.remove("inbound_nodes");
      strip(expected);
      Layer layer = Serialization.deserialize(expected, Layer.class);
      JsonElement again = Serialization.serialize(layer);
      assertEquals(Config.of(expected.getAsJsonObject()), Config.of(again.getAsJsonObject()), spec);
    }
  }
}
