package org.jeras.core.training;

import com.google.gson.JsonObject;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.jeras.core.callbacks.Callback;
import org.jeras.core.callbacks.CallbackList;
import org.jeras.core.callbacks.CallbackParams;
import org.jeras.core.callbacks.History;
import org.jeras.core.config.Serialization;
import org.jeras.core.layer.CallArgs;
import org.jeras.core.layer.CallContext;
import org.jeras.core.losses.Loss;
import org.jeras.core.metrics.Metric;
import org.jeras.core.model.Model;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.optimizers.Optimizer;
import org.jeras.core.tensor.GradientTape;
import org.jeras.core.tensor.Scratch;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The compiled training state of a model and the loops of {@code fit}, {@code evaluate} and the
 * {@code *OnBatch} methods, following Keras's trainer: the logged loss is the running mean of the
 * total loss (per-output losses times their weights, plus the model's regularization losses)
 * weighted by batch size; metrics are stateful and reset each epoch.
 */
public final class Trainer {
  private static final String TRAIN_SCRATCH = "jeras-train";
  private static final String TEST_SCRATCH = "jeras-test";
  private final Model model;
  private final Optimizer optimizer;
  private final List<Loss> losses;
  private final double[] lossWeights;
  private final List<List<Object>> metricSpecs;
  /** The custom objects visible at compile time (a load's), for metrics resolved on the first batch. */
  private final Map<String, ?> customObjects = Serialization.visibleCustomObjects();
  private final JsonObject compileConfig;
  private List<List<Metric>> metrics;
  private double lossTotal;
  private double lossCount;
  private final List<double[]> outputLossTotals = new ArrayList<>();

  Trainer(Model model, Optimizer optimizer, List<Loss> losses, double[] lossWeights,
      List<List<Object>> metricSpecs, JsonObject compileConfig) {
    this.model = model;
    this.optimizer = optimizer;
    this.losses = losses;
    this.lossWeights = lossWeights;
    this.metricSpecs = metricSpecs;
    this.compileConfig = compileConfig;
  }

  /** {@return the optimizer given to {@code compile}} */
  public Optimizer optimizer() {
    return optimizer;
  }

  /** {@return the loss of each output, in output order} */
  public List<Loss> losses() {
    return losses;
  }

  /** The compile_config as given (its optimizer entry is filled at save time). */
  JsonObject compileConfigTemplate() {
    return compileConfig;
  }

  // ------------------------------------------------------------------ steps

  /**
   * Keras's default {@code train_step}: forward with a tape, loss, gradients, optimizer update, metrics.
   *
   * @param batch the training batch
   * @return the logs after the step
   */
  public Map<String, Double> trainStep(Batch batch) {
    List<Variable> vars = model.trainableWeights();
    try (Scratch scratch = Scratch.open(TRAIN_SCRATCH)) {
      List<INDArray> grads;
      List<Tensor> yPred;
      Tensor loss;
      try (GradientTape tape = GradientTape.record()) {
        yPred = forward(batch, true);
        loss = computeLoss(batch, yPred, true);
        // Keras differentiates the scaled loss (loss_scale_factor, LossScaleOptimizer); the optimizer unscales.
        grads = tape.gradient(optimizer.scaleLoss(loss), vars);
      }
      optimizer.applyGradients(grads, vars);
      updateMetrics(batch, yPred, loss);
      model.keepCallLosses();
      return logs();
    }
  }

  /**
   * Keras's default {@code test_step}: forward in inference, loss and metrics.
   *
   * @param batch the batch
   * @return the logs after the step
   */
  public Map<String, Double> testStep(Batch batch) {
    try (Scratch scratch = Scratch.open(TEST_SCRATCH)) {
      List<Tensor> yPred = forward(batch, false);
      Tensor loss = computeLoss(batch, yPred, true);
      updateMetrics(batch, yPred, loss);
      model.keepCallLosses();
      return logs();
    }
  }

  private List<Tensor> forward(Batch batch, boolean training) {
    List<Tensor> xs = new ArrayList<>();
    for (INDArray x : batch.x()) {
      xs.add(Tensor.of(x));
    }
    CallArgs args = xs.size() == 1 ? CallArgs.of(xs.get(0)) : CallArgs.ofList(xs);
    return model.apply(args, CallContext.of(training));
  }

  /**
   * The total loss of a batch: each output's loss (with sample weights) times its loss weight,
   * plus the model's own losses (regularization, {@code addLoss}). Per-output values are kept for
   * the logs when {@code track} is set.
   *
   * @param batch the batch, with targets and sample weights
   * @param yPred the model's outputs
   * @param track whether to keep the per-output values for the logs
   * @return the total loss, a scalar
   */
  public Tensor computeLoss(Batch batch, List<Tensor> yPred, boolean track) {
    Tensor sw = batch.sampleWeight() == null ? null : Tensor.of(batch.sampleWeight());
    Tensor total = null;
    while (outputLossTotals.size() < yPred.size()) {
      outputLossTotals.add(new double[2]);
    }
    for (int i = 0; i < yPred.size(); i++) {
      Loss loss = lossFor(i);
      if (loss == null) {
        continue;
      }
      Tensor value = loss.apply(Tensor.of(batch.y().get(i)), yPred.get(i), sw);
      if (track && yPred.size() > 1) {
        double[] acc = outputLossTotals.get(i);
        acc[0] += value.value().getDouble(0) * batch.size();
        acc[1] += batch.size();
      }
      if (lossWeights != null) {
        value = MathOps.mul(value, lossWeights[i]);
      }
      total = total == null ? value : MathOps.add(total, value);
    }
    for (Tensor extra : model.losses()) {
      Tensor s = ReduceOps.sum(extra);
      total = total == null ? s : MathOps.add(total, MathOps.cast(s, total.dtype()));
    }
    if (total == null) {
      throw new IllegalStateException("Model '" + model.name() + "' has no loss to optimize; pass a loss to compile()");
    }
    if (track) {
      lossTotal += total.value().getDouble(0) * batch.size();
      lossCount += batch.size();
    }
    return total;
  }

  private Loss lossFor(int output) {
    if (losses.isEmpty()) {
      return null;
    }
    return losses.get(output);
  }

  private void updateMetrics(Batch batch, List<Tensor> yPred, Tensor loss) {
    if (metrics == null) {
      metrics = new ArrayList<>();
      for (int i = 0; i < yPred.size(); i++) {
        List<Object> specs = metricSpecs.isEmpty() ? List.of()
            : metricSpecs.size() == 1 ? metricSpecs.get(0) : metricSpecs.get(i);
        List<Metric> resolved = new ArrayList<>();
        for (Object spec : specs) {
          int output = i;
          resolved.add(Serialization.withCustomObjects(customObjects,
              () -> MetricResolver.resolve(spec, lossFor(output), batch.y().get(output), yPred.get(output))));
        }
        metrics.add(resolved);
      }
    }
    Tensor sw = batch.sampleWeight() == null ? null : Tensor.of(batch.sampleWeight());
    for (int i = 0; i < metrics.size(); i++) {
      for (Metric m : metrics.get(i)) {
        m.updateState(Tensor.of(batch.y().get(i)), yPred.get(i).stopGradient(), sw);
      }
    }
  }

  /** {@return the current logs: {@code loss}, per-output losses and every metric} */
  public Map<String, Double> logs() {
    Map<String, Double> logs = new LinkedHashMap<>();
    logs.put("loss", lossCount == 0 ? 0.0 : lossTotal / lossCount);
    List<String> outputNames = model.outputNames();
    for (int i = 0; i < outputLossTotals.size(); i++) {
      double[] acc = outputLossTotals.get(i);
      if (acc[1] > 0) {
        logs.put(outputNames.get(i) + "_loss", acc[0] / acc[1]);
      }
    }
    if (metrics != null) {
      for (int i = 0; i < metrics.size(); i++) {
        for (Metric m : metrics.get(i)) {
          String key = metrics.size() > 1 ? outputNames.get(i) + "_" + m.name() : m.name();
          logs.put(key, m.result());
        }
      }
    }
    return logs;
  }

  /** Resets the state of every metric and loss tracker (Keras's {@code reset_metrics}). */
  public void resetMetrics() {
    lossTotal = 0;
    lossCount = 0;
    outputLossTotals.clear();
    if (metrics != null) {
      for (List<Metric> ms : metrics) {
        ms.forEach(Metric::resetState);
      }
    }
  }

  // ------------------------------------------------------------------ loops

  /**
   * Keras's {@code fit} over in-memory data (shuffled per epoch, validation split, class weights).
   *
   * @param data the training data
   * @param o the fit arguments
   * @param out where progress is printed
   * @return the history of the logs per epoch
   */
  public History fit(Dataset data, FitOptions o, PrintStream out) {
    Dataset train = data.withClassWeight(o.classWeight);
    Dataset validation = o.validationData;
    if (o.validationSplit > 0) {
      Dataset[] split = train.splitTail(o.validationSplit);
      train = split[0];
      validation = split[1];
    }
    Random shuffler = o.shuffle ? new Random(o.seed) : null;
    Dataset epochData = train;
    Dataset val = validation;
    return loop(() -> epochData.iterator(o.batchSize, shuffler), train.batches(o.batchSize),
        val == null ? null : () -> val.iterator(o.batchSize, null), o, out, shuffler != null);
  }

  /**
   * Keras's {@code fit} over batches from a source, e.g. a generator of data too large for
   * memory: each epoch iterates {@code batches} once ({@code steps} is -1 when unknown).
   *
   * @param batches the batches of one epoch
   * @param steps batches per epoch, or -1 when unknown
   * @param validation the validation batches, or null
   * @param o the fit arguments
   * @param out where progress is printed
   * @return the history of the logs per epoch
   */
  public History fit(Iterable<Batch> batches, int steps, Iterable<Batch> validation, FitOptions o, PrintStream out) {
    if (o.validationSplit > 0 || o.classWeight != null) {
      throw new IllegalArgumentException("validation_split and class_weight need in-memory data (a Dataset)");
    }
    return loop(batches::iterator, steps, validation == null ? null : validation::iterator, o, out, false);
  }

  /**
   * The epoch loop. With {@code replayShuffles}, the epochs before the first one run still draw
   * their shuffled order, so that a run started (or resumed) at epoch k sees the same batches as
   * epochs k.. of a run started at 0.
   */
  private History loop(Supplier<Iterator<Batch>> epochBatches, int steps,
      Supplier<Iterator<Batch>> validation, FitOptions o, PrintStream out, boolean replayShuffles) {
    CallbackList callbacks = new CallbackList(o.callbacks, true, o.verbose != 0, out, model,
        new CallbackParams(o.verbose, o.epochs, steps));
    model.resetStopTraining();
    callbacks.onTrainBegin();
    int[] resume = model.takeResumePoint();
    int firstEpoch = resume == null ? o.initialEpoch : resume[0];
    int skipSteps = resume == null ? 0 : resume[1];
    if (replayShuffles) {
      for (int epoch = 0; epoch < firstEpoch && epoch < o.epochs; epoch++) {
        epochBatches.get();
      }
    }
    Map<String, Double> epochLogs = new LinkedHashMap<>();
    for (int epoch = firstEpoch; epoch < o.epochs && !model.stopRequested(); epoch++) {
      callbacks.onEpochBegin(epoch);
      resetMetrics();
      Iterator<Batch> it = epochBatches.get();
      int step = 0;
      Map<String, Double> logs = new LinkedHashMap<>();
      // A resumed epoch skips the batches trained before the backup, keeping their order.
      for (; skipSteps > 0 && it.hasNext(); skipSteps--) {
        it.next();
        step++;
      }
      skipSteps = 0;
      while (it.hasNext() && !model.stopRequested()) {
        callbacks.onTrainBatchBegin(step);
        logs = new LinkedHashMap<>(model.trainStep(it.next()));
        callbacks.onTrainBatchEnd(step, logs);
        step++;
      }
      epochLogs = new LinkedHashMap<>(logs);
      if (validation != null) {
        for (Map.Entry<String, Double> v : evaluate(validation.get(), callbacks).entrySet()) {
          epochLogs.put("val_" + v.getKey(), v.getValue());
        }
      }
      callbacks.onEpochEnd(epoch, epochLogs);
    }
    callbacks.onTrainEnd(epochLogs);
    return callbacks.history();
  }

  /**
   * Keras's {@code evaluate}: the mean loss and metrics over all batches, in inference mode, silently.
   *
   * @param data the data
   * @param batchSize rows per batch
   * @return the loss and metric results by name
   */
  public Map<String, Double> evaluate(Dataset data, int batchSize) {
    return evaluate(data, batchSize, 0, List.of(), System.out);
  }

  /**
   * Keras's {@code evaluate} with a progress bar at {@code verbose} 1 or 2 (printed to {@code out})
   * and the test hooks of {@code callbacks}.
   *
   * @param data the data
   * @param batchSize rows per batch
   * @param verbose 0, 1 or 2
   * @param callbacks the callbacks
   * @param out where the bar is printed
   * @return the loss and metric results by name
   */
  public Map<String, Double> evaluate(Dataset data, int batchSize, int verbose, List<Callback> callbacks,
      PrintStream out) {
    return evaluate(data.iterator(batchSize, null), data.batches(batchSize), verbose, callbacks, out);
  }

  /**
   * {@code evaluate} over batches from a source, silently.
   *
   * @param batches the batches
   * @return the loss and metric results by name
   */
  public Map<String, Double> evaluate(Iterator<Batch> batches) {
    return evaluate(batches, -1, 0, List.of(), System.out);
  }

  /**
   * {@code evaluate} over {@code steps} batches from a source (-1: unknown), with a bar and callbacks.
   *
   * @param batches the batches
   * @param steps the number of batches, or -1 when unknown
   * @param verbose 0, 1 or 2
   * @param callbacks the callbacks
   * @param out where the bar is printed
   * @return the loss and metric results by name
   */
  public Map<String, Double> evaluate(Iterator<Batch> batches, int steps, int verbose, List<Callback> callbacks,
      PrintStream out) {
    CallbackList list = new CallbackList(callbacks, false, verbose != 0, out, model,
        new CallbackParams(verbose, 1, steps));
    return evaluate(batches, list);
  }

  private Map<String, Double> evaluate(Iterator<Batch> batches, CallbackList callbacks) {
    resetMetrics();
    callbacks.onTestBegin();
    Map<String, Double> logs = new LinkedHashMap<>();
    for (int step = 0; batches.hasNext(); step++) {
      callbacks.onTestBatchBegin(step);
      logs = model.testStep(batches.next());
      callbacks.onTestBatchEnd(step, logs);
    }
    Map<String, Double> out = new LinkedHashMap<>(logs);
    resetMetrics();
    callbacks.onTestEnd(out);
    return out;
  }
}
