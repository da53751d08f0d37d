package org.jeras.saving.hostile;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.DatasetCreationOptions;
import io.jhdf.api.WritableGroup;
import io.jhdf.api.dataset.ChunkedDataset;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.jeras.core.testing.CraftedZip;

/**
 * Hostile {@code .weights.h5} files built from small valid ones written by jHDF, then patched: a
 * Dense kernel at {@code layers/dense/vars/0} whose gzip chunk or shape lies.
 */
final class CraftedH5 {
  private CraftedH5() {}

  static float[][] random(int rows, int cols, long seed) {
    Random r = new Random(seed);
    float[][] a = new float[rows][cols];
    for (float[] row : a) {
      for (int j = 0; j < cols; j++) {
        row[j] = r.nextFloat();
      }
    }
    return a;
  }

  /** A weights file for a Dense(16) on 8 inputs with a gzip-chunked kernel and a large incompressible "pad". */
  static Path denseWithPad(Path path, int padRows) {
    try (WritableHdfFile f = HdfFile.write(path)) {
      WritableGroup vars = f.putGroup("layers").putGroup("dense").putGroup("vars");
      DatasetCreationOptions gzip = DatasetCreationOptions.builder().chunkDimensions(8, 16).deflate().build();
      vars.putDataset("0", random(8, 16, 1), gzip);
      vars.putDataset("1", new float[16]);
      if (padRows > 0) {
        f.putGroup("pad").putDataset("0", random(padRows, 1024, 2),
            DatasetCreationOptions.builder().chunkDimensions(padRows, 1024).deflate().build());
      }
    }
    return path;
  }

