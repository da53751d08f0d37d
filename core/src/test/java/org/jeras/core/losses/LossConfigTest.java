package org.jeras.core.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.Serialization;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Shape;
import org.junit.jupiter.api.Test;

/** Keras config keys, defaults and key order; string aliases; real compile configs written by Keras. */
class LossConfigTest {
  private static String json(Loss loss) {
    return Config.gson().toJson(Serialization.serialize(loss));
  }

  private static void roundTrip(Loss loss, String expectedConfig) {
    assertEquals(expectedConfig, loss.getConfig().toJson());
    Loss back = Serialization.deserialize(Serialization.serialize(loss), Loss.class);
    assertEquals(loss.getClass(), back.getClass());
    assertEquals(expectedConfig, back.getConfig().toJson());
  }

  @Test
  void defaultsAndKeyOrder() {
    String base = "\"reduction\":\"sum_over_batch_size\"";
    roundTrip(new MeanSquaredError(), "{\"name\":\"mean_squared_error\"," + base + "}");
    roundTrip(new MeanAbsoluteError(), "{\"name\":\"mean_absolute_error\"," + base + "}");
    roundTrip(new MeanAbsolutePercentageError(), "{\"name\":\"mean_absolute_percentage_error\"," + base + "}");
    roundTrip(new MeanSquaredLogarithmicError(), "{\"name\":\"mean_squared_logarithmic_error\"," + base + "}");
    roundTrip(new LogCosh(), "{\"name\":\"log_cosh\"," + base + "}");
    roundTrip(new Hinge(), "{\"name\":\"hinge\"," + base + "}");
    roundTrip(new SquaredHinge(), "{\"name\":\"squared_hinge\"," + base + "}");
    roundTrip(new CategoricalHinge(), "{\"name\":\"categorical_hinge\"," + base + "}");
    roundTrip(new KLDivergence(), "{\"name\":\"kl_divergence\"," + base + "}");
    roundTrip(new Poisson(), "{\"name\":\"poisson\"," + base + "}");
    roundTrip(new Huber(), "{\"name\":\"huber_loss\"," + base + ",\"delta\":1.0}");
    roundTrip(new CosineSimilarity(), "{\"name\":\"cosine_similarity\"," + base + ",\"axis\":-1}");
    roundTrip(new BinaryCrossentropy(), "{\"name\":\"binary_crossentropy\"," + base
        + ",\"from_logits\":false,\"label_smoothing\":0.0,\"axis\":-1}");
    roundTrip(new BinaryFocalCrossentropy(), "{\"name\":\"binary_focal_crossentropy\"," + base
        + ",\"from_logits\":false,\"label_smoothing\":0.0,\"axis\":-1,\"apply_class_balancing\":false,"
        + "\"alpha\":0.25,\"gamma\":2.0}");
    roundTrip(new CategoricalCrossentropy(), "{\"name\":\"categorical_crossentropy\"," + base
        + ",\"from_logits\":false,\"label_smoothing\":0.0,\"axis\":-1}");
    roundTrip(new CategoricalFocalCrossentropy(), "{\"name\":\"categorical_focal_crossentropy\"," + base
        + ",\"from_logits\":false,\"label_smoothing\":0.0,\"axis\":-1,\"alpha\":0.25,\"gamma\":2.0}");
    roundTrip(new SparseCategoricalCrossentropy(), "{\"name\":\"sparse_categorical_crossentropy\"," + base
        + ",\"from_logits\":false,\"ignore_class\":null,\"axis\":-1}");
  }

  @Test
  void nonDefaultValuesRoundTrip() {
    roundTrip(new Huber(0.5).withName("h").withReduction(Reduction.SUM),
        "{\"name\":\"h\",\"reduction\":\"sum\",\"delta\":0.5}");
    roundTrip(new SparseCategoricalCrossentropy(true, 3, 1).withReduction(Reduction.PY_NONE),
        "{\"name\":\"sparse_categorical_crossentropy\",\"reduction\":null,\"from_logits\":true,\"ignore_class\":3,\"axis\":1}");
    roundTrip(new BinaryFocalCrossentropy(true, 0.4, 1.5, true, 0.1, -2).withReduction(Reduction.MEAN_WITH_SAMPLE_WEIGHT),
        "{\"name\":\"binary_focal_crossentropy\",\"reduction\":\"mean_with_sample_weight\",\"from_logits\":true,"
            + "\"label_smoothing\":0.1,\"axis\":-2,\"apply_class_balancing\":true,\"alpha\":0.4,\"gamma\":1.5}");
    String dict = "{\"module\":\"keras.losses\",\"class_name\":\"MeanSquaredError\",\"config\":{\"name\":\"m\","
        + "\"reduction\":\"none\",\"dtype\":\"float64\"},\"registered_name\":null}";
    Loss withDtype = Serialization.deserialize(JsonParser.parseString(dict), Loss.class);
    assertEquals(DType.FLOAT64, withDtype.dtype());
    assertEquals(Reduction.NONE, withDtype.reduction());
  }

