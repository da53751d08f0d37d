package org.jeras.core.callbacks;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jeras.core.model.Model;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves the model (or its weights) during {@code fit}, as Keras's {@code ModelCheckpoint}. The
 * file path may hold Python format fields filled from {@code epoch} (1-based), {@code batch}
 * and the logs, e.g. {@code "ckpt/{epoch:02d}-{val_loss:.2f}.keras"}. Files are written
 * through the saving module, which replaces a file atomically (a failed save keeps the old one).
 *
 * <pre>{@code
 * model.fit(x, y, FitOptions.defaults().epochs(10).validationSplit(0.2)
 *     .callbacks(ModelCheckpoint.builder("best.keras").saveBestOnly(true).build()));
 * }</pre>
 */
public final class ModelCheckpoint implements Callback {
  private static final Logger LOG = LoggerFactory.getLogger(ModelCheckpoint.class);
  private final String filepath;
  private final Monitor monitor;
  private final int verbose;
  private final boolean saveBestOnly;
  private final boolean saveWeightsOnly;
  private final SaveFrequency saveFreq;
  private final Double initialValueThreshold;
  private PrintStream out = System.out;
  private Model model;
  private double best;
  private boolean hasBest;
  private int currentEpoch;

  /**
   * Keras's constructor; {@code saveFreq} is {@code "epoch"} or a number of batches as text.
   *
   * @param filepath the file to write; may hold {@code {epoch}} and logged-name placeholders as in Keras
   * @param monitor the logged value watched by {@code saveBestOnly}
   * @param verbose 1 prints a line for each save
   * @param saveBestOnly save only when the monitored value improves
   * @param saveWeightsOnly write {@code .weights.h5} files instead of {@code .keras} archives
   * @param mode {@code "auto"}, {@code "min"} or {@code "max"}
   * @param saveFreq {@code "epoch"} or a number of batches
   * @param initialValueThreshold the value to beat before the first save, or null
   */
  public ModelCheckpoint(String filepath, String monitor, int verbose, boolean saveBestOnly,
      boolean saveWeightsOnly, String mode, String saveFreq, Double initialValueThreshold) {
    this(filepath, monitor, verbose, saveBestOnly, saveWeightsOnly, mode, SaveFrequency.parse(saveFreq),
        initialValueThreshold);
  }

  private ModelCheckpoint(String filepath, String monitor, int verbose, boolean saveBestOnly,
      boolean saveWeightsOnly, String mode, SaveFrequency saveFreq, Double initialValueThreshold) {
    if (filepath == null || filepath.isEmpty()) {
      throw new IllegalArgumentException("ModelCheckpoint needs a filepath");
    }
    if (saveWeightsOnly) {
      if (!filepath.endsWith(".weights.h5")) {
        throw new IllegalArgumentException("When using `save_weights_only=True` in `ModelCheckpoint`, the filepath "
            + "provided must end in `.weights.h5` (Keras weights format). Received: filepath=" + filepath);
      }
    } else if (!filepath.endsWith(".keras")) {
      throw new IllegalArgumentException("The filepath provided must end in `.keras` (Keras model format). "
          + "Received: filepath=" + filepath);
    }
    this.filepath = filepath;
    this.monitor = Monitor.of(monitor, mode);
    this.verbose = verbose;
    this.saveBestOnly = saveBestOnly;
    this.saveWeightsOnly = saveWeightsOnly;
    this.saveFreq = saveFreq;
    this.initialValueThreshold = initialValueThreshold;
  }

  /**
   * A checkpoint with Keras's defaults: monitor val_loss, mode auto, save every epoch, whole model.
   *
   * @param filepath the file to write, as in
   *     {@link #ModelCheckpoint(String, String, int, boolean, boolean, String, String, Double)}
   */
  public ModelCheckpoint(String filepath) {
    this(filepath, "val_loss", 0, false, false, "auto", SaveFrequency.epoch(), null);
  }

  /**
   * {@return a builder starting from Keras's defaults}
   *
   * @param filepath the file to write
   */
  public static Builder builder(String filepath) {
    return new Builder(filepath);
  }

  /**
   * Where the verbose messages go (standard output by default).
   *
   * @param stream the stream for the messages
   * @return this callback
   */
  public ModelCheckpoint printTo(PrintStream stream) {
    this.out = stream;
    return this;
  }

  @Override
  public void setModel(Model model) {
    this.model = model;
  }

  @Override
  public void onTrainBegin(Map<String, Double> logs) {
    saveFreq.reset();
    hasBest = initialValueThreshold != null;
    best = hasBest ? initialValueThreshold : monitor.worst();
  }

  @Override
  public void onEpochBegin(int epoch, Map<String, Double> logs) {
    currentEpoch = epoch;
  }

