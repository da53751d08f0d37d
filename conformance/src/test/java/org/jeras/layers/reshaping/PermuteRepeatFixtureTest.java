package org.jeras.layers.reshaping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.jeras.conformance.KerasModels;
import org.junit.jupiter.api.Test;

class PermuteRepeatFixtureTest {

  @Test
  void fixtureMatchesKeras() {
    for (String dir : List.of("", "jax/")) {
      KerasModels.assertReproduces(dir + "permute_repeat_vector");
    }
    assertEquals(3, KerasModels.assertLayerConfigsRoundTrip("permute_repeat_vector", Set.of("Permute", "RepeatVector")));
  }
}