  @Test
  void badConfigsNameTheKey() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> CategoricalCrossentropy.fromConfig(Config.parse("{\"reduction\":\"avg\"}")));
    assertTrue(e.getMessage().contains("reduction"), e.getMessage());
    e = assertThrows(ConfigException.class, () -> Huber.fromConfig(Config.parse("{\"delta\":\"big\"}")));
    assertTrue(e.getMessage().contains("delta"), e.getMessage());
    e = assertThrows(ConfigException.class,
        () -> Serialization.deserialize(new JsonPrimitive("mean_squared_errors"), Loss.class));
    assertTrue(e.getMessage().contains("mean_squared_errors"), e.getMessage());
  }

  @Test
  void stringAliasesAsKerasResolvesThem() {
    Shape any = Shape.of(-1, 3);
    Object[][] cases = {
        {"mse", MeanSquaredError.class, "mse"}, {"MSE", MeanSquaredError.class, "MSE"},
        {"mean_squared_error", MeanSquaredError.class, "mean_squared_error"},
        {"MeanSquaredError", MeanSquaredError.class, "mean_squared_error"},
        {"mae", MeanAbsoluteError.class, "mae"}, {"mape", MeanAbsolutePercentageError.class, "mape"},
        {"msle", MeanSquaredLogarithmicError.class, "msle"}, {"kld", KLDivergence.class, "kld"},
        {"KLD", KLDivergence.class, "KLD"}, {"kl_divergence", KLDivergence.class, "kl_divergence"},
        {"huber", Huber.class, "huber"}, {"Huber", Huber.class, "huber_loss"}, {"log_cosh", LogCosh.class, "log_cosh"},
        {"bce", BinaryCrossentropy.class, "bce"}, {"binary_crossentropy", BinaryCrossentropy.class, "binary_crossentropy"},
        {"categorical_crossentropy", CategoricalCrossentropy.class, "categorical_crossentropy"},
        {"sparse_categorical_crossentropy", SparseCategoricalCrossentropy.class, "sparse_categorical_crossentropy"},
        {"binary_focal_crossentropy", BinaryFocalCrossentropy.class, "binary_focal_crossentropy"},
        {"categorical_focal_crossentropy", CategoricalFocalCrossentropy.class, "categorical_focal_crossentropy"},
        {"poisson", Poisson.class, "poisson"}, {"hinge", Hinge.class, "hinge"},
        {"squared_hinge", SquaredHinge.class, "squared_hinge"}, {"categorical_hinge", CategoricalHinge.class, "categorical_hinge"},
        {"cosine_similarity", CosineSimilarity.class, "cosine_similarity"},
    };
    for (Object[] c : cases) {
      Loss loss = Losses.get((String) c[0], any, any);
      assertInstanceOf((Class<?>) c[1], loss, (String) c[0]);
      assertEquals(c[2], loss.name(), (String) c[0]);
      assertEquals(c[0], loss.alias());
      assertEquals("\"" + c[0] + "\"", json(loss), "a string loss is written back as the same string");
    }
    // functions resolve with Keras's default arguments
    assertEquals(false, ((CategoricalCrossentropy) Losses.get("categorical_crossentropy", any, any)).fromLogits());
    // dropping the alias writes the full dict again
    assertTrue(json(Losses.get("mse", any, any).withAlias(null)).startsWith("{\"module\":\"keras.losses\""));
  }

  @Test
  void crossentropyFromShapes() {
    assertInstanceOf(BinaryCrossentropy.class, Losses.get("crossentropy", Shape.of(-1, 1), Shape.of(-1, 1)));
    assertInstanceOf(SparseCategoricalCrossentropy.class, Losses.get("ce", Shape.of(-1), Shape.of(-1, 4)));
    assertInstanceOf(SparseCategoricalCrossentropy.class, Losses.get("CE", Shape.of(-1, 1), Shape.of(-1, 4)));
    Loss cce = Losses.get("crossentropy", Shape.of(-1, 4), Shape.of(-1, 4));
    assertInstanceOf(CategoricalCrossentropy.class, cce);
    assertEquals("crossentropy", cce.name());
    assertEquals("\"crossentropy\"", json(cce));
  }
}
