package org.jeras.saving.hostile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.jeras.core.config.ConfigException;
import org.jeras.saving.UnsafeFileException;
import org.jeras.saving.h5.H5Reader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile HDF5 weights refused with typed errors (in this JVM; the large ones again under -Xmx1g in H5BombTest). */
class H5HostileTest {
  @TempDir
  Path tmp;

  /** A small file written by h5py (superblock 0, symbol-table groups, version-1 B-trees). */
  private static Path h5py() throws Exception {
    return Path.of(H5HostileTest.class.getResource("/org/jeras/saving/unsafe/shape_bomb.weights.h5").toURI());
  }

  @Test
  void gzipChunksAreReadAsStored() {
    Path p = CraftedH5.denseWithPad(tmp.resolve("ok.weights.h5"), 0);
    try (H5Reader r = H5Reader.open(p)) {
      float[][] expected = CraftedH5.random(8, 16, 1);
      float[] flat = r.dataset("layers/dense/vars/0").data().asFloat();
      for (int i = 0; i < 8; i++) {
        assertArrayEquals(expected[i], java.util.Arrays.copyOfRange(flat, i * 16, i * 16 + 16));
      }
    }
    HostileLoads.denseWeights(p);
  }

  @Test
  void aGzipChunkInflatingBeyondItsDeclaredSizeIsRefused() throws Exception {
    Path p = CraftedH5.gzipBomb(tmp.resolve("bomb.weights.h5"), 64);
    ConfigException e = assertThrows(ConfigException.class, () -> HostileLoads.denseWeights(p));
    assertTrue(e.getCause() instanceof UnsafeFileException, String.valueOf(e.getCause()));
    assertTrue(e.getMessage().contains("gzip chunk of H5 dataset 'layers/dense/vars/0' inflates beyond the 512 bytes"),
        e.getMessage());
  }

  @Test
  void aSelfPointingGroupIndexIsRefused() throws Exception {
    Path p = CraftedH5.selfPointingGroupIndex(h5py(), tmp.resolve("loop.weights.h5"));
    try (H5Reader r = H5Reader.open(p)) {
      UnsafeFileException e = assertThrows(UnsafeFileException.class, () -> r.keys(""));
      assertTrue(e.getMessage().contains("cyclic group index under ''"), e.getMessage());
    }
    ConfigException e = assertThrows(ConfigException.class, () -> HostileLoads.denseWeights(p));
    assertTrue(e.getMessage().contains("cyclic group index"), e.getMessage());
  }

  @Test
  void cyclicHardLinksAreRefusedWhenWalking() throws Exception {
    Path p = CraftedH5.cyclicHardLinks(h5py(), tmp.resolve("cycle.weights.h5"));
    try (H5Reader r = H5Reader.open(p)) {
      UnsafeFileException e = assertThrows(UnsafeFileException.class, r::datasetPaths);
      assertTrue(e.getMessage().contains("cyclic link at '"), e.getMessage());
    }
    assertThrows(ConfigException.class, () -> HostileLoads.denseWeights(p));
  }

  @Test
  void shapesAreComparedBeforeDataIsRead() throws Exception {
    Path p = CraftedH5.hugeKernel(tmp.resolve("huge.weights.h5"));
    try (H5Reader r = H5Reader.open(p)) {
      assertArrayEquals(new long[] {16384, 16384}, r.shape("layers/dense/vars/0"));
    }
    ConfigException e = assertThrows(ConfigException.class, () -> HostileLoads.denseWeights(p));
    assertTrue(e.getMessage().contains("expected (8, 16), found (16384, 16384)"), e.getMessage());
  }

  @Test
  void partialEdgeChunksWithShuffleAndGzipReadAsWritten() {
    Path p = tmp.resolve("chunks.h5");
    float[][] data = CraftedH5.random(10, 7, 5);
    try (io.jhdf.WritableHdfFile f = io.jhdf.HdfFile.write(p)) {
      f.putDataset("x", data, io.jhdf.api.DatasetCreationOptions.builder().chunkDimensions(4, 3).shuffle().deflate().build());
    }
    try (H5Reader r = H5Reader.open(p)) {
      float[] flat = r.dataset("x").data().asFloat();
      for (int i = 0; i < 10; i++) {
        assertArrayEquals(data[i], java.util.Arrays.copyOfRange(flat, i * 7, i * 7 + 7), "row " + i);
      }
    }
  }
}
