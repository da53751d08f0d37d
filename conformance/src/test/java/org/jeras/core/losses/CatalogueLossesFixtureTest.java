package org.jeras.core.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import java.util.stream.Stream;
import org.jeras.conformance.Catalogue;
import org.jeras.core.config.Config;
import org.jeras.core.config.Serialization;
import org.jeras.core.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The losses Keras 3.16 added to its catalogue (Dice, Tversky, Circle, CTC,
 * CategoricalGeneralizedCrossEntropy) against real Keras (jax): each serialized loss deserializes
 * and writes back identically, and its value with the configured reduction, with sample weights
 * and without reduction matches Keras within 1e-5.
 */
class CatalogueLossesFixtureTest {
  static Stream<JsonObject> cases() {
    return Catalogue.cases("loss").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesKeras(JsonObject c) {
    String name = c.get("name").getAsString();
    JsonObject object = c.getAsJsonObject("object");
    Loss loss = Serialization.deserialize(object, Loss.class);
    assertEquals(object.get("class_name").getAsString(), loss.className(), name);
    assertEquals(Config.of(object.getAsJsonObject("config")).toJson(), loss.getConfig().toJson(), name + " config");
    Tensor t = Tensor.of(Catalogue.array(c.get("y_true").getAsString()));
    Tensor p = Tensor.of(Catalogue.array(c.get("y_pred").getAsString()));
    Tensor w = Tensor.of(Catalogue.array(c.get("sample_weight").getAsString()));
    Catalogue.assertClose(Catalogue.array(c.get("value").getAsString()), loss.apply(t, p, null).value(), name);
    Catalogue.assertClose(Catalogue.array(c.get("value_weighted").getAsString()), loss.apply(t, p, w).value(),
        name + " weighted");
    Catalogue.assertClose(Catalogue.array(c.get("value_none").getAsString()),
        loss.withReduction(Reduction.PY_NONE).apply(t, p, null).value(), name + " reduction=None");
  }
}
