package org.jeras.core.model;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.jeras.core.tensor.Tensor;
import org.jeras.core.training.Batch;
import org.jeras.core.training.Compilation;
import org.jeras.core.training.CompileOptions;
import org.jeras.core.training.Dataset;
import org.jeras.core.training.FitOptions;
import org.jeras.core.training.Trainer;
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

  /** Configures training: optimizer, loss (a {@link org.jeras.core.losses.Loss} or a Keras name like {@code "mse"}), metrics. */
  public void compile(Optimizer optimizer, Object loss, Object... metrics) {
    compile(CompileOptions.of(optimizer).loss(loss).metrics(metrics));
  }

  /**
   * Configures training with Keras's names, as {@code model.compile("adam", "mse", List.of("mae"))}:
   * an optimizer name ({@code "adam"}, {@code "sgd"}, {@code "rmsprop"}, ... with Keras's defaults),
   * a loss (a {@link org.jeras.core.losses.Loss}, a name, a list per output or a map by output
   * name) and metrics (objects or names, one list, or a map by output name). An unknown name fails
   * with a {@link org.jeras.core.config.ConfigException} naming the argument and the closest known names.
   */
  public void compile(String optimizer, Object loss, Object... metrics) {
    compile(CompileOptions.of(optimizer).loss(loss).metrics(metrics));
  }

  /** Configures training with per-output losses, loss weights and metrics. */
  public void compile(CompileOptions options) {
    trainer = Compilation.compile(this, options);
  }

  /** Keras's {@code get_compile_config()}: null when not compiled. */
  public JsonObject getCompileConfig() {
    return trainer == null ? null : Compilation.compileConfig(trainer);
  }

  /** Keras's {@code compile_from_config()}: compiles from a saved {@code compile_config}. */
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

  public boolean isCompiled() {
    return trainer != null;
  }

  /** The optimizer given to {@code compile}. */
  public Optimizer optimizer() {
    return trainer().optimizer();
  }

  private Trainer trainer() {
    if (trainer == null) {
      throw new IllegalStateException("You must call compile() on model '" + name() + "' before training or evaluating it");
    }
    return trainer;
  }

  /** Names of the outputs, used to key per-output logs. */
  public List<String> outputNames() {
    return List.of(name());
  }

  // ------------------------------------------------------------------ training

  /**
   * One training step on a batch (Keras's {@code train_step}); override for a custom step, using
   * {@link GradientTape}, {@link #optimizer()} and {@link #computeLoss}.
   */
  public Map<String, Double> trainStep(Batch batch) {
    return trainer().trainStep(batch);
  }

  /** One evaluation step (Keras's {@code test_step}). */
  public Map<String, Double> testStep(Batch batch) {
    return trainer().testStep(batch);
  }

  /** The compiled loss of a batch given predictions (plus regularization losses). */
  public Tensor computeLoss(Batch batch, List<Tensor> yPred) {
    return trainer().computeLoss(batch, yPred, true);
  }

  /** The current metric values (Keras's {@code get_metrics_result}). */
  public Map<String, Double> metricsResult() {
    return trainer().logs();
  }

  /** Trains on {@code x, y} (Keras's {@code fit}). */
  public History fit(INDArray x, INDArray y, FitOptions options) {
    return fit(new Dataset(List.of(x), List.of(y), options.sampleWeightArray()), options);
  }

  /** Trains on {@code x, y} with Keras's defaults (batch size 32, one epoch, shuffled). */
  public History fit(INDArray x, INDArray y) {
    return fit(x, y, FitOptions.defaults());
  }

  /** Trains on a multi-input/multi-output dataset. */
  public History fit(Dataset data, FitOptions options) {
    trainer();
    return trainer.fit(data, options, System.out);
  }

  /** Trains on Java arrays (rows are samples). */
  public History fit(float[][] x, float[][] y, FitOptions options) {
    return fit(Nd4j.create(x), Nd4j.create(y), options);
  }

  /**
   * Trains on batches from a source (Keras's generator / dataset form of {@code fit}): each epoch
   * iterates {@code batches} once; {@code steps} per epoch is only for the progress bar (-1 if unknown).
   */
  public History fit(Iterable<Batch> batches, int steps, Iterable<Batch> validation, FitOptions options) {
    trainer();
    return trainer.fit(batches, steps, validation, options, System.out);
  }

  /** Mean loss and metrics over batches from a source. */
  public Map<String, Double> evaluate(Iterable<Batch> batches) {
    return trainer().evaluate(batches.iterator());
  }

  /** Mean loss and metrics over {@code x, y} in inference mode (Keras's {@code evaluate}). */
  public Map<String, Double> evaluate(INDArray x, INDArray y, int batchSize) {
    return evaluate(new Dataset(List.of(x), List.of(y), null), batchSize);
  }

  /** Mean loss and metrics over {@code x, y} in batches of Keras's default size, 32. */
  public Map<String, Double> evaluate(INDArray x, INDArray y) {
    return evaluate(x, y, Dataset.DEFAULT_BATCH_SIZE);
  }

  /** Mean loss and metrics over a multi-input/multi-output dataset in batches of {@code batchSize}. */
  public Map<String, Double> evaluate(Dataset data, int batchSize) {
    return trainer().evaluate(data, batchSize);
  }

  /** One optimizer step on one batch; returns the logs (Keras's {@code train_on_batch}). */
  public Map<String, Double> trainOnBatch(INDArray x, INDArray y) {
    trainer().resetMetrics();
    return trainStep(Batch.of(x, y));
  }

  /** Loss and metrics of one batch (Keras's {@code test_on_batch}). */
  public Map<String, Double> testOnBatch(INDArray x, INDArray y) {
    trainer().resetMetrics();
    return testStep(Batch.of(x, y));
  }

  /** Asks {@code fit} to stop after the current batch (Keras's {@code model.stop_training = True}). */
  public void stopTraining() {
    stopTraining = true;
  }

  public boolean stopRequested() {
    return stopTraining;
  }

  public void resetStopTraining() {
    stopTraining = false;
  }

  /**
   * Asks the running {@code fit} to start at {@code epoch}, skipping the first {@code step} batches
   * of that epoch (Keras's {@code model._initial_epoch}); a callback calls it from
   * {@code onTrainBegin}, e.g. {@code BackupAndRestore} after restoring a backup.
   */
  public void resumeAt(int epoch, int step) {
    if (epoch < 0 || step < 0) {
      throw new IllegalArgumentException("resumeAt needs epoch >= 0 and step >= 0, got " + epoch + ", " + step);
    }
    resumeEpoch = epoch;
    resumeStep = step;
  }

  /** The {@code {epoch, step}} asked for by {@link #resumeAt}, or null; clears the request. */
  public int[] takeResumePoint() {
    if (resumeEpoch < 0) {
      return null;
    }
    int[] point = {resumeEpoch, resumeStep};
    resumeEpoch = -1;
    resumeStep = 0;
    return point;
  }

  /** The model's layers (for functional models including its input layers, as Keras). */
  public List<Layer> layers() {
    return sublayers();
  }

  /** The layer called {@code name}; throws if there is none. */
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

  /** Predicts on several inputs (functional models with several inputs), returning every output. */
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

  /** Predicts in batches of {@code batchSize} rows and concatenates the results. */
  public INDArray predict(INDArray x, int batchSize) {
    Dataset.checkBatchSize(batchSize);
    long n = x.size(0);
    if (n <= batchSize) {
      return predictOnBatch(x);
    }
    List<INDArray> parts = new ArrayList<>();
    for (long start = 0; start < n; start += batchSize) {
      long end = Math.min(n, start + batchSize);
      parts.add(predictOnBatch(slice(x, start, end)));
    }
    return Nd4j.concat(0, parts.toArray(new INDArray[0]));
  }

  /** Predicts in batches of Keras's default size, 32 (Keras's {@code predict(x)}). */
  public INDArray predict(INDArray x) {
    return predict(x, Dataset.DEFAULT_BATCH_SIZE);
  }

  /** Predicts on several inputs in batches of Keras's default size, 32, returning every output (Keras's {@code predict([a, b])}). */
  public List<INDArray> predict(List<INDArray> xs) {
    return predict(xs, Dataset.DEFAULT_BATCH_SIZE);
  }

  /** Predicts on several inputs in batches of {@code batchSize} rows and concatenates each output. */
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
   */
  public PlanCache inferencePlans() {
    return plans;
  }

  /** Called when layers are added or removed: plans compiled for the old structure are dropped. */
  protected void structureChanged() {
    plans.invalidate();
  }

  static INDArray slice(INDArray x, long start, long end) {
    return x.get(NDArrayIndex.interval(start, end)).dup();
  }

  /** Calls the model on one concrete input, in training or inference mode. */
  public Tensor call(Tensor x, boolean training) {
    return apply(x, training);
  }

  /** Saves architecture, weights, compile state and optimizer state as a Keras {@code .keras} file. */
  public void save(Path path) {
    ModelFiles.provider().save(this, path);
  }

  /** Saves the weights only, as Keras's {@code save_weights} ({@code .weights.h5}). */
  public void saveWeights(Path path) {
    ModelFiles.provider().saveWeights(this, path);
  }

  /** Loads weights saved by {@link #saveWeights} (or Keras) into this model. */
  public void loadWeights(Path path) {
    loadWeights(path, false);
  }

  /** Loads weights; with {@code skipMismatch} layers whose shapes differ are skipped with a warning. */
  public void loadWeights(Path path, boolean skipMismatch) {
    ModelFiles.provider().loadWeights(this, path, skipMismatch);
  }

  /** Prints Keras's summary table to stdout. */
  public void summary() {
    System.out.print(summaryString());
  }

  /** Keras's summary table: layer (type), output shape, param #, then totals with bytes. */
  public String summaryString() {
    return Summary.of(this);
  }
}
