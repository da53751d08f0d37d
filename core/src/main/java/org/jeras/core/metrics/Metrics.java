package org.jeras.core.metrics;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import java.util.Locale;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.Untrusted;
import org.jeras.core.config.Registry;
import org.jeras.core.config.Serialization;
import org.jeras.core.losses.Losses;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Shape;

/** Resolves the metrics of a compile config as Keras's {@code compile_utils.get_metric} does. */
public final class Metrics {
  private Metrics() {}

  /**
   * The metric for a compile-config entry. {@code "accuracy"} / {@code "acc"} (any case) become
   * BinaryAccuracy when y_pred's last dim is 1, SparseCategoricalAccuracy for sparse labels, else
   * CategoricalAccuracy; other strings go through the registry ({@code "mae"}, {@code "auc"},
   * {@code "precision"}, class names, snake_case class names). A metric from a string is named
   * (and logged) by that string and serializes back to it; a dict keeps its own name.
   *
   * @param identifier the compile-config entry
   * @param yTrueShape the targets' shape, to resolve {@code "accuracy"}
   * @param yPredShape the predictions' shape, likewise
   * @return the metric
   */
  public static Metric get(JsonElement identifier, Shape yTrueShape, Shape yPredShape) {
    if (identifier != null && identifier.isJsonPrimitive() && identifier.getAsJsonPrimitive().isString()) {
      return get(identifier.getAsString(), yTrueShape, yPredShape);
    }
    return Serialization.deserialize(identifier, Metric.class);
  }

  /**
   * {@return whether {@code identifier} names a Keras metric ({@code "accuracy"} and the other shorthands)}
   *
   * @param identifier a metric name
   */
  public static boolean isBuiltinName(String identifier) {
    String lower = identifier.toLowerCase(Locale.ROOT);
    return lower.equals("accuracy") || lower.equals("acc")
        || Registry.lookupAlias(Metric.class, identifier) instanceof MetricsProvider.Named;
  }

  /**
   * The metric for a string in a compile config; {@code "accuracy"} / {@code "acc"} is resolved from the
   * shapes, as Keras does.
   *
   * @param identifier the metric's name
   * @param yTrueShape the targets' shape
   * @param yPredShape the predictions' shape
   * @return the metric
   */
  public static Metric get(String identifier, Shape yTrueShape, Shape yPredShape) {
    String lower = identifier.toLowerCase(Locale.ROOT);
    Metric metric;
    if (lower.equals("accuracy") || lower.equals("acc")) {
      if (Losses.isBinary(yPredShape)) {
        metric = new BinaryAccuracy(identifier, DType.FLOAT32, 0.5);
      } else if (Losses.isSparseCategorical(yTrueShape, yPredShape)) {
        metric = new SparseCategoricalAccuracy(identifier, DType.FLOAT32);
      } else {
        metric = new CategoricalAccuracy(identifier, DType.FLOAT32);
      }
    } else {
      Object factory = Registry.lookupAlias(Metric.class, identifier);
      if (!(factory instanceof MetricsProvider.Named named)) {
        // custom objects and registered names: built with their own names
        Metric m = Serialization.deserialize(new JsonPrimitive(identifier), Metric.class);
        m.setAlias(identifier);
        return m;
      }
      metric = named.create(identifier);
    }
    metric.setAlias(identifier);
    return metric;
  }

  /**
   * The metric named {@code name} with no config: Keras's {@code metrics.get(name)} (default names).
   *
   * @param name a metric name
   * @return the metric
   */
  public static Metric get(String name) {
    Metric m = Serialization.deserialize(new JsonPrimitive(name), Metric.class);
    if (m == null) {
      throw new ConfigException("Unknown metric " + Untrusted.quote(name));
    }
    return m;
  }
}
