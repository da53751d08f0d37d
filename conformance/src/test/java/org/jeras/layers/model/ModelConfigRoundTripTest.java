package org.jeras.layers.model;

import org.jeras.conformance.KerasModels;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;


/**
 * Sequential and functional model configs written by real Keras rebuild in Jeras and serialize
 * back to the same JSON (shared_object_id bookkeeping aside).
 */
class ModelConfigRoundTripTest {
  @ParameterizedTest
  @ValueSource(strings = {"seq_mlp", "func_mlp_named_input", "func_multi_io", "dense_no_bias", "dense_regularizers",
      "dense_constraints", "nested_sequential", "nested_functional_in_sequential", "shared_layer", "opt_adam_cce",
      "dropout", "custom_activation"})
  void kerasConfigRoundTrips(String name) {
    if (name.equals("custom_activation")) {
      CustomFixtures.register();
    }
    KerasModels.assertConfigRoundTrips(name);
  }
}