  static int indexOf(byte[] hay, byte[] needle, int from) {
    outer:
    for (int i = from; i <= hay.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  static byte[] le64(long v) {
    return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array();
  }

  static byte[] rawChunk(Path file, String dataset, int rank) {
    try (HdfFile f = new HdfFile(file)) {
      ByteBuffer b = ((ChunkedDataset) f.getDatasetByPath(dataset)).getRawChunkBuffer(new int[rank]);
      byte[] out = new byte[b.remaining()];
      b.get(out);
      return out;
    }
  }

  /**
   * Points the kernel's one chunk (8x16 float32: 512 bytes declared) at zlib data inflating to
   * {@code inflatedMiB} MiB, written over the pad's chunk so that the file keeps its size.
   */
  static Path gzipBomb(Path path, int inflatedMiB) throws Exception {
    denseWithPad(path, 600);
    byte[] kernel = rawChunk(path, "layers/dense/vars/0", 2);
    byte[] pad = rawChunk(path, "pad/0", 2);
    byte[] file = Files.readAllBytes(path);
    int kernelAt = indexOf(file, kernel, 0);
    int padAt = indexOf(file, pad, 0);
    byte[] raw = CraftedZip.repeatedDeflate(new byte[1 << 20], inflatedMiB);
    byte[] bomb = new byte[raw.length + 2];
    bomb[0] = 0x78;
    bomb[1] = (byte) 0x9c;
    System.arraycopy(raw, 0, bomb, 2, raw.length);
    if (bomb.length > pad.length) {
      throw new IllegalStateException("pad too small for the bomb: " + pad.length + " < " + bomb.length);
    }
    System.arraycopy(bomb, 0, file, padAt, bomb.length);
    // The chunk record: the stored size (4 bytes) before the chunk's address (8 bytes).
    int rec = indexOf(file, le64(kernelAt), 0);
    while (rec >= 0 && rec == kernelAt) {
      rec = indexOf(file, le64(kernelAt), rec + 1);
    }
    ByteBuffer bb = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    boolean sized = false;
    for (int i = rec - 4; i >= Math.max(0, rec - 64); i--) {
      if (bb.getInt(i) == kernel.length) {
        bb.putInt(i, bomb.length);
        sized = true;
        break;
      }
    }
    if (rec < 0 || !sized) {
      throw new IllegalStateException("chunk record not found");
    }
    bb.putLong(rec, padAt);
    fixObjectHeaderChecksum(file, rec);
    Files.write(path, file);
    return path;
  }

  /** Recomputes the checksum of the version-2 object header that holds byte {@code at}. */
  static void fixObjectHeaderChecksum(byte[] file, int at) {
    byte[] sig = "OHDR".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    int start = -1;
    for (int i = indexOf(file, sig, 0); i >= 0 && i < at; i = indexOf(file, sig, i + 1)) {
      start = i;
    }
    ByteBuffer bb = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    int flags = file[start + 5] & 0xff;
    int pos = start + 6 + ((flags & 0x20) != 0 ? 16 : 0) + ((flags & 0x10) != 0 ? 4 : 0);
    int sizeBytes = 1 << (flags & 3);
    long size = switch (sizeBytes) {
      case 1 -> file[pos] & 0xff;
      case 2 -> bb.getShort(pos) & 0xffff;
      case 4 -> bb.getInt(pos) & 0xffffffffL;
      default -> bb.getLong(pos);
    };
    int checksumAt = (int) (pos + sizeBytes + size);
    bb.putInt(checksumAt, io.jhdf.checksum.ChecksumUtils.checksum(
        java.util.Arrays.copyOfRange(file, start, checksumAt)));
  }

  /**
   * A weights file whose kernel declares 16384x16384 float32 (1 GiB) over one stored gzip chunk
   * of 1024x1024 random floats (4 MiB, so within the expansion bound): loading it into an 8x16
   * kernel must fail on the shape before any data is read.
   */
  static Path hugeKernel(Path path) throws Exception {
    try (WritableHdfFile f = HdfFile.write(path)) {
      WritableGroup vars = f.putGroup("layers").putGroup("dense").putGroup("vars");
      vars.putDataset("0", random(1024, 1024, 1),
          DatasetCreationOptions.builder().chunkDimensions(1024, 1024).deflate().build());
      vars.putDataset("1", new float[16]);
    }
    byte[] file = Files.readAllBytes(path);
    byte[] dims = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(1024).putLong(1024).array();
    byte[] huge = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(16384).putLong(16384).array();
    int patched = 0;
    for (int i = indexOf(file, dims, 0); i >= 0; i = indexOf(file, dims, i + 16)) {
      System.arraycopy(huge, 0, file, i, 16);
      fixObjectHeaderChecksum(file, i);
      patched++;
    }
    if (patched == 0) {
      throw new IllegalStateException("dataspace not found");
    }
    Files.write(path, file);
    return path;
  }

  /**
   * A copy of an h5py-written (superblock 0) weights file whose root group B-tree node is made an
   * internal node whose only child is itself: a group index with no end.
   */
  static Path selfPointingGroupIndex(Path keras, Path path) throws Exception {
    byte[] file = Files.readAllBytes(keras);
    int tree = indexOf(file, "TREE".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0);
    file[tree + 5] = 1; // level 1: children are B-tree nodes
    ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).putLong(tree + 32, tree);
    Files.write(path, file);
    return path;
  }

  /** A copy of an h5py-written (superblock 0) weights file whose root's children are hard links to the root. */
  static Path cyclicHardLinks(Path keras, Path path) throws Exception {
    byte[] file = Files.readAllBytes(keras);
    ByteBuffer bb = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    long root = bb.getLong(64);
    int tree = indexOf(file, "TREE".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0);
    int snod = (int) bb.getLong(tree + 32);
    int symbols = bb.getShort(snod + 6);
    for (int i = 0; i < symbols; i++) {
      int entry = snod + 8 + 40 * i;
      bb.putLong(entry + 8, root);
      bb.putInt(entry + 16, 0); // no cached group addresses: the object header is read
    }
    Files.write(path, file);
    return path;
  }
}
