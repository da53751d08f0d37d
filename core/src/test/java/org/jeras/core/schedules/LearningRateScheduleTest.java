package org.jeras.core.schedules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.function.LongToDoubleFunction;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.Serialization;
import org.junit.jupiter.api.Test;

/**
 * Schedule values against the formulas (in double; schedules compute in float32, hence the
 * relative 1e-6), config keys and defaults as Keras writes them, and round trips.
 */
class LearningRateScheduleTest {
  private static void assertSchedule(LearningRateSchedule s, LongToDoubleFunction expected, long... steps) {
    for (long step : steps) {
      double e = expected.applyAsDouble(step);
      assertEquals(e, s.at(step), 1e-6 * Math.max(1e-3, Math.abs(e)), s.className() + " at step " + step);
    }
  }

  private static void assertRoundTrip(LearningRateSchedule s, String kerasConfigJson) {
    assertEquals(kerasConfigJson, s.getConfig().toJson());
    JsonObject dict = Serialization.serialize(s).getAsJsonObject();
    assertEquals("keras.optimizers.schedules", dict.get("module").getAsString());
    assertEquals(s.className(), dict.get("class_name").getAsString());
    assertTrue(dict.get("registered_name").isJsonNull());
    LearningRateSchedule back = Serialization.deserialize(dict, LearningRateSchedule.class);
    assertEquals(s.getClass(), back.getClass());
    assertEquals(kerasConfigJson, back.getConfig().toJson());
    for (long step : new long[] {0, 1, 7, 33, 1000}) {
      assertEquals(s.at(step), back.at(step));
    }
  }

  @Test
  void exponentialDecay() {
    ExponentialDecay smooth = new ExponentialDecay(0.1, 10, 0.5);
    assertSchedule(smooth, t -> 0.1 * Math.pow(0.5, t / 10.0), 0, 1, 5, 10, 15, 100);
    ExponentialDecay stairs = new ExponentialDecay(0.1, 10, 0.5, true, "ExponentialDecay");
    assertSchedule(stairs, t -> 0.1 * Math.pow(0.5, Math.floor(t / 10.0)), 0, 9, 10, 15, 29, 30);
    assertRoundTrip(smooth, "{\"initial_learning_rate\":0.1,\"decay_steps\":10,\"decay_rate\":0.5,"
        + "\"staircase\":false,\"name\":\"ExponentialDecay\"}");
  }

  @Test
  void inverseTimeDecay() {
    InverseTimeDecay smooth = new InverseTimeDecay(0.1, 10, 0.5);
    assertSchedule(smooth, t -> 0.1 / (1 + 0.5 * t / 10.0), 0, 3, 10, 20, 55);
    InverseTimeDecay stairs = new InverseTimeDecay(0.1, 10, 0.5, true, "itd");
    assertSchedule(stairs, t -> 0.1 / (1 + 0.5 * Math.floor(t / 10.0)), 0, 9, 10, 15, 20);
    assertRoundTrip(smooth, "{\"initial_learning_rate\":0.1,\"decay_steps\":10,\"decay_rate\":0.5,"
        + "\"staircase\":false,\"name\":\"InverseTimeDecay\"}");
  }

  @Test
  void piecewiseConstantDecay() {
    PiecewiseConstantDecay s = new PiecewiseConstantDecay(new long[] {10, 20}, new double[] {1.0, 0.5, 0.1});
    assertSchedule(s, t -> t <= 10 ? 1.0 : t <= 20 ? 0.5 : 0.1, 0, 10, 11, 20, 21, 1000);
    assertRoundTrip(s, "{\"boundaries\":[10,20],\"values\":[1.0,0.5,0.1],\"name\":\"PiecewiseConstant\"}");
    assertThrows(IllegalArgumentException.class, () -> new PiecewiseConstantDecay(new long[] {1}, new double[] {1}));
  }

  @Test
  void polynomialDecay() {
    PolynomialDecay linear = new PolynomialDecay(0.1, 10);
    assertSchedule(linear, t -> (0.1 - 0.0001) * (1 - Math.min(t, 10) / 10.0) + 0.0001, 0, 5, 10, 50);
    PolynomialDecay squared = new PolynomialDecay(0.1, 10, 0.01, 2.0, false, "p");
    assertSchedule(squared, t -> 0.09 * Math.pow(1 - Math.min(t, 10) / 10.0, 2) + 0.01, 0, 5, 10, 20);
    PolynomialDecay cycling = new PolynomialDecay(0.1, 10, 0.01, 2.0, true, "p");
    // With cycle the horizon is the next multiple of decay_steps (decay_steps itself at step 0).
    assertSchedule(cycling, t -> {
      double horizon = 10 * (t == 0 ? 1 : Math.ceil(t / 10.0));
      return 0.09 * Math.pow(1 - t / horizon, 2) + 0.01;
    }, 0, 5, 10, 15, 20, 25);
    assertRoundTrip(linear, "{\"initial_learning_rate\":0.1,\"decay_steps\":10,\"end_learning_rate\":0.0001,"
        + "\"power\":1.0,\"cycle\":false,\"name\":\"PolynomialDecay\"}");
  }

