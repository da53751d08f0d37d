package org.jeras.saving;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
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

  private Path zip(String member, byte[] data, boolean deflate) throws IOException {
    Path p = tmp.resolve("hostile.keras");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(p))) {
      z.setMethod(deflate ? ZipOutputStream.DEFLATED : ZipOutputStream.STORED);
      for (String m : new String[] {"config.json", member}) {
        byte[] d = m.equals(member) ? data : "{}".getBytes();
        ZipEntry e = new ZipEntry(m);
        if (!deflate) {
          CRC32 crc = new CRC32();
          crc.update(d);
          e.setSize(d.length);
          e.setCompressedSize(d.length);
          e.setCrc(crc.getValue());
        }
        z.putNextEntry(e);
        z.write(d);
        z.closeEntry();
      }
    }
    return p;
  }

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
    Path bomb = zip("model.weights.h5", new byte[20 << 20], true);
    UnsafeFileException e = assertThrows(UnsafeFileException.class, () -> KerasArchive.open(bomb));
    assertTrue(e.getMessage().contains("'model.weights.h5'") && e.getMessage().contains("decompression bomb"), e.getMessage());

    ArchiveLimits tiny = new ArchiveLimits(1000, 1 << 20, 100);
    UnsafeFileException big = assertThrows(UnsafeFileException.class,
        () -> KerasArchive.open(Fixtures.file("seq_mlp.keras"), tiny));
    assertTrue(big.getMessage().contains("'config.json'") || big.getMessage().contains("'model.weights.h5'"), big.getMessage());
  }
}
