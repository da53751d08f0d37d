package org.jeras.layers.attention;


import org.jeras.conformance.KerasModels;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The attention fixtures written by real Keras (torch and jax sets): each model is rebuilt from
 * its config.json, loaded from its weights file by attribute path, run on the saved inputs and
 * compared with Keras's outputs; its config serializes back to the same JSON.
 */
class AttentionFixturesTest {
  @ParameterizedTest
  @ValueSource(strings = {"einsum_dense", "mha_self", "mha_cross", "mha_attention_axes", "mha_causal", "mha_attention_mask",
      "attention", "additive_attention", "activations"})
  void reproducesKerasOutputs(String name) {
    for (String set : KerasModels.sets(name)) {
      KerasModels.assertReproduces(set + name);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"einsum_dense", "mha_self", "mha_cross", "mha_attention_axes", "mha_causal", "mha_attention_mask",
      "attention", "additive_attention", "activations"})
  void modelConfigRoundTrips(String name) {
    for (String set : KerasModels.sets(name)) {
      KerasModels.assertConfigRoundTrips(set + name);
    }
  }
}
