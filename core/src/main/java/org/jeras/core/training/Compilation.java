package org.jeras.core.training;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.KerasObject;
import org.jeras.core.config.PyNumber;
import org.jeras.core.config.Serialization;
import org.jeras.core.losses.Loss;
import org.jeras.core.metrics.Metric;
import org.jeras.core.metrics.Metrics;
import org.jeras.core.model.Model;
import org.jeras.core.optimizers.Optimizer;

/**
 * Turns compile arguments into per-output losses, weights and metric specs, and into Keras's
 * {@code compile_config} dict (and back).
 */
public final class Compilation {
  private Compilation() {}

  /**
   * Keras's {@code model.compile}: resolves the optimizer, losses and metrics against the model's outputs.
   *
   * @param model the model to train
   * @param o the compile arguments
   * @return the trainer holding the compiled state
   */
  public static Trainer compile(Model model, CompileOptions o) {
    if (o.optimizer == null) {
      throw new IllegalArgumentException("compile() needs an optimizer");
    }
    List<String> outputs = model.outputNames();
    List<Loss> losses = new ArrayList<>();
    for (Object spec : perOutput(o.loss, outputs, "loss")) {
      losses.add(spec == null ? null : toLoss(spec, o.source));
    }
    double[] weights = null;
    if (o.lossWeights != null) {
      List<Object> w = perOutput(o.lossWeights, outputs, "loss_weights");
      weights = new double[w.size()];
      for (int i = 0; i < weights.length; i++) {
        weights[i] = w.get(i) == null ? 1.0 : ((Number) w.get(i)).doubleValue();
      }
    }
    List<List<Object>> metrics = new ArrayList<>();
    if (o.metrics instanceof Map<?, ?>) {
      for (Object m : perOutput(o.metrics, outputs, "metrics")) {
        metrics.add(m == null ? List.of() : asList(m));
      }
    } else if (o.metrics != null) {
      metrics.add(asList(o.metrics));
    }
    for (List<Object> specs : metrics) {
      for (Object spec : specs) {
        checkMetricName(spec, o.source);
      }
    }
    JsonObject config = new JsonObject();
    config.add("optimizer", JsonNull.INSTANCE);
    config.add("loss", toJson(o.loss));
    config.add("loss_weights", toJson(o.lossWeights));
    config.add("metrics", toJson(o.metrics));
    config.add("weighted_metrics", JsonNull.INSTANCE);
    config.add("run_eagerly", o.flags.getOrDefault("run_eagerly", new JsonPrimitive(false)));
    config.add("steps_per_execution", o.flags.getOrDefault("steps_per_execution", new JsonPrimitive(1)));
    config.add("jit_compile", o.flags.getOrDefault("jit_compile", new JsonPrimitive(false)));
    return new Trainer(model, o.optimizer, losses, weights, metrics, config);
  }

  /**
   * Keras's compile_config: the optimizer serialized as it is now, the rest as given to compile.
   *
   * @param t a compiled trainer
   * @return the {@code compile_config} JSON object
   */
  public static JsonObject compileConfig(Trainer t) {
    JsonObject c = t.compileConfigTemplate().deepCopy();
    c.add("optimizer", Serialization.serialize(t.optimizer()));
    return c;
  }

  /**
   * {@return the compile arguments recorded in a {@code compile_config}}
   *
   * @param c a {@code compile_config}
   */
  public static CompileOptions options(Config c) {
    Optimizer optimizer = inContext(() -> Serialization.deserialize(c.get("optimizer"), Optimizer.class),
        "compile_config 'optimizer'");
    CompileOptions o = CompileOptions.of(optimizer);
    o.source = "compile_config";
    o.loss = fromJson(c.getOrNull("loss"));
    o.lossWeights = fromJson(c.getOrNull("loss_weights"));
    o.metrics = fromJson(c.getOrNull("metrics"));
    for (String flag : List.of("run_eagerly", "steps_per_execution", "jit_compile")) {
      if (c.has(flag)) {
        o.flags.put(flag, c.get(flag));
      }
    }
    return o;
  }

  private static List<Object> asList(Object o) {
    if (o instanceof List<?> l) {
      return new ArrayList<>(l);
    }
    List<Object> single = new ArrayList<>();
    single.add(o);
    return single;
  }

