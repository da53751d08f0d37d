package org.jeras.core.callbacks;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jeras.core.layer.Layer;
import org.jeras.core.model.Model;
import org.jeras.core.tensor.Variable;

/**
 * Writes TensorBoard event files, as Keras's {@code TensorBoard}: under {@code logDir/train}
 * the scalars {@code epoch_loss}, {@code epoch_<metric>} and {@code epoch_learning_rate} at each
 * epoch (step = epoch), with {@code updateFreq} N also {@code batch_<name>} every N training
 * batches (step = batch count since the start of {@code fit}), and with {@code histogramFreq} N
 * each weight's histogram ({@code <weight path>/histogram}) every N epochs; under
 * {@code logDir/validation} the {@code val_} values as {@code epoch_<name>}. View them with
 * {@code tensorboard --logdir logDir}.
 *
 * <pre>{@code
 * model.fit(x, y, FitOptions.defaults().epochs(10)
 *     .callbacks(TensorBoard.builder(Path.of("logs")).histogramFreq(1).build()));
 * }</pre>
 */
public final class TensorBoard implements Callback {
  private final Path logDir;
  private final int updateFreq;
  private final int histogramFreq;
  private Model model;
  private EventFileWriter train;
  private EventFileWriter validation;
  private long globalBatch;

  /**
   * Keras's {@code TensorBoard(log_dir, update_freq, histogram_freq)}.
   *
   * @param updateFreq 0 for per-epoch scalars only ({@code "epoch"}), N to also write batch scalars every N batches
   * @param histogramFreq every how many epochs to write weight histograms; 0 for never
   * @param logDir the directory the event files go under
   */
  public TensorBoard(Path logDir, int updateFreq, int histogramFreq) {
    if (updateFreq < 0 || histogramFreq < 0) {
      throw new IllegalArgumentException("TensorBoard needs updateFreq >= 0 and histogramFreq >= 0, got "
          + updateFreq + ", " + histogramFreq);
    }
    this.logDir = logDir;
    this.updateFreq = updateFreq;
    this.histogramFreq = histogramFreq;
  }

  /**
   * Keras's defaults: per-epoch scalars only.
   *
   * @param logDir the directory the event files go under
   */
  public TensorBoard(Path logDir) {
    this(logDir, 0, 0);
  }

  /**
   * {@return a builder starting from Keras's defaults (log dir {@code logs} as in Keras when null)}
   *
   * @param logDir the directory the event files go under, or null
   */
  public static Builder builder(Path logDir) {
    return new Builder(logDir == null ? Path.of("logs") : logDir);
  }

  @Override
  public void setModel(Model model) {
    this.model = model;
  }

  @Override
  public void onTrainBegin(Map<String, Double> logs) {
    globalBatch = 0;
    if (train == null) {
      train = new EventFileWriter(logDir.resolve("train"));
    }
  }

  @Override
  public void onTrainBatchBegin(int batch, Map<String, Double> logs) {
    globalBatch++;
  }

  @Override
  public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
    if (updateFreq > 0 && globalBatch % updateFreq == 0) {
      logs.forEach((k, v) -> train.scalar("batch_" + k, globalBatch, v));
    }
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    boolean hasValidation = false;
    Map<String, Double> trainLogs = new LinkedHashMap<>();
    for (Map.Entry<String, Double> e : logs.entrySet()) {
      if (!e.getKey().startsWith("val_")) {
        trainLogs.put(e.getKey(), e.getValue());
      } else {
        hasValidation = true;
      }
    }
    if (model.isCompiled()) {
      // Replaces a learning_rate another callback logged, as Keras's TensorBoard does.
      trainLogs.put("learning_rate", model.optimizer().learningRate());
    }
    trainLogs.forEach((k, v) -> train.scalar("epoch_" + k, epoch, v));
    if (hasValidation) {
      if (validation == null) {
        validation = new EventFileWriter(logDir.resolve("validation"));
      }
      for (Map.Entry<String, Double> e : logs.entrySet()) {
        if (e.getKey().startsWith("val_")) {
          validation.scalar("epoch_" + e.getKey().substring(4), epoch, e.getValue());
        }
      }
    }
    if (histogramFreq > 0 && epoch % histogramFreq == 0) {
      for (Layer layer : model.layers()) {
        for (Variable w : layer.weights()) {
          train.histogram(w.path().replace(':', '_') + "/histogram", epoch, w.array());
        }
      }
    }
  }

  @Override
  public void onTrainEnd(Map<String, Double> logs) {
    if (train != null) {
      train.close();
      train = null;
    }
    if (validation != null) {
      validation.close();
      validation = null;
    }
  }

  /** Builds a {@link TensorBoard}; every setting starts at Keras's default. */
  public static final class Builder {
    private final Path logDir;
    private int updateFreq;
    private int histogramFreq;

    private Builder(Path logDir) {
      this.logDir = logDir;
    }

    /**
     * {@code "epoch"} (default), {@code "batch"} (every batch) or a number of batches as text.
     *
     * @param v the scalar frequency
     * @return this builder
     */
    public Builder updateFreq(String v) {
      updateFreq = switch (v) {
        case "epoch" -> 0;
        case "batch" -> 1;
        default -> {
          try {
            yield Integer.parseInt(v);
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("update_freq must be 'epoch', 'batch' or an integer, got '" + v + "'");
          }
        }
      };
      return this;
    }

    /**
     * Batch scalars every {@code batches} training batches.
     *
     * @param batches the number of batches between batch scalars
     * @return this builder
     */
    public Builder updateFreq(int batches) {
      updateFreq = batches;
      return this;
    }

    /**
     * Weight histograms every {@code epochs} epochs (0: none).
     *
     * @param epochs the number of epochs between histograms
     * @return this builder
     */
    public Builder histogramFreq(int epochs) {
      histogramFreq = epochs;
      return this;
    }

    /**
     * Accepted for Keras compatibility; Jeras writes no graph.
     *
     * @param ignored Keras's {@code write_graph}
     * @return this builder
     */
    public Builder writeGraph(boolean ignored) {
      return this;
    }

    /** {@return the callback with the values set so far} */
    public TensorBoard build() {
      return new TensorBoard(logDir, updateFreq, histogramFreq);
    }
  }
}
