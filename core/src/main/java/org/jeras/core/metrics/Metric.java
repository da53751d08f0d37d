package org.jeras.core.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.KerasObject;
import org.jeras.core.config.Registry;
import org.jeras.core.config.Serialization;
import org.jeras.core.layer.DTypePolicy;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A stateful Keras metric ({@code keras.metrics.Metric}): {@link #updateState} accumulates into
 * non-trainable variables (created like Keras's {@code add_variable}, zero-initialized, named as
 * Keras names them), {@link #result} reads the current value, {@link #resetState} zeroes the state.
 */
public abstract class Metric implements KerasObject, Serialization.Shorthand {
  private final String name;
  private final DType dtype;
  private final List<Variable> variables = new ArrayList<>();
  private String alias;

  /**
   * Keras's {@code Metric(name, dtype)}, other arguments at their defaults.
   *
   * @param name the name results are logged under
   * @param dtype the state dtype, or null for float32
   */
  protected Metric(String name, DType dtype) {
    this.name = Objects.requireNonNull(name, "name");
    this.dtype = dtype == null ? DType.FLOAT32 : dtype;
  }

  /**
   * A zero-initialized state variable of this metric's dtype, path {@code <metric name>/<name>}.
   *
   * @param variableName the variable's name within the metric
   * @param shape its shape
   * @return the new variable
   */
  protected final Variable addVariable(String variableName, long... shape) {
    Variable v = new Variable(variableName, name.replace('/', '>') + "/" + variableName,
        Nd4j.zeros(dtype.nd4j(), shape), false);
    variables.add(v);
    return v;
  }

  /**
   * Accumulates a batch; {@code sampleWeight} may be null.
   *
   * @param yTrue the targets
   * @param yPred the predictions
   * @param sampleWeight per-sample weights, or null
   */
  public abstract void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight);

  /**
   * Accumulates a batch with every sample weighted 1 (Keras's {@code update_state(y_true, y_pred)}).
   *
   * @param yTrue the targets
   * @param yPred the predictions
   */
  public final void updateState(Tensor yTrue, Tensor yPred) {
    updateState(yTrue, yPred, null);
  }

  /** {@return the current value: a scalar, or a vector for metrics with several thresholds} */
  public abstract INDArray resultArray();

  /** {@return the current value of a scalar metric} */
  public double result() {
    INDArray r = resultArray();
    if (r.length() != 1) {
      throw new IllegalStateException("Metric '" + name + "' has " + r.length() + " values; use resultArray()");
    }
    return r.getDouble(0);
  }

  /** Zeroes every state variable. */
  public void resetState() {
    for (Variable v : variables) {
      v.assign(Nd4j.zeros(v.dtype().nd4j(), v.array().shape()));
    }
  }

  /** {@return the name results are logged under ({@code "accuracy"}, {@code "mae"}, {@code "loss"})} */
  public String name() {
    return name;
  }

  /** {@return the dtype of the state and the result} */
  public DType dtype() {
    return dtype;
  }

  /** {@return the string this metric was resolved from in a compile config ({@code "acc"}), or null} */
  public String alias() {
    return alias;
  }

  void setAlias(String alias) {
    this.alias = alias;
  }

  /** A metric resolved from a string serializes back to that string. */
  @Override
  public String shorthand() {
    return alias;
  }

  /** {@return the state variables in creation order (Keras's {@code metric.variables})} */
  public List<Variable> variables() {
    return Collections.unmodifiableList(variables);
  }

  /**
   * Adds a value to a state variable, in the variable's dtype.
   *
   * @param v the state variable
   * @param delta the value to add
   */
  protected static void assignAdd(Variable v, INDArray delta) {
    v.assign(v.array().add(delta.castTo(v.array().dataType())));
  }

  @Override
  public String module() {
    return Registry.moduleOf(this, "keras.metrics");
  }

  /**
   * Adds this class's own config keys after {@code name} and {@code dtype}.
   *
   * @param config the config to add to
   */
  protected void addConfig(Config config) {}

  /** Keras's {@code Metric.get_config}: {@code name}, {@code dtype}, then the class's own keys. */
  @Override
  public Config getConfig() {
    Config c = Config.empty().put("name", name).put("dtype", dtype.kerasName());
    addConfig(c);
    return c;
  }

  /**
   * The {@code name} of a config, or {@code defaultName}.
   *
   * @param config the metric's config
   * @param defaultName the class's default name
   * @return the name
   */
  protected static String nameOf(Config config, String defaultName) {
    return config.getString("name", defaultName);
  }

  /**
   * The {@code dtype} of a config (a name or a DTypePolicy dict), float32 when absent.
   *
   * @param config the metric's config
   * @return the dtype
   */
  protected static DType dtypeOf(Config config) {
    if (!config.isSet("dtype")) {
      return DType.FLOAT32;
    }
    try {
      return DTypePolicy.from(config.get("dtype")).computeDtype();
    } catch (IllegalArgumentException ex) {
      throw new ConfigException("Config key 'dtype': " + ex.getMessage());
    }
  }

  @Override
  public String toString() {
    return "<" + className() + " name=" + name + ">";
  }
}
