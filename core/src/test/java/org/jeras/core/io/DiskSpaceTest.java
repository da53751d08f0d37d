package org.jeras.core.io;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jeras.core.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Extraction is refused, typed, when it would fill the disk. */
class DiskSpaceTest {
  @TempDir
  Path dir;

  @Test
  void moreThanTheFreeSpaceIsRefused() throws Exception {
    long usable = Files.getFileStore(dir).getUsableSpace();
    ConfigException e = assertThrows(ConfigException.class,
        () -> LoadLimits.checkDiskSpace(dir, usable, "Extracting the assets of 'm.keras'"));
    assertTrue(e.getMessage().startsWith("Extracting the assets of 'm.keras' needs " + usable + " bytes on disk"),
        e.getMessage());
    assertDoesNotThrow(() -> LoadLimits.checkDiskSpace(dir, 1024, "Extracting"));
  }
}
