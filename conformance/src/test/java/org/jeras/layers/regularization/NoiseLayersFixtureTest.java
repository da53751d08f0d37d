package org.jeras.layers.regularization;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.jeras.conformance.KerasModels;
import org.junit.jupiter.api.Test;

class NoiseLayersFixtureTest {
  private static final Set<String> MINE = Set.of("SpatialDropout1D", "SpatialDropout2D", "SpatialDropout3D",
      "GaussianNoise", "GaussianDropout", "AlphaDropout", "ActivityRegularization");

  @Test
  void inferenceFixtureMatchesKeras() {
    for (String dir : List.of("", "jax/")) {
      KerasModels.assertReproduces(dir + "noise_layers_inference");
    }
    assertEquals(4, KerasModels.assertLayerConfigsRoundTrip("noise_layers_inference", MINE));
    for (String dir : List.of("", "jax/")) {
      KerasModels.assertReproduces(dir + "spatial_dropout2d");
    }
    assertEquals(1, KerasModels.assertLayerConfigsRoundTrip("spatial_dropout2d", MINE));
  }
}
