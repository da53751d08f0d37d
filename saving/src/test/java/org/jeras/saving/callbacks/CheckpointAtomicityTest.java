package org.jeras.saving.callbacks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.jeras.core.callbacks.ModelCheckpoint;
import org.jeras.core.layer.VariableStore;
import org.jeras.core.model.Input;
import org.jeras.core.model.Sequential;
import org.jeras.core.optimizers.Adam;
import org.jeras.core.training.FitOptions;
import org.jeras.layers.core.Dense;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A checkpoint save that fails half-way leaves the previous checkpoint as it was, and no temporary file. */
class CheckpointAtomicityTest {
  @TempDir
  Path tmp;

  /** A Dense whose saving fails half-way once {@code fail} is set. */
  static final class FlakyDense extends Dense {
    boolean fail;

    FlakyDense() {
      super(2);
    }

    @Override
    public void saveOwnVariables(VariableStore store) {
      super.saveOwnVariables(store);
      if (fail) {
        throw new IllegalStateException("disk full");
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"ckpt.keras", "ckpt.weights.h5"})
  void aFailedSaveKeepsThePreviousCheckpoint(String name) throws IOException {
    FlakyDense flaky = new FlakyDense();
    Sequential model = new Sequential("atomic");
    model.add(Input.of(6));
    model.add(flaky);
    model.compile(new Adam(0.01), "mse");
    Path file = tmp.resolve(name);
    ModelCheckpoint cp = ModelCheckpoint.builder(file.toString()).saveWeightsOnly(name.endsWith(".weights.h5"))
        .build();
    FitOptions options = FitOptions.defaults().epochs(1).batchSize(6).verbose(0).callbacks(cp);
    model.fit(CallbackModels.x(12), CallbackModels.y(12), options);
    byte[] saved = Files.readAllBytes(file);

    flaky.fail = true;
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> model.fit(CallbackModels.x(12), CallbackModels.y(12), options));
    assertEquals("disk full", e.getMessage());
    assertArrayEquals(saved, Files.readAllBytes(file));
    try (Stream<Path> files = Files.list(tmp)) {
      assertEquals(1, files.count(), "a temporary file was left behind");
    }
  }
}
