package org.jeras.layers.core;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.List;
import org.jeras.core.activations.Activation;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.Registry;
import org.jeras.core.config.Serialization;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.Layer;
import org.jeras.core.tensor.Tensor;

/**
 * Wraps a Java function as a layer (Keras's {@code Lambda}). To be saved and loaded, the function
 * must be registered with {@link Registry#registerFunction} ({@code "package>name"}); the config
 * then holds Keras's registered-function dict
 * {@code {"module": "builtins", "class_name": "function", "config": "package>name", "registered_name": "function"}}.
 * The function is either an {@link Activation} (one tensor in, one out) or a {@link Function}
 * (a list of tensors in, for Lambdas called on several inputs).
 *
 * <p>Keras writes a Python lambda as {@code {"class_name": "__lambda__", ...}} holding Python
 * bytecode. Such a config is refused: in safe mode (the default, as in Keras) with an error naming
 * {@code safe_mode}; with safe mode off ({@code LoadOptions.withSafeMode(false)} of the saving
 * module, or {@link #fromConfig(Config, boolean)} with {@code false}) it still fails, because
 * Python bytecode cannot run in Java. The way out is to rewrite the function in Java, register it
 * under a name, and save the model again from Keras with that registered function.
 */
public class Lambda extends Layer {
  /** A function of several inputs. */
  @FunctionalInterface
  public interface Function {
    /**
     * {@return the function's output}
     *
     * @param inputs the inputs
     */
    Tensor apply(List<Tensor> inputs);
  }

  private final Object function;
  private final JsonObject arguments;

  /**
   * A Lambda over one input.
   *
   * @param function the function
   */
  public Lambda(Activation function) {
    this((Object) function);
  }

  /**
   * A Lambda over a list of inputs.
   *
   * @param function the function
   */
  public Lambda(Function function) {
    this((Object) function);
  }

  private Lambda(Object function) {
    this.function = function;
    this.arguments = new JsonObject();
  }

  @Override
  protected Tensor call(Tensor x, CallContext ctx) {
    if (function instanceof Activation a) {
      return a.apply(x);
    }
    return ((Function) function).apply(List.of(x));
  }

  @Override
  protected Tensor call(List<Tensor> inputs, CallContext ctx) {
    if (function instanceof Function f) {
      return f.apply(inputs);
    }
    throw new IllegalArgumentException("Lambda '" + name() + "' wraps a one-input function but got "
        + inputs.size() + " inputs");
  }

  @Override
  public Config getConfig() {
    String registered = Registry.registeredNameOf(function);
    if (registered == null) {
      throw new ConfigException("Lambda '" + name() + "': its function is not registered; register it with "
          + "Registry.registerFunction(\"package\", \"name\", fn) to save the layer");
    }
    JsonObject fn = new JsonObject();
    fn.addProperty("module", "builtins");
    fn.addProperty("class_name", "function");
    fn.addProperty("config", registered);
    fn.addProperty("registered_name", "function");
    return super.getConfig().put("function", fn).put("arguments", arguments.deepCopy());
  }

  /**
   * Rebuilds a Lambda in safe mode (the default): a serialized Python lambda is refused.
   *
   * @param c the layer's config
   * @return the layer
   */
  public static Lambda fromConfig(Config c) {
    return fromConfig(c, true);
  }

  /**
   * Rebuilds a Lambda whose {@code function} is a registered function. A Python lambda fails in
   * both modes (see the class comment); {@code safeMode} only decides which error is raised.
   *
   * @param c the layer's config
   * @param safeMode whether to refuse Python code
   * @return the layer
   */
  public static Lambda fromConfig(Config c, boolean safeMode) {
    String layer = c.getString("name", "lambda");
    JsonElement fn = c.get("function");
    if (fn.isJsonObject() && fn.getAsJsonObject().has("class_name")
        && "__lambda__".equals(fn.getAsJsonObject().get("class_name").getAsString())) {
      if (safeMode) {
        throw new ConfigException("Lambda layer '" + layer + "': requested the deserialization of a Python lambda "
            + "(config key 'function'). This carries a potential risk of arbitrary code execution and is disallowed "
            + "in safe mode (safe_mode=True, the default). Turning safe_mode off does not help in Jeras: Python "
            + "bytecode cannot run in Java; register a Java function with Registry.registerFunction and reference it "
            + "by its registered name instead.");
      }
      throw new ConfigException("Lambda layer '" + layer + "': its 'function' is Python bytecode, which cannot run "
          + "in Java; register a Java function with Registry.registerFunction and reference it by name.");
    }
    if (c.has("output_shape") || c.has("mask")) {
      // Keras only writes these when they were passed; Jeras infers shapes by running the function.
      JsonElement os = c.getOrNull("output_shape");
      if (os != null && os.isJsonObject()) {
        throw new ConfigException("Lambda layer '" + layer + "': a function-valued 'output_shape' is not supported");
      }
    }
    Object f = resolve(fn, layer);
    Lambda l = f instanceof Activation a ? new Lambda(a) : new Lambda((Function) f);
    if (c.isSet("arguments")) {
      JsonElement args = c.get("arguments");
      if (!args.isJsonObject() || args.getAsJsonObject().size() > 0) {
        throw new ConfigException("Lambda layer '" + layer + "': non-empty 'arguments' are not supported, got " + args);
      }
    }
    return l.withBaseConfig(c);
  }

  private static Object resolve(JsonElement fn, String layer) {
    String name;
    if (fn.isJsonPrimitive()) {
      name = fn.getAsString();
    } else if (fn.isJsonObject() && fn.getAsJsonObject().has("config")
        && fn.getAsJsonObject().get("config").isJsonPrimitive()) {
      name = fn.getAsJsonObject().get("config").getAsString();
    } else {
      throw new ConfigException("Lambda layer '" + layer + "': cannot read 'function' " + fn);
    }
    Object f;
    try {
      f = Serialization.deserialize(new JsonPrimitive(name), Object.class);
    } catch (ConfigException e) {
      f = null;
    }
    if (f instanceof Activation || f instanceof Function) {
      return f;
    }
    throw new ConfigException("Lambda layer '" + layer + "': function '" + name + "' is "
        + (f == null ? "not registered; register it with Registry.registerFunction" : "not a Lambda.Function or Activation"));
  }

  @Override
  public boolean acceptsText() {
    // The function decides what it takes.
    return true;
  }
}
