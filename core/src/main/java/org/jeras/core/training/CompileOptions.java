package org.jeras.core.training;

import com.google.gson.JsonElement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jeras.core.optimizers.Optimizer;

/**
 * The arguments of {@code compile}, shaped as Keras accepts them: a loss given once, per output as a
 * list, or per output name as a map; each loss a {@link org.jeras.core.losses.Loss} or a Keras name
 * ({@code "mse"}); the same for loss weights and metrics. What is given here is what
 * {@code compile_config} records.
 */
public final class CompileOptions {
  final Optimizer optimizer;
  Object loss;
  Object lossWeights;
  Object metrics;
  /** Keras flags Jeras records but does not act on (run_eagerly, steps_per_execution, jit_compile). */
  final Map<String, JsonElement> flags = new LinkedHashMap<>();
  /** Where these arguments come from, for messages: {@code compile()} or a file's {@code compile_config}. */
  String source = "compile()";

  private CompileOptions(Optimizer optimizer) {
    this.optimizer = optimizer;
  }

  /**
   * {@return compile arguments with {@code optimizer} and nothing else yet}
   *
   * @param optimizer the optimizer
   */
  public static CompileOptions of(Optimizer optimizer) {
    return new CompileOptions(optimizer);
  }

  /**
   * Compile arguments starting from an optimizer named as Keras names it ({@code "adam"},
   * {@code "sgd"}, {@code "rmsprop"}, ...), built with Keras's defaults. An unknown name fails with
   * a {@link org.jeras.core.config.ConfigException} naming {@code compile() 'optimizer'} and the
   * closest known names.
   *
   * @param optimizer the optimizer's Keras name
   * @return compile arguments with that optimizer and nothing else yet
   */
  public static CompileOptions of(String optimizer) {
    return new CompileOptions(Compilation.optimizerNamed(optimizer, "compile()"));
  }

  /**
   * One loss for the output (or shared by all outputs).
   *
   * @param loss one loss for the output (or shared by all outputs)
   * @return this
   */
  public CompileOptions loss(Object loss) {
    this.loss = loss;
    return this;
  }

  /**
   * One loss per output, in output order.
   *
   * @param perOutput one loss per output, in output order
   * @return this
   */
  public CompileOptions losses(Object... perOutput) {
    this.loss = Arrays.asList(perOutput);
    return this;
  }

  /**
   * Losses keyed by output (layer) name, kept in the map's iteration order, which the saved
   * {@code compile_config} shows (pass a LinkedHashMap to fix it).
   *
   * @param byName losses by output name
   * @return this
   */
  public CompileOptions lossesByOutput(Map<String, Object> byName) {
    this.loss = new LinkedHashMap<>(byName);
    return this;
  }

  /**
   * Scalar weights of each output's loss in the total, in output order (Keras's {@code loss_weights}).
   *
   * @param weights one weight per output
   * @return this
   */
  public CompileOptions lossWeights(double... weights) {
    this.lossWeights = Arrays.stream(weights).boxed().toList();
    return this;
  }

  /**
   * Scalar weights of the outputs' losses, keyed by output name.
   *
   * @param byName weights by output name
   * @return this
   */
  public CompileOptions lossWeightsByOutput(Map<String, Double> byName) {
    this.lossWeights = new LinkedHashMap<>(byName);
    return this;
  }

  /**
   * Metrics for every output: {@link org.jeras.core.metrics.Metric}s or Keras names. A single
   * {@code List} is that list and a single {@code Map} is keyed by output name, as Keras's
   * {@code metrics=[...]} and {@code metrics={...}}.
   *
   * @param forAllOutputs metrics or their names
   * @return this
   */
  public CompileOptions metrics(Object... forAllOutputs) {
    if (forAllOutputs.length == 1 && forAllOutputs[0] instanceof List<?> list) {
      this.metrics = list.isEmpty() ? null : new ArrayList<>(list);
    } else if (forAllOutputs.length == 1 && forAllOutputs[0] instanceof Map<?, ?> byName) {
      this.metrics = new LinkedHashMap<>(byName);
    } else {
      this.metrics = forAllOutputs.length == 0 ? null : Arrays.asList(forAllOutputs);
    }
    return this;
  }

  /**
   * Metrics keyed by output name.
   *
   * @param byName metrics or names, by output name
   * @return this
   */
  public CompileOptions metricsByOutput(Map<String, List<Object>> byName) {
    this.metrics = new LinkedHashMap<>(byName);
    return this;
  }
}