  @Test
  void cosineDecay() {
    CosineDecay plain = new CosineDecay(0.1, 10, 0.1, "CosineDecay", null, 0);
    assertSchedule(plain, t -> 0.1 * (0.9 * 0.5 * (1 + Math.cos(Math.PI * Math.min(t, 10) / 10.0)) + 0.1),
        0, 2, 5, 10, 20);
    assertEquals(0.055, plain.at(5), 1e-8);
    assertRoundTrip(new CosineDecay(0.1, 10), "{\"initial_learning_rate\":0.1,\"decay_steps\":10,\"alpha\":0.0,"
        + "\"name\":\"CosineDecay\",\"warmup_target\":null,\"warmup_steps\":0}");
  }

  @Test
  void cosineDecayWithWarmupMatchesKerasFixture() {
    // trajectories/sgd_cosine_warmup: lr used by steps 1..6 (schedule at iterations 0..5).
    CosineDecay s = new CosineDecay(0.01, 3, 0.1, "CosineDecay", 0.1, 2);
    double[] keras = {0.01, 0.055, 0.1, 0.0775, 0.0325, 0.01};
    for (int t = 0; t < keras.length; t++) {
      assertEquals(keras[t], s.at(t), 1e-8, "step " + t);
    }
    assertSchedule(s, t -> t < 2 ? 0.01 + (0.1 - 0.01) * t / 2.0
        : 0.1 * (0.9 * 0.5 * (1 + Math.cos(Math.PI * Math.min(t - 2, 3) / 3.0)) + 0.1), 0, 1, 2, 3, 4, 5, 9, 1000);
    assertRoundTrip(s, "{\"initial_learning_rate\":0.01,\"decay_steps\":3,\"alpha\":0.1,\"name\":\"CosineDecay\","
        + "\"warmup_target\":0.1,\"warmup_steps\":2}");
  }

  /** SGDR by walking the periods one by one (independent of the closed form the schedule uses). */
  private static double sgdr(long step, double lr0, long first, double tMul, double mMul, double alpha) {
    double start = 0;
    double length = first;
    double scale = 1;
    while (step >= start + length) {
      start += length;
      length *= tMul;
      scale *= mMul;
    }
    double fraction = (step - start) / length;
    return lr0 * ((1 - alpha) * 0.5 * scale * (1 + Math.cos(Math.PI * fraction)) + alpha);
  }

  @Test
  void cosineDecayRestarts() {
    CosineDecayRestarts geometric = new CosineDecayRestarts(1.0, 10, 2.0, 0.5, 0.1, "SGDRDecay");
    assertSchedule(geometric, t -> sgdr(t, 1.0, 10, 2.0, 0.5, 0.1), 0, 3, 5, 9, 10, 11, 20, 29, 30, 50, 69, 70, 100);
    CosineDecayRestarts constant = new CosineDecayRestarts(0.5, 4, 1.0, 0.8, 0.0, "SGDRDecay");
    assertSchedule(constant, t -> sgdr(t, 0.5, 4, 1.0, 0.8, 0.0), 0, 1, 2, 3, 4, 5, 8, 13, 40);
    assertRoundTrip(new CosineDecayRestarts(0.1, 100), "{\"initial_learning_rate\":0.1,\"first_decay_steps\":100,"
        + "\"t_mul\":2.0,\"m_mul\":1.0,\"alpha\":0.0,\"name\":\"SGDRDecay\"}");
  }

  @Test
  void fixtureScheduleConfigsRoundTrip() {
    for (String json : List.of(
        "{\"module\":\"keras.optimizers.schedules\",\"class_name\":\"ExponentialDecay\",\"config\":{"
            + "\"initial_learning_rate\":0.01,\"decay_steps\":2,\"decay_rate\":0.5,\"staircase\":false,"
            + "\"name\":\"ExponentialDecay\"},\"registered_name\":null}",
        "{\"module\":\"keras.optimizers.schedules\",\"class_name\":\"CosineDecay\",\"config\":{"
            + "\"initial_learning_rate\":0.01,\"decay_steps\":3,\"alpha\":0.1,\"name\":\"CosineDecay\","
            + "\"warmup_target\":0.1,\"warmup_steps\":2},\"registered_name\":null}")) {
      JsonObject dict = JsonParser.parseString(json).getAsJsonObject();
      LearningRateSchedule s = Serialization.deserialize(dict, LearningRateSchedule.class);
      assertEquals(Config.of(dict.getAsJsonObject("config")).toJson(), s.getConfig().toJson());
    }
  }

  @Test
  void badArgumentsAreTypedErrors() {
    assertThrows(IllegalArgumentException.class, () -> new ExponentialDecay(0.1, 0, 0.5));
    JsonObject dict = JsonParser.parseString("{\"module\":\"keras.optimizers.schedules\",\"class_name\":"
        + "\"CosineDecay\",\"config\":{\"initial_learning_rate\":0.1,\"decay_steps\":-1},\"registered_name\":null}")
        .getAsJsonObject();
    ConfigException e = assertThrows(ConfigException.class,
        () -> Serialization.deserialize(dict, LearningRateSchedule.class));
    assertTrue(e.getMessage().contains("decay_steps"), e.getMessage());
    JsonObject missing = JsonParser.parseString("{\"module\":\"keras.optimizers.schedules\",\"class_name\":"
        + "\"ExponentialDecay\",\"config\":{\"initial_learning_rate\":0.1},\"registered_name\":null}")
        .getAsJsonObject();
    ConfigException m = assertThrows(ConfigException.class,
        () -> Serialization.deserialize(missing, LearningRateSchedule.class));
    assertTrue(m.getMessage().contains("decay_steps"), m.getMessage());
  }
}
