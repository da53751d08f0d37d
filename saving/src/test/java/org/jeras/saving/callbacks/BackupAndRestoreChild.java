package org.jeras.saving.callbacks;

import java.nio.file.Path;
import java.util.Map;
import org.jeras.core.callbacks.BackupAndRestore;
import org.jeras.core.callbacks.Callback;
import org.jeras.core.model.Model;

/**
 * A training run that crashes: {@code main(backupDir, saveFreq, haltAtGlobalBatch)} trains
 * {@link BackupAndRestoreTest#fitOptions} with a {@link BackupAndRestore} and halts the JVM
 * (no shutdown hooks, as a kill would) right after the given training batch (1-based, counted
 * across epochs).
 */
public final class BackupAndRestoreChild {
  /** The exit status of the simulated crash. */
  static final int CRASH = 17;

  private BackupAndRestoreChild() {}

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    int haltAt = Integer.parseInt(args[2]);
    Model model = CallbackModels.mlp(BackupAndRestoreTest.SEED);
    Callback crash = new Callback() {
      int seen;

      @Override
      public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
        if (++seen == haltAt) {
          Runtime.getRuntime().halt(CRASH);
        }
      }
    };
    model.fit(CallbackModels.x(BackupAndRestoreTest.SAMPLES), CallbackModels.y(BackupAndRestoreTest.SAMPLES),
        BackupAndRestoreTest.fitOptions().callbacks(new BackupAndRestore(dir, args[1], true), crash));
    System.exit(0);
  }
}
