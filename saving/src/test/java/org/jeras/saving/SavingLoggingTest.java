package org.jeras.saving;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jeras.core.model.Sequential;
import org.jeras.core.testing.LogCapture;
import org.jeras.layers.core.Dense;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The saving walk's Keras warnings reach SLF4J under the saving classes' logger names. */
class SavingLoggingTest {

  @Test
  void savingAnUnbuiltModelWarnsOnTheKerasFileLogger(@TempDir Path tmp) {
    Sequential model = new Sequential("unbuilt", new Dense(2));
    Path file = tmp.resolve("unbuilt.keras");

    String log = LogCapture.during(() -> KerasFile.save(model, file));

    assertTrue(Files.isRegularFile(file));
    assertTrue(log.contains("WARN org.jeras.saving.KerasFile - You are saving a model that has not yet been built."),
        log);
  }
}
