package org.jeras.core.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.Serialization;
import org.jeras.core.layer.Names;
import org.jeras.core.schedules.ExponentialDecay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Optimizer configs: Keras's defaults, key order, round trips, shorthands and every fixture's compile config. */
class OptimizerConfigTest {
  private static final String BASE = "\"weight_decay\":null,\"clipnorm\":null,\"global_clipnorm\":null,"
      + "\"clipvalue\":null,\"use_ema\":false,\"ema_momentum\":0.99,\"ema_overwrite_frequency\":null,"
      + "\"loss_scale_factor\":null,\"gradient_accumulation_steps\":null";
  private static final String LR_0_001 = "0.0010000000474974513";

  /** What Keras 3.16 writes for each optimizer built with its defaults (name fixed to "opt"). */
  static Stream<Arguments> defaults() {
    return Stream.of(
        Arguments.of((Supplier<Optimizer>) SGD::new, "SGD", "{\"name\":\"opt\",\"learning_rate\":0.009999999776482582,"
            + BASE + ",\"momentum\":0.0,\"nesterov\":false}"),
        Arguments.of((Supplier<Optimizer>) Adam::new, "Adam", "{\"name\":\"opt\",\"learning_rate\":" + LR_0_001 + ","
            + BASE + ",\"beta_1\":0.9,\"beta_2\":0.999,\"epsilon\":1e-07,\"amsgrad\":false}"),
        Arguments.of((Supplier<Optimizer>) AdamW::new, "AdamW", "{\"name\":\"opt\",\"learning_rate\":" + LR_0_001
            + "," + BASE.replace("\"weight_decay\":null", "\"weight_decay\":0.004")
            + ",\"beta_1\":0.9,\"beta_2\":0.999,\"epsilon\":1e-07,\"amsgrad\":false}"),
        Arguments.of((Supplier<Optimizer>) RMSprop::new, "RMSprop", "{\"name\":\"opt\",\"learning_rate\":" + LR_0_001
            + "," + BASE + ",\"rho\":0.9,\"momentum\":0.0,\"epsilon\":1e-07,\"centered\":false}"),
        Arguments.of((Supplier<Optimizer>) Adagrad::new, "Adagrad", "{\"name\":\"opt\",\"learning_rate\":" + LR_0_001
            + "," + BASE + ",\"initial_accumulator_value\":0.1,\"epsilon\":1e-07}"),
        Arguments.of((Supplier<Optimizer>) Adadelta::new, "Adadelta", "{\"name\":\"opt\",\"learning_rate\":"
            + LR_0_001 + "," + BASE + ",\"rho\":0.95,\"epsilon\":1e-07}"),
        Arguments.of((Supplier<Optimizer>) Adamax::new, "Adamax", "{\"name\":\"opt\",\"learning_rate\":" + LR_0_001
            + "," + BASE + ",\"beta_1\":0.9,\"beta_2\":0.999,\"epsilon\":1e-07}"),
        Arguments.of((Supplier<Optimizer>) Nadam::new, "Nadam", "{\"name\":\"opt\",\"learning_rate\":" + LR_0_001
            + "," + BASE + ",\"beta_1\":0.9,\"beta_2\":0.999,\"epsilon\":1e-07}"),
        Arguments.of((Supplier<Optimizer>) Lion::new, "Lion", "{\"name\":\"opt\",\"learning_rate\":" + LR_0_001
            + "," + BASE + ",\"beta_1\":0.9,\"beta_2\":0.99}"),
        Arguments.of((Supplier<Optimizer>) Ftrl::new, "Ftrl", "{\"name\":\"opt\",\"learning_rate\":" + LR_0_001
            + "," + BASE + ",\"learning_rate_power\":-0.5,\"initial_accumulator_value\":0.1,"
            + "\"l1_regularization_strength\":0.0,\"l2_regularization_strength\":0.0,"
            + "\"l2_shrinkage_regularization_strength\":0.0,\"beta\":0.0}"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("defaults")
  void defaultsMatchKerasAndRoundTrip(Supplier<Optimizer> ctor, String className, String kerasJson) {
    Optimizer opt = ctor.get();
    assertEquals(className, opt.className());
    assertEquals("keras.optimizers", opt.module());
    assertTrue(opt.name().startsWith(Names.snakeCase(className)), opt.name());
    Config config = opt.getConfig().put("name", "opt");
    assertEquals(kerasJson, config.toJson());

    // Serialized form, then back: same config, text and key order included.
    JsonObject dict = Serialization.serialize(Serialization.deserialize(wrap(className, config), Optimizer.class))
        .getAsJsonObject();
    assertEquals("keras.optimizers", dict.get("module").getAsString());
    assertEquals(className, dict.get("class_name").getAsString());
    assertTrue(dict.get("registered_name").isJsonNull());
    assertEquals(kerasJson, Config.of(dict.getAsJsonObject("config")).toJson());

    // An empty config gets the same defaults; the lower-case shorthand and class name work too.
    String lower = className.toLowerCase();
    for (JsonElement e : List.of(wrap(className, Config.empty()), new JsonPrimitive(lower), wrap(lower, Config.empty()))) {
      Optimizer fromDefaults = Serialization.deserialize(e, Optimizer.class);
      assertEquals(opt.getClass(), fromDefaults.getClass());
      assertEquals(kerasJson, fromDefaults.getConfig().put("name", "opt").toJson());
    }
  }

  @Test
  void nonDefaultArgumentsRoundTrip() {
    OptimizerOptions o = OptimizerOptions.of(new ExponentialDecay(0.01, 10, 0.9)).withName("my_opt")
        .withWeightDecay(0.05).withGlobalClipnorm(2.5).withEma(0.9, 3).withLossScaleFactor(128.0)
        .withGradientAccumulationSteps(4);
    List<Optimizer> all = List.of(new SGD(o, 0.5, true), new Adam(o, 0.8, 0.99, 1e-6, true),
        new AdamW(o, 0.8, 0.99, 1e-6, true), new RMSprop(o, 0.8, 0.3, 1e-5, true), new Adagrad(o, 0.2, 1e-5),
        new Adadelta(o, 0.9, 1e-6), new Adamax(o, 0.8, 0.9, 1e-6), new Nadam(o, 0.8, 0.9, 1e-6),
        new Lion(o, 0.8, 0.9), new Ftrl(o, -0.7, 0.2, 0.01, 0.02, 0.03, 0.5));
    for (Optimizer opt : all) {
      String json = opt.getConfig().toJson();
      Optimizer back = Serialization.deserialize(Serialization.serialize(opt), Optimizer.class);
      assertEquals(opt.getClass(), back.getClass());
      assertEquals(json, back.getConfig().toJson());
      assertTrue(json.contains("\"learning_rate\":{\"module\":\"keras.optimizers.schedules\",\"class_name\":"
          + "\"ExponentialDecay\",\"config\":{\"initial_learning_rate\":0.01,\"decay_steps\":10,\"decay_rate\":0.9,"
          + "\"staircase\":false,\"name\":\"ExponentialDecay\"},\"registered_name\":null}"), json);
      assertTrue(json.contains("\"weight_decay\":0.05,\"clipnorm\":null,\"global_clipnorm\":2.5,\"clipvalue\":null,"
          + "\"use_ema\":true,\"ema_momentum\":0.9,\"ema_overwrite_frequency\":3,\"loss_scale_factor\":128.0,"
          + "\"gradient_accumulation_steps\":4"), json);
    }
  }

  @Test
  void badConfigsFailWithTheKeyAtFault() {
    ConfigException unknown = assertThrows(ConfigException.class,
        () -> Serialization.deserialize(wrap("Adam", Config.parse("{\"beta_3\":0.5}")), Optimizer.class));
    assertTrue(unknown.getMessage().contains("beta_3"), unknown.getMessage());
    ConfigException clips = assertThrows(ConfigException.class, () -> Serialization.deserialize(
        wrap("SGD", Config.parse("{\"clipnorm\":1.0,\"clipvalue\":0.5}")), Optimizer.class));
    assertTrue(clips.getMessage().contains("clipnorm") && clips.getMessage().contains("clipvalue"), clips.getMessage());
    ConfigException adamw = assertThrows(ConfigException.class,
        () -> Serialization.deserialize(wrap("AdamW", Config.parse("{\"weight_decay\":null}")), Optimizer.class));
    assertTrue(adamw.getMessage().contains("weight_decay"), adamw.getMessage());
    ConfigException type = assertThrows(ConfigException.class,
        () -> Serialization.deserialize(wrap("RMSprop", Config.parse("{\"rho\":\"high\"}")), Optimizer.class));
    assertTrue(type.getMessage().contains("rho"), type.getMessage());
    assertThrows(ConfigException.class, () -> Serialization.deserialize(new JsonPrimitive("adamm"), Optimizer.class));
    // Keras ignores the retired `decay` argument (with a warning).
    assertInstanceOf(SGD.class,
        Serialization.deserialize(wrap("SGD", Config.parse("{\"decay\":0.1}")), Optimizer.class));
  }

  @Test
  void torchAndJaxModulesBothResolve() {
    Config config = Config.parse("{\"learning_rate\":0.5}");
    JsonObject torch = wrap("Adam", config);
    torch.addProperty("module", "keras.src.backend.torch.optimizers.torch_adam");
    torch.addProperty("registered_name", "Adam");
    assertInstanceOf(Adam.class, Serialization.deserialize(torch, Optimizer.class));
    Optimizer jax = Serialization.deserialize(wrap("Adam", config), Optimizer.class);
    assertEquals(0.5, jax.learningRate());
    assertNull(jax.schedule());
  }

  private static JsonObject wrap(String className, Config config) {
    JsonObject o = new JsonObject();
    o.addProperty("module", "keras.optimizers");
    o.addProperty("class_name", className);
    o.add("config", config.json());
    o.add("registered_name", JsonNull.INSTANCE);
    return o;
  }
}
