package org.jeras.layers.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.List;
import org.jeras.core.layer.Layer;
import org.jeras.layers.core.EinsumDense;
import org.jeras.conformance.KerasModels;
import org.junit.jupiter.api.Test;

/** AttentionLayers checked against files written by real Keras (the fixtures). */
class AttentionLayersFixtureTest {

  @Test
  void fixtureLayerConfigsRoundTrip() {
    assertEquals(3, KerasModels.layersOf("einsum_dense", "EinsumDense").size());
    assertEquals(4, KerasModels.layersOf("attention", "Attention").size());
    assertEquals(2, KerasModels.layersOf("additive_attention", "AdditiveAttention").size());
    for (String f : List.of("mha_self", "mha_cross", "mha_causal", "mha_attention_mask", "mha_attention_axes")) {
      for (Layer l : KerasModels.layersOf(f, "MultiHeadAttention")) {
        JsonObject bc = l.getBuildConfig();
        assertTrue(bc.has("shapes_dict"), f);
        assertEquals(List.of("query_dense", "key_dense", "value_dense", "_softmax", "_dropout_layer", "output_dense"),
            List.copyOf(l.trackedAttributes().keySet()), f);
      }
    }
  }
}
