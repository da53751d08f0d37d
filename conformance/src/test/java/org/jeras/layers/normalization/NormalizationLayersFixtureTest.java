package org.jeras.layers.normalization;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jeras.conformance.KerasModels;
import org.junit.jupiter.api.Test;

/** NormalizationLayers checked against files written by real Keras (the fixtures). */
class NormalizationLayersFixtureTest {

  @Test
  void fixtureLayerConfigsRoundTrip() {
    assertEquals(2, KerasModels.layersOf("batchnorm", "BatchNormalization").size());
    assertEquals(2, KerasModels.layersOf("layernorm", "LayerNormalization").size());
    assertEquals(3, KerasModels.layersOf("group_norm", "GroupNormalization").size());
    assertEquals(2, KerasModels.layersOf("unit_norm", "UnitNormalization").size());
  }
}
