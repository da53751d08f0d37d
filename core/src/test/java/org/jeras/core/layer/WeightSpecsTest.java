package org.jeras.core.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.config.Serialization;
import org.jeras.core.constraints.NonNeg;
import org.jeras.core.initializers.HeNormal;
import org.jeras.core.regularizers.L2;
import org.junit.jupiter.api.Test;

class WeightSpecsTest {
  @Test
  void writesKerasKeysInOrderAndReadsThemBack() {
    WeightSpecs specs = new WeightSpecs("kernel", "glorot_uniform", "bias", "zeros");
    specs.setInitializer("kernel", new HeNormal(3L));
    specs.setRegularizer("bias", new L2(0.5));
    specs.setConstraint("kernel", new NonNeg());
    Config c = Config.empty();
    specs.putInitializers(c);
    specs.putRegularizers(c);
    specs.putConstraints(c);
    assertEquals(List.of("kernel_initializer", "bias_initializer", "kernel_regularizer", "bias_regularizer",
        "kernel_constraint", "bias_constraint"), List.copyOf(c.json().keySet()));

    WeightSpecs read = new WeightSpecs("kernel", "glorot_uniform", "bias", "zeros");
    read.read(c);
    Config again = Config.empty();
    read.putInitializers(again);
    read.putRegularizers(again);
    read.putConstraints(again);
    assertEquals(c.json(), again.json());
  }

  @Test
  void missingKeysKeepKerasDefaultsAndClearTheRest() {
    WeightSpecs specs = new WeightSpecs("gamma", "ones");
    specs.setRegularizer("gamma", new L2(0.1));
    specs.read(Config.empty().put("gamma_initializer", (String) null));
    assertEquals("Ones", Serialization.serialize(specs.get("gamma").initializer()).getAsJsonObject()
        .get("class_name").getAsString());
    assertNull(specs.get("gamma").regularizer());
    assertNull(specs.get("gamma").constraint());
  }

  @Test
  void unknownWeightIsNamed() {
    WeightSpecs specs = new WeightSpecs("kernel", "glorot_uniform", "bias", "zeros");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> specs.setInitializer("recurrent", new HeNormal()));
    assertTrue(e.getMessage().contains("'recurrent'") && e.getMessage().contains("[kernel, bias]"), e.getMessage());
  }
}