  @Override
  public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
    if (saveFreq.batchEnded()) {
      save(currentEpoch, batch, logs);
    }
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    if (saveFreq.perEpoch()) {
      save(epoch, -1, logs);
    }
  }

  /** {@return the best monitored value seen so far, or null before the first improvement} */
  public Double best() {
    return hasBest ? best : null;
  }

  private void save(int epoch, int batch, Map<String, Double> logs) {
    Path path = Path.of(filePath(epoch, batch, logs));
    if (!shouldSave(epoch, logs, path)) {
      return;
    }
    if (Files.isDirectory(path)) {
      throw new IllegalArgumentException("Please specify a non-directory filepath for ModelCheckpoint. "
          + "Filepath used is an existing directory: " + path);
    }
    if (saveWeightsOnly) {
      model.saveWeights(path);
    } else {
      model.save(path);
    }
    if (verbose > 0) {
      out.println("\nEpoch " + (epoch + 1) + ": finished saving model to " + path);
    }
  }

  /** The path for this save: the template filled with epoch (1-based), batch (1-based) and the logs. */
  private String filePath(int epoch, int batch, Map<String, Double> logs) {
    Map<String, Number> values = new LinkedHashMap<>(logs);
    values.put("epoch", epoch + 1);
    if (batch >= 0 && !logs.containsKey("batch")) {
      values.put("batch", batch + 1);
    }
    return PyFormat.format(filepath, values);
  }

  private boolean shouldSave(int epoch, Map<String, Double> logs, Path path) {
    if (!saveBestOnly) {
      if (verbose > 0) {
        out.println("\nEpoch " + (epoch + 1) + ": saving model to " + path);
      }
      return true;
    }
    Double current = monitor.value(logs);
    if (current == null) {
      LOG.warn("Can save best model only with {} available.", monitor.key());
      return true;
    }
    String bestText = hasBest ? String.format(Locale.ROOT, "%.5f", best) : "None";
    if (!hasBest || monitor.improves(current, best, 0)) {
      if (verbose > 0) {
        out.println(String.format(Locale.ROOT, "%nEpoch %d: %s improved from %s to %.5f, saving model to %s",
            epoch + 1, monitor.key(), bestText, current, path));
      }
      best = current;
      hasBest = true;
      return true;
    }
    if (verbose > 0) {
      out.println("\nEpoch " + (epoch + 1) + ": " + monitor.key() + " did not improve from " + bestText);
    }
    return false;
  }

  /** Builds a {@link ModelCheckpoint}; every setting starts at Keras's default. */
  public static final class Builder {
    private final String filepath;
    private String monitor = "val_loss";
    private int verbose;
    private boolean saveBestOnly;
    private boolean saveWeightsOnly;
    private String mode = "auto";
    private SaveFrequency saveFreq = SaveFrequency.epoch();
    private Double initialValueThreshold;

    private Builder(String filepath) {
      this.filepath = filepath;
    }

    /**
     * The logged value watched by {@code saveBestOnly} (default {@code val_loss}).
     *
     * @param v the logged value watched by {@code saveBestOnly} (default {@code val_loss})
     * @return this builder
     */
    public Builder monitor(String v) {
      monitor = v;
      return this;
    }

    /**
     * 1 prints a line for each save.
     *
     * @param v the verbosity
     * @return this builder
     */
    public Builder verbose(int v) {
      verbose = v;
      return this;
    }

    /**
     * Saves only when the monitored value improves on the best so far.
     *
     * @param v whether to save only on improvement
     * @return this builder
     */
    public Builder saveBestOnly(boolean v) {
      saveBestOnly = v;
      return this;
    }

    /**
     * Saves {@code .weights.h5} files instead of {@code .keras} archives.
     *
     * @param v whether to save weights only
     * @return this builder
     */
    public Builder saveWeightsOnly(boolean v) {
      saveWeightsOnly = v;
      return this;
    }

    /**
     * {@code "auto"}, {@code "min"} or {@code "max"}.
     *
     * @param v the direction of improvement
     * @return this builder
     */
    public Builder mode(String v) {
      mode = v;
      return this;
    }

    /**
     * {@code "epoch"} (default) or a number of batches as text.
     *
     * @param v the saving frequency
     * @return this builder
     */
    public Builder saveFreq(String v) {
      saveFreq = SaveFrequency.parse(v);
      return this;
    }

    /**
     * Saves every {@code batches} training batches (counted across epochs).
     *
     * @param batches the number of batches between saves
     * @return this builder
     */
    public Builder saveFreq(int batches) {
      saveFreq = SaveFrequency.everyBatches(batches);
      return this;
    }

    /**
     * The value to beat before the first save when {@code saveBestOnly}.
     *
     * @param v the value to beat before the first save when {@code saveBestOnly}
     * @return this builder
     */
    public Builder initialValueThreshold(Double v) {
      initialValueThreshold = v;
      return this;
    }

    /** {@return the callback with the values set so far} */
    public ModelCheckpoint build() {
      return new ModelCheckpoint(filepath, monitor, verbose, saveBestOnly, saveWeightsOnly, mode, saveFreq,
          initialValueThreshold);
    }
  }
}
