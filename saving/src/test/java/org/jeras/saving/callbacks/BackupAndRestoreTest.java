package org.jeras.saving.callbacks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jeras.core.callbacks.BackupAndRestore;
import org.jeras.core.callbacks.History;
import org.jeras.core.model.Model;
import org.jeras.core.tensor.Variable;
import org.jeras.core.testing.ChildJvm;
import org.jeras.core.training.FitOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training process killed mid-training and resumed with {@link BackupAndRestore} ends with the
 * same weights and optimizer state, bit for bit, as a run that was never interrupted.
 */
class BackupAndRestoreTest {
  static final long SEED = 11;
  static final int SAMPLES = 24;
  static final int EPOCHS = 5;

  @TempDir
  Path tmp;

  /** 4 batches of 6 per epoch, shuffled with a fixed seed. */
  static FitOptions fitOptions() {
    return FitOptions.defaults().epochs(EPOCHS).batchSize(6).shuffle(true).seed(99).verbose(0);
  }

  @Test
  void resumesAfterACrashBetweenEpochsExactly() throws Exception {
    Path dir = tmp.resolve("backup");
    // Halt after batch 11: epoch 2 is under way, the last backup is the end of epoch 1.
    ChildJvm.Result child = ChildJvm.run(BackupAndRestoreChild.class, "1g", tmp, 300, dir.toString(), "epoch", "11");
    assertEquals(BackupAndRestoreChild.CRASH, child.status(), child.err());
    assertEquals(2, metadata(dir).get("epoch").getAsInt());
    assertEquals(0, metadata(dir).get("batch").getAsInt());

    History resumed = resumeAndCompare(new BackupAndRestore(dir), dir);
    assertEquals(List.of(2, 3, 4), resumed.epochs());
  }

  @Test
  void resumesAfterACrashInsideAnEpochExactly() throws Exception {
    Path dir = tmp.resolve("backup");
    // Backups every 3 batches (global 3, 6, 9); halt after batch 10: the backup is epoch 2 after 1 batch.
    ChildJvm.Result child = ChildJvm.run(BackupAndRestoreChild.class, "1g", tmp, 300, dir.toString(), "3", "10");
    assertEquals(BackupAndRestoreChild.CRASH, child.status(), child.err());
    assertEquals(2, metadata(dir).get("epoch").getAsInt());
    assertEquals(1, metadata(dir).get("batch").getAsInt());

    History resumed = resumeAndCompare(new BackupAndRestore(dir, 3, true), dir);
    assertEquals(List.of(2, 3, 4), resumed.epochs());
  }

  @Test
  void keepsTheBackupWhenAsked() {
    Path dir = tmp.resolve("kept");
    Model model = CallbackModels.mlp(SEED);
    model.fit(CallbackModels.x(SAMPLES), CallbackModels.y(SAMPLES),
        fitOptions().epochs(2).callbacks(new BackupAndRestore(dir, "epoch", false)));
    assertTrue(Files.exists(dir.resolve("latest.weights.h5")));
    assertEquals(2, metadata(dir).get("epoch").getAsInt());
    // A later fit on the same directory starts after the finished epochs: nothing left to train.
    History again = model.fit(CallbackModels.x(SAMPLES), CallbackModels.y(SAMPLES),
        fitOptions().epochs(2).callbacks(new BackupAndRestore(dir, "epoch", false)));
    assertEquals(List.of(), again.epochs());
  }

  @Test
  void rejectsABadSaveFreq() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new BackupAndRestore(tmp, "often", true));
    assertEquals("Invalid value for argument `save_freq`. Received: save_freq=often. "
        + "Expected either 'epoch' or an integer value.", e.getMessage());
  }

  /** Resumes in this JVM, checks the backup is gone, and compares with an uninterrupted run. */
  private History resumeAndCompare(BackupAndRestore callback, Path dir) {
    Model straight = CallbackModels.mlp(SEED);
    straight.fit(CallbackModels.x(SAMPLES), CallbackModels.y(SAMPLES), fitOptions());

    Model resumed = CallbackModels.mlp(SEED);
    History history = resumed.fit(CallbackModels.x(SAMPLES), CallbackModels.y(SAMPLES),
        fitOptions().callbacks(callback));
    assertFalse(Files.exists(dir), "the backup is deleted after a completed fit");

    List<Variable> a = straight.weights();
    List<Variable> b = resumed.weights();
    assertEquals(a.size(), b.size());
    for (int i = 0; i < a.size(); i++) {
      assertArrayEquals(a.get(i).array().data().asFloat(), b.get(i).array().data().asFloat(), a.get(i).path());
    }
    List<Variable> oa = straight.optimizer().variables();
    List<Variable> ob = resumed.optimizer().variables();
    assertEquals(oa.size(), ob.size());
    for (int i = 0; i < oa.size(); i++) {
      assertArrayEquals(oa.get(i).array().data().asDouble(), ob.get(i).array().data().asDouble(), oa.get(i).path());
    }
    assertEquals(EPOCHS * 4, resumed.optimizer().iterations());
    return history;
  }

  private static JsonObject metadata(Path dir) {
    try {
      return JsonParser.parseString(Files.readString(dir.resolve("training_metadata.json"))).getAsJsonObject();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
