package org.jeras.saving;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.jeras.core.config.ConfigException;
import org.jeras.conformance.Fixtures;
import org.jeras.saving.archive.ArchiveLimits;
import org.jeras.saving.archive.KerasArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Safety checked against files written by real Keras (the fixtures). */
class SafetyFixtureTest {
  @TempDir
  Path tmp;

  @Test
  void safeModeRefusesPythonLambdas() {
    UnsafeFileException e = assertThrows(UnsafeFileException.class, () -> Models.load(Fixtures.file("lambda_unsafe.keras")));
    assertTrue(e.getMessage().contains("Requested the deserialization of a Python lambda"), e.getMessage());
    assertTrue(e.getMessage().contains("/config/layers/2/config/function"), e.getMessage());
    ConfigException unsafeAllowed = assertThrows(ConfigException.class,
        () -> Models.load(Fixtures.file("lambda_unsafe.keras"), LoadOptions.DEFAULT.withSafeMode(false)));
    assertFalse(unsafeAllowed instanceof UnsafeFileException);
    assertTrue(unsafeAllowed.getMessage().contains("Python bytecode cannot run"), unsafeAllowed.getMessage());
  }

  @Test
  void decompressionBombsAndOversizedMembersAreRefused() throws IOException {
    Path bomb = SafetyTest.zip(tmp, "model.weights.h5", new byte[20 << 20], true);
    UnsafeFileException e = assertThrows(UnsafeFileException.class, () -> KerasArchive.open(bomb));
    assertTrue(e.getMessage().contains("'model.weights.h5'") && e.getMessage().contains("decompression bomb"), e.getMessage());

    ArchiveLimits tiny = new ArchiveLimits(1000, 1 << 20, 100);
    UnsafeFileException big = assertThrows(UnsafeFileException.class,
        () -> KerasArchive.open(Fixtures.file("seq_mlp.keras"), tiny));
    assertTrue(big.getMessage().contains("'config.json'") || big.getMessage().contains("'model.weights.h5'"), big.getMessage());
  }
}
