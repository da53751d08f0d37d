package org.jeras.layers.preprocessing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import org.jeras.core.config.Config;
import org.jeras.core.layer.Args;
import org.jeras.core.ops.MathOps;
import org.jeras.core.tensor.Tensor;

/** The {@code value_range} of an augmentation layer: the pixel values' {@code [low, high]}, as written. */
record ValueRange(double low, double high, JsonArray json) {
  /** Keras's default, {@code (0, 255)}. */
  static final ValueRange DEFAULT = new ValueRange(0, 255, pair(0, 255));

  private static JsonArray pair(int low, int high) {
    JsonArray a = new JsonArray();
    a.add(low);
    a.add(high);
    return a;
  }

  /** The range of {@code value} (a pair) for {@code owner}. */
  static ValueRange of(String owner, JsonElement value) {
    if (value == null || !value.isJsonArray() || value.getAsJsonArray().size() != 2) {
      throw Args.invalid(owner, "value_range", "a pair (low, high)", value);
    }
    JsonArray a = value.getAsJsonArray();
    return new ValueRange(a.get(0).getAsDouble(), a.get(1).getAsDouble(), a.deepCopy());
  }

  /** The config's {@code value_range}, Keras's default {@code (0, 255)} when unset. */
  static ValueRange of(String owner, Config c) {
    return c.isSet("value_range") ? of(owner, c.get("value_range")) : new ValueRange(0, 255, pair(0, 255));
  }

  /** The range with its ends in ascending order (what Keras keeps where it sorts them). */
  ValueRange sorted() {
    if (low <= high) {
      return this;
    }
    JsonArray a = new JsonArray();
    a.add(json.get(1));
    a.add(json.get(0));
    return new ValueRange(high, low, a);
  }

  /** Images in this range mapped onto 0..255 (Keras's {@code _transform_value_range}); unchanged when it is 0..255. */
  Tensor to255(Tensor images) {
    return map(images, low, high, 0, 255);
  }

  /** Images on 0..255 mapped back onto this range. */
  Tensor from255(Tensor images) {
    return map(images, 0, 255, low, high);
  }

  /** Images in this range mapped onto 0..1; unchanged when it is 0..1. */
  Tensor toUnit(Tensor images) {
    return map(images, low, high, 0, 1);
  }

  /** Images on 0..1 mapped back onto this range. */
  Tensor fromUnit(Tensor images) {
    return map(images, 0, 1, low, high);
  }

  private static Tensor map(Tensor x, double fromLow, double fromHigh, double toLow, double toHigh) {
    if (fromLow == toLow && fromHigh == toHigh) {
      return x;
    }
    return MathOps.add(MathOps.mul(MathOps.add(x, -fromLow), (toHigh - toLow) / (fromHigh - fromLow)), toLow);
  }
}
