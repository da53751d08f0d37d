package org.jeras.core.callbacks;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.jeras.core.model.Model;

/**
 * Backs up the training state so that a {@code fit} interrupted by a crash resumes where it
 * stopped (Keras's {@code BackupAndRestore}): the weights with the optimizer state in
 * {@code backupDir/latest.weights.h5} and the position in {@code training_metadata.json}
 * ({@code {"epoch": E, "batch": B}}). The next {@code fit} with a callback on the same directory
 * restores both and continues at epoch E, after the first B batches of it (Keras restarts that
 * epoch from its first batch; here the batches already trained are skipped, so the resumed run
 * trains exactly the batches the interrupted one had left). Needs the saving module, a built
 * model, and, for an exact resume with shuffling, the same {@code FitOptions.seed}. At the end of
 * a completed {@code fit}, the backup is deleted unless {@code deleteCheckpoint} is false.
 *
 * <pre>{@code
 * model.fit(x, y, FitOptions.defaults().epochs(20).callbacks(new BackupAndRestore(Path.of("backup"))));
 * }</pre>
 */
public final class BackupAndRestore implements Callback {
  static final String WEIGHTS = "latest.weights.h5";
  static final String METADATA = "training_metadata.json";
  private final Path backupDir;
  private final SaveFrequency saveFreq;
  private final boolean deleteCheckpoint;
  private Model model;
  private int currentEpoch;
  private int batchesThisEpoch;

  /**
   * Keras's {@code BackupAndRestore(backup_dir, save_freq, delete_checkpoint)}.
   *
   * @param saveFreq {@code "epoch"} or a number of training batches between backups, as text
   * @param backupDir the directory holding the backup
   * @param deleteCheckpoint delete the backup when training completes
   */
  public BackupAndRestore(Path backupDir, String saveFreq, boolean deleteCheckpoint) {
    this(backupDir, saveFrequency(saveFreq), deleteCheckpoint);
  }

  /**
   * Backs up every {@code batches} training batches.
   *
   * @param backupDir the directory holding the backup
   * @param batches the number of training batches between backups
   * @param deleteCheckpoint delete the backup when training completes
   */
  public BackupAndRestore(Path backupDir, int batches, boolean deleteCheckpoint) {
    this(backupDir, SaveFrequency.everyBatches(batches), deleteCheckpoint);
  }

  /**
   * Keras's defaults: a backup at each epoch end, deleted when training completes.
   *
   * @param backupDir the directory holding the backup
   */
  public BackupAndRestore(Path backupDir) {
    this(backupDir, SaveFrequency.epoch(), true);
  }

  private BackupAndRestore(Path backupDir, SaveFrequency saveFreq, boolean deleteCheckpoint) {
    if (backupDir == null || backupDir.toString().isEmpty()) {
      throw new IllegalArgumentException("Empty `backup_dir` argument passed");
    }
    this.backupDir = backupDir;
    this.saveFreq = saveFreq;
    this.deleteCheckpoint = deleteCheckpoint;
  }

  private static SaveFrequency saveFrequency(String value) {
    try {
      return SaveFrequency.parse(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Invalid value for argument `save_freq`. Received: save_freq=" + value
          + ". Expected either 'epoch' or an integer value.");
    }
  }

  @Override
  public void setModel(Model model) {
    this.model = model;
  }

  @Override
  public void onTrainBegin(Map<String, Double> logs) {
    saveFreq.reset();
    currentEpoch = 0;
    batchesThisEpoch = 0;
    Path weights = backupDir.resolve(WEIGHTS);
    Path metadata = backupDir.resolve(METADATA);
    if (!Files.exists(weights)) {
      return;
    }
    if (!model.isBuilt()) {
      throw new IllegalStateException("To use the BackupAndRestore callback, your model must be built before you "
          + "call fit(). Model '" + model.name() + "' is unbuilt. You can build it beforehand by calling it on a "
          + "batch of data.");
    }
    if (model.isCompiled()) {
      // Slots must exist for the saved optimizer state to load into them.
      model.optimizer().build(model.trainableWeights());
    }
    model.loadWeights(weights);
    if (Files.exists(metadata)) {
      JsonObject meta;
      try {
        meta = JsonParser.parseString(Files.readString(metadata, StandardCharsets.UTF_8)).getAsJsonObject();
      } catch (IOException e) {
        throw new UncheckedIOException("Reading " + metadata + " failed", e);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("Backup metadata " + metadata + " is not the expected JSON object: "
            + e.getMessage(), e);
      }
      if (!meta.has("epoch")) {
        throw new IllegalArgumentException("Backup metadata " + metadata + " has no 'epoch' entry");
      }
      currentEpoch = meta.get("epoch").getAsInt();
      int batch = meta.has("batch") ? meta.get("batch").getAsInt() : 0;
      model.resumeAt(currentEpoch, batch);
    }
  }

  @Override
  public void onEpochBegin(int epoch, Map<String, Double> logs) {
    currentEpoch = epoch;
    batchesThisEpoch = 0;
  }

  @Override
  public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
    batchesThisEpoch = batch + 1;
    if (saveFreq.batchEnded()) {
      backup(currentEpoch, batchesThisEpoch);
    }
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    if (saveFreq.perEpoch()) {
      backup(epoch + 1, 0);
    }
  }

  @Override
  public void onTrainEnd(Map<String, Double> logs) {
    // A fit stopped early (stopTraining) also counts as completed, as in Keras.
    if (deleteCheckpoint && Files.exists(backupDir)) {
      deleteTree(backupDir);
    }
  }

  /** Writes the weights (atomically, by the saving module), then the position they belong to. */
  private void backup(int epoch, int batch) {
    try {
      Files.createDirectories(backupDir);
      model.saveWeights(backupDir.resolve(WEIGHTS));
      JsonObject meta = new JsonObject();
      meta.addProperty("epoch", epoch);
      meta.addProperty("batch", batch);
      Path target = backupDir.resolve(METADATA);
      Path tmp = Files.createTempFile(backupDir, "." + METADATA + ".", ".tmp");
      try {
        Files.writeString(tmp, meta.toString(), StandardCharsets.UTF_8);
        try {
          Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Backing up to " + backupDir + " failed", e);
    }
  }

  private void deleteTree(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Deleting the backup " + backupDir + " failed", e);
    }
  }
}
