package org.jeras.layers.preprocessing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.List;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.PyNumber;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Numbers and (nested) number lists in configs, as numpy's {@code tolist()} writes them
 * ({@code 0.5}, {@code [1.0, 2.0]}, {@code [[...], ...]}), to and from float64 arrays.
 */
final class NumericJson {
  private NumericJson() {}

  /** A number or nested list as a float64 array (rank 0 for a number). */
  static INDArray toArray(String key, JsonElement e) {
    if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
      return Nd4j.scalar(e.getAsDouble());
    }
    List<Long> shape = new ArrayList<>();
    List<Double> flat = new ArrayList<>();
    collect(key, e, 0, shape, flat);
    double[] data = flat.stream().mapToDouble(Double::doubleValue).toArray();
    long[] dims = shape.stream().mapToLong(Long::longValue).toArray();
    return Nd4j.create(data, dims, DataType.DOUBLE);
  }

  private static void collect(String key, JsonElement e, int depth, List<Long> shape, List<Double> flat) {
    if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
      if (depth != shape.size()) {
        throw new ConfigException("Config key '" + key + "' must be a number or a rectangular list of numbers");
      }
      flat.add(e.getAsDouble());
      return;
    }
    if (!e.isJsonArray()) {
      throw new ConfigException("Config key '" + key + "' must be a number or a list of numbers, got " + e);
    }
    JsonArray a = e.getAsJsonArray();
    if (shape.size() == depth) {
      shape.add((long) a.size());
    } else if (shape.get(depth) != a.size()) {
      throw new ConfigException("Config key '" + key + "' is a ragged list: " + e);
    }
    for (JsonElement x : a) {
      collect(key, x, depth + 1, shape, flat);
    }
  }

  /** The JSON numpy's {@code tolist()} gives for {@code a} (a number for rank 0). */
  static JsonElement toJson(INDArray a) {
    if (a.rank() == 0) {
      return new JsonPrimitive(PyNumber.of(a.getDouble(0)));
    }
    JsonArray out = new JsonArray();
    for (long i = 0; i < a.size(0); i++) {
      out.add(a.rank() == 1 ? new JsonPrimitive(PyNumber.of(a.getDouble(i))) : toJson(a.slice(i)));
    }
    return out;
  }
}
