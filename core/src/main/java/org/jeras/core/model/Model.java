package org.jeras.core.model;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jeras.core.callbacks.Callback;
import org.jeras.core.callbacks.CallbackList;
import org.jeras.core.callbacks.CallbackParams;
import org.jeras.core.callbacks.History;
import org.jeras.core.config.Config;
import org.jeras.core.layer.CallArgs;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.Layer;
import org.jeras.core.optimizers.Optimizer;
import org.jeras.core.plan.PlanCache;
import org.jeras.core.tensor.GradientTape;
import org.jeras.core.tensor.Scratch;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.StringArrays;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.training.Batch;
import org.jeras.core.training.Compilation;
import org.jeras.core.training.CompileOptions;
import org.jeras.core.training.Dataset;
import org.jeras.core.training.FitOptions;
import org.jeras.core.training.Trainer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A layer with training and inference APIs, as Keras's {@code Model}. Build one as a
 * {@link Sequential}, a {@link Functional} graph, or by subclassing: extend {@code Model}, track
 * sub-layers with {@link #track(String, Object)} under the attribute names the Python class uses,
 * and override {@code call}.
 */
public abstract class Model extends Layer {
  private static final String PREDICT_SCRATCH = "jeras-predict";
  private Trainer trainer;
  private boolean stopTraining;
  private int resumeEpoch = -1;
  private int resumeStep;
  private final PlanCache plans = new PlanCache(this::name);

  /** A model with no layers yet; subclassed models create theirs in their constructor. */
  protected Model() {}

  /**
   * A subclassed model without a build of its own is built as Keras builds it: by running its call
   * on inputs of {@code inputShape}, which builds every layer the call uses. The shape is recorded
   * as the model's build config.
   */
  @Override
  protected void build(Shape inputShape) {
    computeOutputSpec(CallArgs.of(Tensor.symbolic(inputShape, computeDtype(), null)));
  }

  // ------------------------------------------------------------------ compile

  /**
   * Configures training: optimizer, loss (a {@link org.jeras.core.losses.Loss} or a Keras name like {@code "mse"}), metrics.
   *
   * @param optimizer the optimizer
   * @param loss the loss
   * @param metrics the metrics, as objects or Keras names
   */
  public void compile(Optimizer optimizer, Object loss, Object... metrics) {
    compile(CompileOptions.of(optimizer).loss(loss).metrics(metrics));
  }

  /**
   * Configures training with Keras's names, as {@code model.compile("adam", "mse", List.of("mae"))}:
   * an optimizer name ({@code "adam"}, {@code "sgd"}, {@code "rmsprop"}, ... with Keras's defaults),
   * a loss (a {@link org.jeras.core.losses.Loss}, a name, a list per output or a map by output
   * name) and metrics (objects or names, one list, or a map by output name). An unknown name fails
   * with a {@link org.jeras.core.config.ConfigException} naming the argument and the closest known names.
   *
   * @param optimizer the optimizer's Keras name
   * @param loss the loss, its name, a list per output or a map by output name
   * @param metrics metrics or their names, one list, or a map by output name
   */
  public void compile(String optimizer, Object loss, Object... metrics) {
    compile(CompileOptions.of(optimizer).loss(loss).metrics(metrics));
  }

  /**
   * Configures training with per-output losses, loss weights and metrics.
   *
   * @param options the compile arguments
   */
  public void compile(CompileOptions options) {
    trainer = Compilation.compile(this, options);
  }

  /** {@return Keras's {@code get_compile_config()}: null when not compiled} */
  public JsonObject getCompileConfig() {
    return trainer == null ? null : Compilation.compileConfig(trainer);
  }

  /**
   * Keras's {@code compile_from_config()}: compiles from a saved {@code compile_config}.
   *
   * @param config the saved {@code compile_config}
   */
  public void compileFromConfig(Config config) {
    compile(Compilation.options(config));
  }

  /** Keras writes every model's {@code compile_config} ({@code {}} when not compiled) beside its build config. */
  @Override
  public void addSerializedExtras(JsonObject dict) {
    super.addSerializedExtras(dict);
    JsonObject cc = getCompileConfig();
    dict.add("compile_config", cc == null ? new JsonObject() : cc);
  }

  /** {@return whether {@code compile} has been called} */
  public boolean isCompiled() {
    return trainer != null;
  }

  /** {@return the optimizer given to {@code compile}} */
  public Optimizer optimizer() {
    return trainer().optimizer();
  }

  private Trainer trainer() {
    if (trainer == null) {
      throw new IllegalStateException("You must call compile() on model '" + name() + "' before training or evaluating it");
    }
    return trainer;
  }

  /** {@return names of the outputs, used to key per-output logs} */
  public List<String> outputNames() {
    return List.of(name());
  }

  // ------------------------------------------------------------------ training

  /**
   * One training step on a batch (Keras's {@code train_step}); override for a custom step, using
   * {@link GradientTape}, {@link #optimizer()} and {@link #computeLoss}.
   *
   * @param batch the batch
   * @return the logs after the step
   */
  public Map<String, Double> trainStep(Batch batch) {
    return trainer().trainStep(batch);
  }

  /**
   * One evaluation step (Keras's {@code test_step}).
   *
   * @param batch the batch
   * @return the logs after the step
   */
  public Map<String, Double> testStep(Batch batch) {
    return trainer().testStep(batch);
  }

  /**
   * The compiled loss of a batch given predictions (plus regularization losses).
   *
   * @param batch the batch, with targets and sample weights
   * @param yPred the model's outputs
   * @return the total loss, a scalar
   */
  public Tensor computeLoss(Batch batch, List<Tensor> yPred) {
    return trainer().computeLoss(batch, yPred, true);
  }

  /** {@return the current metric values (Keras's {@code get_metrics_result})} */
  public Map<String, Double> metricsResult() {
    return trainer().logs();
  }

  /**
   * Trains on {@code x, y} (Keras's {@code fit}).
   *
   * @param x the inputs
   * @param y the targets
   * @param options the fit arguments
   * @return the history of the logs per epoch
   */
  public History fit(INDArray x, INDArray y, FitOptions options) {
    return fit(new Dataset(List.of(x), List.of(y), options.sampleWeightArray()), options);
  }

  /**
   * Trains on {@code x, y} with Keras's defaults (batch size 32, one epoch, shuffled).
   *
   * @param x the inputs
   * @param y the targets
   * @return the history of the logs per epoch
   */
  public History fit(INDArray x, INDArray y) {
    return fit(x, y, FitOptions.defaults());
  }

  /**
   * Trains on a multi-input/multi-output dataset.
   *
   * @param data the inputs, targets and sample weights
   * @param options the fit arguments
   * @return the history of the logs per epoch
   */
  public History fit(Dataset data, FitOptions options) {
    trainer();
    return trainer.fit(data, options, System.out);
  }

  /**
   * Trains on Java arrays (rows are samples).
   *
   * @param x the inputs, one row per sample
   * @param y the targets, one row per sample
   * @param options the fit arguments
   * @return the history of the logs per epoch
   */
  public History fit(float[][] x, float[][] y, FitOptions options) {
    return fit(Nd4j.create(x), Nd4j.create(y), options);
  }

  /**
   * Trains on batches from a source (Keras's generator / dataset form of {@code fit}): each epoch
   * iterates {@code batches} once; {@code steps} per epoch is only for the progress bar (-1 if unknown).
   *
   * @param batches the batches of one epoch
   * @param steps batches per epoch, or -1 when unknown
   * @param validation the validation batches, or null
   * @param options the fit arguments
   * @return the history of the logs per epoch
   */
  public History fit(Iterable<Batch> batches, int steps, Iterable<Batch> validation, FitOptions options) {
    trainer();
    return trainer.fit(batches, steps, validation, options, System.out);
  }

  /**
   * Mean loss and metrics over batches from a source, with a progress bar (Keras's default verbose).
   *
   * @param batches the batches
   * @return the loss and metric results by name
   */
  public Map<String, Double> evaluate(Iterable<Batch> batches) {
    return evaluate(batches, 1);
  }

  /**
   * Mean loss and metrics over batches from a source: {@code verbose} 0 silent, 1 progress bar,
   * 2 one line; {@code callbacks} get the test hooks.
   *
   * @param batches the batches
   * @param verbose 0, 1 or 2
   * @param callbacks the callbacks
   * @return the loss and metric results by name
   */
  public Map<String, Double> evaluate(Iterable<Batch> batches, int verbose, Callback... callbacks) {
    return trainer().evaluate(batches.iterator(), -1, verbose, List.of(callbacks), System.out);
  }

  /**
   * Mean loss and metrics over {@code x, y} in inference mode, with a progress bar (Keras's {@code evaluate}).
   *
   * @param x the inputs
   * @param y the targets
   * @param batchSize rows per batch
   * @return the loss and metric results by name
   */
  public Map<String, Double> evaluate(INDArray x, INDArray y, int batchSize) {
    return evaluate(x, y, batchSize, 1);
  }

  /**
   * Mean loss and metrics over {@code x, y} in batches of Keras's default size, 32.
   *
   * @param x the inputs
   * @param y the targets
   * @return the loss and metric results by name
   */
  public Map<String, Double> evaluate(INDArray x, INDArray y) {
    return evaluate(x, y, Dataset.DEFAULT_BATCH_SIZE);
  }

  /**
   * {@code evaluate} with a {@code verbose} level (0, 1, 2) and callbacks.
   *
   * @param x the inputs
   * @param y the targets
   * @param batchSize rows per batch
   * @param verbose 0, 1 or 2
   * @param callbacks the callbacks
   * @return the loss and metric results by name
   */
  public Map<String, Double> evaluate(INDArray x, INDArray y, int batchSize, int verbose, Callback... callbacks) {
    return evaluate(new Dataset(List.of(x), List.of(y), null), batchSize, verbose, callbacks);
  }

  /**
   * {@code evaluate} over a multi-input/multi-output dataset, with a progress bar.
   *
   * @param data the inputs, targets and sample weights
   * @param batchSize rows per batch
   * @return the loss and metric results by name
   */
  public Map<String, Double> evaluate(Dataset data, int batchSize) {
    return evaluate(data, batchSize, 1);
  }

  /**
   * {@code evaluate} over a dataset with a {@code verbose} level (0, 1, 2) and callbacks.
   *
   * @param data the inputs, targets and sample weights
   * @param batchSize rows per batch
   * @param verbose 0, 1 or 2
   * @param callbacks the callbacks
   * @return the loss and metric results by name
   */
  public Map<String, Double> evaluate(Dataset data, int batchSize, int verbose, Callback... callbacks) {
    return trainer().evaluate(data, batchSize, verbose, List.of(callbacks), System.out);
  }

  /**
   * One optimizer step on one batch; returns the logs (Keras's {@code train_on_batch}).
   *
   * @param x the inputs
   * @param y the targets
   * @return the logs after the step
   */
  public Map<String, Double> trainOnBatch(INDArray x, INDArray y) {
    trainer().resetMetrics();
    return trainStep(Batch.of(x, y));
  }

  /**
   * Loss and metrics of one batch (Keras's {@code test_on_batch}).
   *
   * @param x the inputs
   * @param y the targets
   * @return the loss and metric results by name
   */
  public Map<String, Double> testOnBatch(INDArray x, INDArray y) {
    trainer().resetMetrics();
    return testStep(Batch.of(x, y));
  }

  /** Asks {@code fit} to stop after the current batch (Keras's {@code model.stop_training = True}). */
  public void stopTraining() {
    stopTraining = true;
  }

  /** {@return whether a callback asked training to stop (Keras's {@code model.stop_training})} */
  public boolean stopRequested() {
    return stopTraining;
  }

  /** Clears a stop request, as {@code fit} does when it starts. */
  public void resetStopTraining() {
    stopTraining = false;
  }

  /**
   * Asks the running {@code fit} to start at {@code epoch}, skipping the first {@code step} batches
   * of that epoch (Keras's {@code model._initial_epoch}); a callback calls it from
   * {@code onTrainBegin}, e.g. {@code BackupAndRestore} after restoring a backup.
   *
   * @param epoch the 0-based epoch to start at
   * @param step the number of batches of that epoch to skip
   */
  public void resumeAt(int epoch, int step) {
    if (epoch < 0 || step < 0) {
      throw new IllegalArgumentException("resumeAt needs epoch >= 0 and step >= 0, got " + epoch + ", " + step);
    }
    resumeEpoch = epoch;
    resumeStep = step;
  }

  /** {@return the {@code {epoch, step}} asked for by {@link #resumeAt}, or null; clears the request} */
  public int[] takeResumePoint() {
    if (resumeEpoch < 0) {
      return null;
    }
    int[] point = {resumeEpoch, resumeStep};
    resumeEpoch = -1;
    resumeStep = 0;
    return point;
  }

  /** {@return the model's layers (for functional models including its input layers, as Keras)} */
  public List<Layer> layers() {
    return sublayers();
  }

  /**
   * The layer called {@code name}; throws if there is none.
   *
   * @param name the layer's name
   * @return the layer
   */
  public Layer getLayer(String name) {
    for (Layer l : layers()) {
      if (l.name().equals(name)) {
        return l;
      }
    }
    throw new IllegalArgumentException("No such layer: " + name + ". Existing layers are: "
        + layers().stream().map(Layer::name).toList());
  }

  /**
   * Predicts on one batch in inference mode: through the compiled plan for the input's signature
   * when the model can be planned (see {@link #inferencePlans()}), else eagerly.
   *
   * @param x the inputs of one batch
   * @return the outputs
   */
  public INDArray predictOnBatch(INDArray x) {
    if (isBuilt()) {
      Optional<List<INDArray>> planned = plans.run(List.of(x), in -> List.of(call(in.get(0), false)));
      if (planned.isPresent()) {
        return planned.get().get(0);
      }
    }
    try (Scratch scratch = Scratch.open(PREDICT_SCRATCH)) {
      INDArray y = call(Tensor.of(x), false).value();
      keepCallLosses();
      return Scratch.keep(y);
    }
  }

  /**
   * Predicts on several inputs (functional models with several inputs), returning every output.
   *
   * @param xs one array per model input
   * @return one array per model output
   */
  public List<INDArray> predictOnBatch(List<INDArray> xs) {
    if (isBuilt()) {
      Optional<List<INDArray>> planned = plans.run(xs, in -> apply(in.size() == 1 ? CallArgs.of(in.get(0))
          : CallArgs.ofList(in), CallContext.INFERENCE));
      if (planned.isPresent()) {
        return planned.get();
      }
    }
    List<Tensor> in = new ArrayList<>();
    for (INDArray x : xs) {
      in.add(Tensor.of(x));
    }
    try (Scratch scratch = Scratch.open(PREDICT_SCRATCH)) {
      List<Tensor> out = apply(in.size() == 1 ? CallArgs.of(in.get(0)) : CallArgs.ofList(in), CallContext.INFERENCE);
      List<INDArray> values = new ArrayList<>();
      for (Tensor t : out) {
        values.add(Scratch.keep(t.value()));
      }
      keepCallLosses();
      return values;
    }
  }

  /**
   * Predicts in batches of {@code batchSize} rows with a progress bar (Keras's default verbose).
   *
   * @param x the inputs
   * @param batchSize rows per batch
   * @return the outputs of all rows
   */
  public INDArray predict(INDArray x, int batchSize) {
    return predict(x, batchSize, 1);
  }

  /**
   * Predicts in batches of {@code batchSize} rows and concatenates the results; {@code verbose}
   * 0 silent, 1 progress bar, 2 one line; {@code callbacks} get the predict hooks.
   *
   * @param x the inputs
   * @param batchSize rows per batch
   * @param verbose 0, 1 or 2
   * @param callbacks the callbacks
   * @return the outputs of all rows
   */
  public INDArray predict(INDArray x, int batchSize, int verbose, Callback... callbacks) {
    Dataset.checkBatchSize(batchSize);
    long n = x.size(0);
    int steps = (int) Math.max(1, (n + batchSize - 1) / batchSize);
    CallbackList list = new CallbackList(List.of(callbacks), false, verbose != 0, System.out, this,
        new CallbackParams(verbose, 1, steps));
    list.onPredictBegin();
    List<INDArray> parts = new ArrayList<>();
    for (int step = 0; step < steps; step++) {
      list.onPredictBatchBegin(step);
      long start = (long) step * batchSize;
      long end = Math.min(n, start + batchSize);
      parts.add(predictOnBatch(steps == 1 ? x : slice(x, start, end)));
      list.onPredictBatchEnd(step);
    }
    list.onPredictEnd();
    return parts.size() == 1 ? parts.get(0) : Nd4j.concat(0, parts.toArray(new INDArray[0]));
  }

  /**
   * Predicts in batches of Keras's default size, 32 (Keras's {@code predict(x)}).
   *
   * @param x the input
   * @return the result
   */
  public INDArray predict(INDArray x) {
    return predict(x, Dataset.DEFAULT_BATCH_SIZE);
  }

  /**
   * Predicts on several inputs in batches of Keras's default size, 32, returning every output (Keras's {@code predict([a, b])}).
   *
   * @param xs the tensors
   * @return the result
   */
  public List<INDArray> predict(List<INDArray> xs) {
    return predict(xs, Dataset.DEFAULT_BATCH_SIZE);
  }

  /**
   * Predicts on several inputs in batches of {@code batchSize} rows and concatenates each output.
   *
   * @param xs the tensors
   * @param batchSize rows per batch
   * @return the result
   */
  public List<INDArray> predict(List<INDArray> xs, int batchSize) {
    Dataset.checkBatchSize(batchSize);
    if (xs.isEmpty()) {
      throw new IllegalArgumentException("predict on model '" + name() + "' needs at least one input array");
    }
    long n = new Dataset(xs, null, null).size();
    if (n <= batchSize) {
      return predictOnBatch(xs);
    }
    List<List<INDArray>> parts = new ArrayList<>();
    for (long start = 0; start < n; start += batchSize) {
      long end = Math.min(n, start + batchSize);
      List<INDArray> batch = new ArrayList<>();
      for (INDArray x : xs) {
        batch.add(slice(x, start, end));
      }
      List<INDArray> out = predictOnBatch(batch);
      for (int i = 0; i < out.size(); i++) {
        if (parts.size() <= i) {
          parts.add(new ArrayList<>());
        }
        parts.get(i).add(out.get(i));
      }
    }
    List<INDArray> outputs = new ArrayList<>();
    for (List<INDArray> p : parts) {
      outputs.add(Nd4j.concat(0, p.toArray(new INDArray[0])));
    }
    return outputs;
  }

  /**
   * The model's compiled inference plans, one per input signature, which {@link #predictOnBatch}
   * and {@link #predict} run through (system property {@code jeras.plan=false} turns them off,
   * {@link PlanCache#setEnabled} decides per model).
   *
   * @return the plan cache
   */
  public PlanCache inferencePlans() {
    return plans;
  }

  /** Called when layers are added or removed: plans compiled for the old structure are dropped. */
  protected void structureChanged() {
    plans.invalidate();
  }

  static INDArray slice(INDArray x, long start, long end) {
    if (x.dataType() == DataType.UTF8) {
      return StringArrays.rows(x, start, end);
    }
    return x.get(NDArrayIndex.interval(start, end)).dup();
  }

  /**
   * Calls the model on one concrete input, in training or inference mode.
   *
   * @param x the input
   * @param training whether to run in training mode
   * @return the output
   */
  public Tensor call(Tensor x, boolean training) {
    return apply(x, training);
  }

  /**
   * Saves architecture, weights, compile state and optimizer state as a Keras {@code .keras} file.
   *
   * @param path the {@code .keras} file to write
   */
  public void save(Path path) {
    ModelFiles.provider().save(this, path);
  }

  /**
   * Saves the weights only, as Keras's {@code save_weights} ({@code .weights.h5}).
   *
   * @param path the {@code .weights.h5} file to write
   */
  public void saveWeights(Path path) {
    ModelFiles.provider().saveWeights(this, path);
  }

  /**
   * Loads weights saved by {@link #saveWeights} (or Keras) into this model.
   *
   * @param path the {@code .weights.h5} file to read
   */
  public void loadWeights(Path path) {
    loadWeights(path, false);
  }

  /**
   * Loads weights; with {@code skipMismatch} layers whose shapes differ are skipped with a warning.
   *
   * @param path the {@code .weights.h5} file to read
   * @param skipMismatch whether to skip layers whose shapes differ
   */
  public void loadWeights(Path path, boolean skipMismatch) {
    ModelFiles.provider().loadWeights(this, path, skipMismatch);
  }

  /** Prints Keras's summary table to stdout. */
  public void summary() {
    System.out.print(summaryString());
  }

  /** {@return Keras's summary table: layer (type), output shape, param #, then totals with bytes} */
  public String summaryString() {
    return Summary.of(this);
  }

  @Override
  public boolean acceptsText() {
    // A model checks its inputs against its own Inputs (ModelInputs), and its layers check theirs.
    return true;
  }
}
