package org.jeras.core.activations;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.KerasObject;
import org.jeras.core.config.Registry;
import org.jeras.core.config.Serialization;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.NnOps;
import org.jeras.core.tensor.Tensor;

/**
 * Keras's {@code keras.activations}: every built-in function under its Keras name, and how
 * activations are read from and written to configs.
 *
 * <pre>{@code
 * Activation a = Activations.deserialize(config.get("activation")); // "relu", a dict, or null (linear)
 * config.put("activation", Activations.serialize(a));                // "relu" or the function dict
 * }</pre>
 *
 * Built-ins use their Keras defaults ({@code leaky_relu}: slope 0.2, {@code elu}: alpha 1.0,
 * {@code gelu}: exact, {@code softmax} and {@code glu}: last axis, ...). A custom function is
 * registered with {@link Registry#registerFunction} and then serializes as Keras's
 * {@code {"module": "builtins", "class_name": "function", "config": "package>name",
 * "registered_name": "function"}}.
 */
public final class Activations {
  private static final Map<String, Activation> BUILTINS = new LinkedHashMap<>();

  /** Keras's {@code relu} activation. */
  public static final Activation RELU = builtin("relu", NnOps::relu, NnOps::reluInPlace);
  /** Keras's {@code leaky_relu} activation. */
  public static final Activation LEAKY_RELU = builtin("leaky_relu", x -> NnOps.leakyRelu(x, 0.2));
  /** Keras's {@code relu6} activation. */
  public static final Activation RELU6 = builtin("relu6", NnOps::relu6);
  /** Keras's {@code softmax} activation. */
  public static final Activation SOFTMAX = builtin("softmax", x -> NnOps.softmax(x, -1), x -> NnOps.softmaxInPlace(x, -1));
  /** Keras's {@code celu} activation. */
  public static final Activation CELU = builtin("celu", x -> NnOps.celu(x, 1.0));
  /** Keras's {@code elu} activation. */
  public static final Activation ELU = builtin("elu", x -> NnOps.elu(x, 1.0));
  /** Keras's {@code selu} activation. */
  public static final Activation SELU = builtin("selu", NnOps::selu);
  /** Keras's {@code softplus} activation. */
  public static final Activation SOFTPLUS = builtin("softplus", NnOps::softplus);
  /** Keras's {@code softsign} activation. */
  public static final Activation SOFTSIGN = builtin("softsign", NnOps::softsign);
  /** Keras's {@code squareplus} activation. */
  public static final Activation SQUAREPLUS = builtin("squareplus", x -> NnOps.squareplus(x, 4));
  /** Keras's {@code soft_shrink} activation. */
  public static final Activation SOFT_SHRINK = builtin("soft_shrink", x -> NnOps.softShrink(x, 0.5));
  /** Keras's {@code sparse_plus} activation. */
  public static final Activation SPARSE_PLUS = builtin("sparse_plus", NnOps::sparsePlus);
  /** Keras's {@code silu} activation. */
  public static final Activation SILU = builtin("silu", NnOps::silu);
  /** Keras's {@code gelu} activation. */
  public static final Activation GELU = builtin("gelu", x -> NnOps.gelu(x, false));
  /** Keras's {@code glu} activation. */
  public static final Activation GLU = builtin("glu", x -> NnOps.glu(x, -1));
  /** Keras's {@code tanh} activation. */
  public static final Activation TANH = builtin("tanh", NnOps::tanh);
  /** Keras's {@code tanh_shrink} activation. */
  public static final Activation TANH_SHRINK = builtin("tanh_shrink", NnOps::tanhShrink);
  /** Keras's {@code threshold} has no defaults for its two parameters, so by name it cannot run. */
  public static final Activation THRESHOLD = builtin("threshold", x -> {
    throw new IllegalArgumentException(
        "Activation 'threshold' needs 'threshold' and 'default_value'; use Activations.threshold(t, v)");
  });
  /** Keras's {@code sigmoid} activation. */
  public static final Activation SIGMOID = builtin("sigmoid", NnOps::sigmoid);
  /** Keras's {@code sparse_sigmoid} activation. */
  public static final Activation SPARSE_SIGMOID = builtin("sparse_sigmoid", NnOps::sparseSigmoid);
  /** Keras's {@code exponential} activation. */
  public static final Activation EXPONENTIAL = builtin("exponential", MathOps::exp);
  /** Keras's {@code hard_sigmoid} activation. */
  public static final Activation HARD_SIGMOID = builtin("hard_sigmoid", NnOps::hardSigmoid);
  /** Keras's {@code hard_silu} activation. */
  public static final Activation HARD_SILU = builtin("hard_silu", NnOps::hardSilu);
  /** Keras's {@code hard_tanh} activation. */
  public static final Activation HARD_TANH = builtin("hard_tanh", NnOps::hardTanh);
  /** Keras's {@code hard_shrink} activation. */
  public static final Activation HARD_SHRINK = builtin("hard_shrink", x -> NnOps.hardShrink(x, 0.5));
  /** Keras's {@code linear} activation. */
  public static final Activation LINEAR = builtin("linear", x -> x);
  /** Keras's {@code mish} activation. */
  public static final Activation MISH = builtin("mish", NnOps::mish);
  /** Keras's {@code log_softmax} activation. */
  public static final Activation LOG_SOFTMAX = builtin("log_softmax", x -> NnOps.logSoftmax(x, -1));
  /** Keras's {@code log_sigmoid} activation. */
  public static final Activation LOG_SIGMOID = builtin("log_sigmoid", NnOps::logSigmoid);
  /** Keras's {@code sparsemax} activation. */
  public static final Activation SPARSEMAX = builtin("sparsemax", x -> NnOps.sparsemax(x, -1));