  /** One entry per output from a single spec, a list, or a map keyed by output name. */
  private static List<Object> perOutput(Object spec, List<String> outputs, String key) {
    List<Object> out = new ArrayList<>();
    if (spec instanceof Map<?, ?> byName) {
      for (Object k : byName.keySet()) {
        if (!outputs.contains(String.valueOf(k))) {
          throw new ConfigException("compile '" + key + "' names unknown output '" + k + "'; outputs are " + outputs);
        }
      }
      for (String name : outputs) {
        out.add(byName.get(name));
      }
      return out;
    }
    if (spec instanceof List<?> list && !(key.equals("metrics"))) {
      if (list.size() != outputs.size()) {
        throw new ConfigException("compile '" + key + "' has " + list.size() + " entries for " + outputs.size() + " outputs");
      }
      out.addAll(list);
      return out;
    }
    for (int i = 0; i < outputs.size(); i++) {
      out.add(spec);
    }
    return out;
  }

  /** The optimizer Keras's name {@code name} stands for, built with its defaults; {@code source} names the caller in errors. */
  static Optimizer optimizerNamed(String name, String source) {
    if (name == null) {
      throw new IllegalArgumentException(source + " needs an optimizer");
    }
    return inContext(() -> Serialization.deserialize(new JsonPrimitive(name), Optimizer.class), source + " 'optimizer'");
  }

  private static Loss toLoss(Object spec, String source) {
    if (spec instanceof Loss l) {
      return l;
    }
    if (spec instanceof String s) {
      return inContext(() -> Serialization.deserialize(new JsonPrimitive(s), Loss.class), source + " 'loss'");
    }
    if (spec instanceof JsonElement e) {
      return inContext(() -> Serialization.deserialize(e, Loss.class), source + " 'loss'");
    }
    throw new ConfigException("A loss must be a Loss or a Keras loss name, got " + spec);
  }

  /**
   * Fails now, saying where it came from, for a metric name given to {@code compile()} that names
   * neither a Keras metric nor a custom object visible here (the trainer builds its metrics on the
   * first batch). A file's compile_config is left to that first batch: a model whose metrics Jeras
   * cannot build still loads and predicts.
   */
  private static void checkMetricName(Object spec, String source) {
    if (spec instanceof String name && !source.equals("compile_config") && !Metrics.isBuiltinName(name)) {
      inContext(() -> Serialization.deserialize(new JsonPrimitive(name), Metric.class), source + " 'metrics'");
    }
  }

  /** Runs {@code body}; an unknown name it meets is reported as given in {@code where}. */
  private static <T> T inContext(java.util.function.Supplier<T> body, String where) {
    try {
      return body.get();
    } catch (ConfigException e) {
      throw new ConfigException(where + ": " + e.getMessage(), e);
    }
  }

  /** A metric spec as the trainer resolves it: a {@link Metric}, a name, or a serialized dict. */
  static Metric toMetricOrNull(Object spec) {
    if (spec instanceof Metric m) {
      return m;
    }
    if (spec instanceof JsonElement e) {
      return Serialization.deserialize(e, Metric.class);
    }
    return null;
  }

  static JsonElement toJson(Object spec) {
    if (spec == null) {
      return JsonNull.INSTANCE;
    }
    if (spec instanceof String s) {
      return new JsonPrimitive(s);
    }
    if (spec instanceof Number n) {
      return new JsonPrimitive(n instanceof Double d ? PyNumber.of(d) : n);
    }
    if (spec instanceof KerasObject k) {
      return Serialization.serialize(k);
    }
    if (spec instanceof JsonElement e) {
      return e;
    }
    if (spec instanceof List<?> l) {
      JsonArray a = new JsonArray();
      l.forEach(x -> a.add(toJson(x)));
      return a;
    }
    if (spec instanceof Map<?, ?> m) {
      JsonObject o = new JsonObject();
      m.forEach((k, v) -> o.add(String.valueOf(k), toJson(v)));
      return o;
    }
    throw new ConfigException("Cannot record compile argument " + spec);
  }

  private static Object fromJson(JsonElement e) {
    if (e == null || e.isJsonNull()) {
      return null;
    }
    if (e.isJsonPrimitive()) {
      return e.getAsJsonPrimitive().isNumber() ? (Object) e.getAsDouble() : e.getAsString();
    }
    if (e.isJsonArray()) {
      List<Object> l = new ArrayList<>();
      e.getAsJsonArray().forEach(x -> l.add(fromJson(x)));
      return l;
    }
    JsonObject o = e.getAsJsonObject();
    if (o.has("class_name")) {
      return o;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    o.entrySet().forEach(x -> m.put(x.getKey(), fromJson(x.getValue())));
    return m;
  }
}
