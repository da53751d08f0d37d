package org.jeras.core.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import org.jeras.core.config.InvalidConfigException;
import org.jeras.core.config.Serialization;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Optimizer configs are read with the layers' read-tracking: every key an optimizer writes is read
 * back (the config round-trips), the retired {@code decay} is taken and ignored as Keras does, and
 * any other key is refused with Keras's "Argument(s) not recognized" naming the optimizer.
 */
class OptimizerUnknownKeysTest {
  private static JsonObject dictOf(String alias) {
    Optimizer o = Serialization.deserialize(new JsonPrimitive(alias), Optimizer.class);
    return Serialization.serialize(o).getAsJsonObject().deepCopy();
  }

  private static Optimizer load(JsonObject dict) {
    return Serialization.deserialize(dict, Optimizer.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"adam", "adamw", "sgd", "rmsprop", "adagrad", "adadelta", "adamax", "ftrl", "lion", "nadam"})
  void everyWrittenKeyIsReadAndUnknownOnesAreRefused(String alias) {
    JsonObject dict = dictOf(alias);
    Optimizer back = load(dict.deepCopy());
    assertEquals(dict.getAsJsonObject("config"), back.getConfig().json());

    JsonObject withDecay = dict.deepCopy();
    withDecay.getAsJsonObject("config").addProperty("decay", 0.0);
    load(withDecay);

    JsonObject withTypo = dict.deepCopy();
    withTypo.getAsJsonObject("config").addProperty("foo", 1);
    String name = dict.getAsJsonObject("config").get("name").getAsString();
    String cls = dict.get("class_name").getAsString();
    InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> load(withTypo));
    assertEquals("Optimizer '" + name + "' (" + cls + "): Argument(s) not recognized: {'foo': 1}", e.getMessage());
    assertEquals("foo", e.key());
  }
}