  static {
    // Keras's extra names; they serialize under the function's own name.
    BUILTINS.put("swish", SILU);
    BUILTINS.put("hard_swish", HARD_SILU);
  }

  private Activations() {}

  /** A built-in: serializes as its name. */
  private record Builtin(String name, UnaryOperator<Tensor> fn, UnaryOperator<Tensor> inPlace) implements Activation {
    @Override
    public Tensor apply(Tensor x) {
      return fn.apply(x);
    }

    @Override
    public Tensor applyInPlace(Tensor x) {
      return inPlace.apply(x);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private static Activation builtin(String name, UnaryOperator<Tensor> fn) {
    return builtin(name, fn, fn);
  }

  private static Activation builtin(String name, UnaryOperator<Tensor> fn, UnaryOperator<Tensor> inPlace) {
    Activation a = new Builtin(name, fn, inPlace);
    BUILTINS.put(name, a);
    return a;
  }

  /** {@return every built-in by each of its names (including {@code swish} and {@code hard_swish})} */
  public static Map<String, Activation> builtins() {
    return Collections.unmodifiableMap(BUILTINS);
  }

  /**
   * Keras's {@code threshold(x, threshold, default_value)} as an activation (not serializable).
   *
   * @param threshold values at or below it are replaced
   * @param defaultValue the replacement
   * @return the activation
   */
  public static Activation threshold(double threshold, double defaultValue) {
    return x -> NnOps.threshold(x, threshold, defaultValue);
  }

  /**
   * The activation a string names: a built-in ({@code "relu"}, {@code "swish"}) or a registered
   * function ({@code "package>name"}); throws a {@link ConfigException} for unknown names.
   *
   * @param name the activation's name
   * @return the activation
   */
  public static Activation get(String name) {
    return deserialize(new JsonPrimitive(name));
  }

  /**
   * Keras's {@code activations.get} on a config value: a name, a function or object dict, or
   * null / JSON null for {@link #LINEAR}.
   *
   * @param config the value of an {@code activation} key
   * @return the activation
   */
  public static Activation deserialize(JsonElement config) {
    Activation a = Serialization.deserialize(config, Activation.class);
    return a == null ? LINEAR : a;
  }

  /**
   * The Keras name of a built-in ({@code "silu"} for swish), or null for any other function.
   *
   * @param a the activation
   * @return the name, or null
   */
  public static String nameOf(Activation a) {
    return a instanceof Builtin b ? b.name() : null;
  }

  /**
   * What Keras writes for {@code a}: a built-in's name, the function dict of a registered function,
   * or the object dict of an activation that is a {@link KerasObject}.
   *
   * @param a the activation
   * @return the JSON to write
   */
  public static JsonElement serialize(Activation a) {
    if (a == null) {
      return JsonNull.INSTANCE;
    }
    if (a instanceof Builtin b) {
      return new JsonPrimitive(b.name());
    }
    if (a instanceof KerasObject o) {
      return Serialization.serialize(o);
    }
    String registered = Registry.registeredNameOf(a);
    if (registered == null) {
      throw new ConfigException("Cannot serialize activation " + a + ": register it first with "
          + "Registry.registerFunction(\"package\", \"name\", activation) (Keras: @keras.saving.register_keras_serializable)");
    }
    JsonObject dict = new JsonObject();
    dict.addProperty("module", "builtins");
    dict.addProperty("class_name", "function");
    dict.addProperty("config", registered);
    dict.addProperty("registered_name", "function");
    return Serialization.recordShared(a, dict);
  }
}
