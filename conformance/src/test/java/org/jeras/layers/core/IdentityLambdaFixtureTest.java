package org.jeras.layers.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Set;
import org.jeras.conformance.KerasModels;
import org.jeras.core.activations.Activation;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.Serialization;
import org.jeras.core.layer.Layer;
import org.jeras.core.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class IdentityLambdaFixtureTest {
  @Test
  void identityFixtureMatchesKeras() {
    for (String dir : List.of("", "jax/")) {
      KerasModels.assertReproduces(dir + "identity");
    }
    assertEquals(1, KerasModels.assertLayerConfigsRoundTrip("identity", Set.of("Identity")));
  }

  @Test
  void pythonLambdaIsRefusedInSafeMode() {
    JsonObject lambda = null;
    for (JsonElement e : KerasModels.config("lambda_unsafe").getAsJsonObject("config").getAsJsonArray("layers")) {
      if (e.getAsJsonObject().get("class_name").getAsString().equals("Lambda")) {
        lambda = e.getAsJsonObject();
      }
    }
    JsonObject dict = lambda;
    ConfigException safe = assertThrows(ConfigException.class, () -> Serialization.deserialize(dict, Layer.class));
    assertTrue(safe.getMessage().contains("safe_mode") && safe.getMessage().contains("'lambda_affine'"), safe.getMessage());
    ConfigException unsafe = assertThrows(ConfigException.class,
        () -> Lambda.fromConfig(Config.of(dict.getAsJsonObject("config")), false));
    assertTrue(unsafe.getMessage().contains("cannot run in Java"), unsafe.getMessage());
    ConfigException whole = assertThrows(ConfigException.class,
        () -> Serialization.deserialize(KerasModels.config("lambda_unsafe"), Layer.class));
    assertTrue(whole.getMessage().contains("safe_mode"), whole.getMessage());
  }

  @Test
  void registeredFunctionsRoundTrip() {
    Lambda one = new Lambda(IdentityLambdaTest.AFFINE);
    Config c = one.getConfig();
    JsonObject fn = c.get("function").getAsJsonObject();
    assertEquals("jeras_tests>affine", fn.get("config").getAsString());
    assertEquals("function", fn.get("registered_name").getAsString());
    assertEquals(List.of("name", "trainable", "dtype", "function", "arguments"), List.copyOf(c.json().keySet()));
    Lambda back = (Lambda) Serialization.deserialize(Serialization.serialize(one), Layer.class);
    assertEquals(c, back.getConfig());
    INDArray x = IdentityLambdaTest.rand(3, 2, 3);
    KerasModels.assertClose(x.mul(2).addi(1), back.apply(Tensor.of(x)).value(), "affine");
    Lambda two = (Lambda) Serialization.deserialize(Serialization.serialize(new Lambda(IdentityLambdaTest.PRODUCT)), Layer.class);
    assertEquals(List.of(2L, 3L), List.of(two.apply(List.of(Tensor.of(x), Tensor.of(x))).value().shape()[0], 3L));
    assertThrows(ConfigException.class, () -> new Lambda((Activation) t -> t).getConfig());
    JsonObject unknown = Serialization.serialize(one).getAsJsonObject().deepCopy();
    unknown.getAsJsonObject("config").getAsJsonObject("function").addProperty("config", "nowhere>fn");
    ConfigException e = assertThrows(ConfigException.class, () -> Serialization.deserialize(unknown, Layer.class));
    assertTrue(e.getMessage().contains("nowhere>fn"), e.getMessage());
  }
}
