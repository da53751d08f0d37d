package org.jeras.saving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jeras.core.config.ConfigException;
import org.jeras.core.layer.VariableStore;
import org.jeras.core.model.Input;
import org.jeras.core.model.Sequential;
import org.jeras.core.tensor.Tensor;
import org.jeras.layers.core.Dense;
import org.jeras.saving.archive.KerasArchive;
import org.jeras.saving.h5.H5Reader;
import org.jeras.saving.h5.H5Writer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

/** Hostile archives and HDF5 files are refused with typed errors naming the member or path at fault. */
class SafetyTest {
  @TempDir
  Path tmp;

  private Path unsafe(String name) throws Exception {
    return Path.of(SafetyTest.class.getResource("unsafe/" + name).toURI());
  }

  private Path zip(String member, byte[] data, boolean deflate) throws IOException {
    return zip(tmp, member, data, deflate);
  }

  /** A {@code .keras} zip in {@code dir} holding an empty config.json and {@code member}. */
  static Path zip(Path dir, String member, byte[] data, boolean deflate) throws IOException {
    Path p = dir.resolve("hostile.keras");
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
  void memberNamesMustStayInsideTheArchive() throws IOException {
    for (String bad : new String[] {"../evil.txt", "assets/../../evil.txt", "/etc/passwd", "assets\\x.txt", "C:/x"}) {
      Path p = zip(bad, new byte[] {1}, false);
      UnsafeFileException e = assertThrows(UnsafeFileException.class, () -> KerasArchive.open(p), bad);
      assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
    }
  }

  @Test
  void declaredSizeMustMatchTheBytesFound() throws IOException {
    byte[] data = new byte[5000];
    Arrays.fill(data, (byte) 7);
    Path p = zip("model.weights.h5", data, true);
    // Lower the uncompressed size recorded in the central directory: the member then holds more than declared.
    byte[] b = Files.readAllBytes(p);
    ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = b.length - 22; i >= 0; i--) {
      if (bb.getInt(i) == 0x02014b50 && new String(b, i + 46, bb.getShort(i + 28)).equals("model.weights.h5")) {
        bb.putInt(i + 24, 100);
      }
    }
    Files.write(p, b);
    try (KerasArchive a = KerasArchive.open(p)) {
      UnsafeFileException e = assertThrows(UnsafeFileException.class, () -> a.read("model.weights.h5"));
      assertTrue(e.getMessage().contains("more than its declared 100 bytes"), e.getMessage());
    }
  }

  @Test
  void hdf5LinksExternalStorageAndShapeBombsAreRefused() throws Exception {
    try (H5Reader r = H5Reader.open(unsafe("soft_link.weights.h5"))) {
      UnsafeFileException e = assertThrows(UnsafeFileException.class, () -> r.group("layers/dense_1/vars"));
      assertTrue(e.getMessage().contains("SoftLink at 'layers/dense_1'"), e.getMessage());
    }
    try (H5Reader r = H5Reader.open(unsafe("external_link.weights.h5"))) {
      UnsafeFileException e = assertThrows(UnsafeFileException.class, () -> r.dataset("layers/dense/vars/0"));
      assertTrue(e.getMessage().contains("ExternalLink at 'layers/dense/vars/0'"), e.getMessage());
    }
    try (H5Reader r = H5Reader.open(unsafe("external_storage.weights.h5"))) {
      UnsafeFileException e = assertThrows(UnsafeFileException.class, () -> r.dataset("layers/dense/vars/0"));
      assertTrue(e.getMessage().contains("external dataset storage under 'layers/dense/vars/0'"), e.getMessage());
    }
    try (H5Reader r = H5Reader.open(unsafe("shape_bomb.weights.h5"))) {
      UnsafeFileException e = assertThrows(UnsafeFileException.class, () -> r.dataset("layers/dense/vars/0"));
      assertTrue(e.getMessage().contains("'layers/dense/vars/0'") && e.getMessage().contains("shape bomb"), e.getMessage());
    }
  }

  @Test
  void contiguousDataBeyondTheFileIsRefused() throws IOException {
    H5Writer w = new H5Writer();
    w.root().createGroup("vars");
    w.root().requireGroup("layers/dense/vars").putDataset("0", Nd4j.ones(64, 64));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    w.writeTo(out);
    byte[] full = out.toByteArray();
    byte[] cut = Arrays.copyOf(full, full.length - 4096);
    // Keep the superblock consistent with the shorter file so that only the dataset is at fault.
    ByteBuffer sb = ByteBuffer.wrap(cut).order(ByteOrder.LITTLE_ENDIAN);
    sb.putLong(28, cut.length);
    sb.putInt(44, io.jhdf.checksum.ChecksumUtils.checksum(Arrays.copyOf(cut, 44)));
    try (H5Reader r = H5Reader.fromBytes(cut, "truncated.h5")) {
      UnsafeFileException e = assertThrows(UnsafeFileException.class, () -> r.dataset("layers/dense/vars/0"));
      assertTrue(e.getMessage().contains("truncated.h5") && e.getMessage().contains("beyond the end"), e.getMessage());
    }
    try (H5Reader r = H5Reader.fromBytes(full, "full.h5")) {
      assertArrayEquals(new long[] {64, 64}, r.dataset("layers/dense/vars/0").shape());
    }
  }

  /** A Dense whose saving fails half-way, to check that the previous file survives. */
  static final class FailingDense extends Dense {
    FailingDense() {
      super(2);
    }

    @Override
    public void saveOwnVariables(VariableStore store) {
      super.saveOwnVariables(store);
      throw new IllegalStateException("disk full");
    }
  }

  @Test
  void failedSavesKeepThePreviousFile() throws IOException {
    Path target = tmp.resolve("model.keras");
    Files.write(target, new byte[] {42});
    Tensor in = Input.of(3);
    Sequential m = new Sequential(new Dense(2));
    m.add(new FailingDense());
    m.apply(in);
    assertThrows(IllegalStateException.class, () -> KerasFile.save(m, target));
    assertArrayEquals(new byte[] {42}, Files.readAllBytes(target));
    try (var s = Files.list(tmp)) {
      assertEquals(1, s.count(), "temporary files left behind");
    }
    Path weights = tmp.resolve("model.weights.h5");
    Files.write(weights, new byte[] {7});
    assertThrows(IllegalStateException.class, () -> WeightsFile.save(m, weights));
    assertArrayEquals(new byte[] {7}, Files.readAllBytes(weights));
  }

  @Test
  void wrongExtensionsAreErrors() {
    Sequential m = new Sequential(new Dense(2));
    assertThrows(ConfigException.class, () -> KerasFile.save(m, tmp.resolve("model.zip")));
    ConfigException e = assertThrows(ConfigException.class, () -> Models.load(tmp.resolve("model.h5")));
    assertTrue(e.getMessage().contains("expected a `.keras` extension"), e.getMessage());
  }
}
