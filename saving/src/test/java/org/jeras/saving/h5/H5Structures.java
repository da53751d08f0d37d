package org.jeras.saving.h5;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Public access to {@link H5Structure} for tests outside this package. */
public final class H5Structures {
  private final H5Structure s;

  private H5Structures(H5Structure s) {
    this.s = s;
  }

  public static H5Structures of(byte[] h5, String source) {
    try (H5Reader r = H5Reader.fromBytes(h5, source)) {
      return new H5Structures(H5Structure.of(r));
    }
  }

  public static H5Structures of(H5Reader r) {
    return new H5Structures(H5Structure.of(r));
  }

  /** Every group (with attributes) and dataset (with shape and dtype), in h5py's visit order. */
  public List<String> lines() {
    return s.lines;
  }

  /** The value of the dataset at {@code path} (no leading slash), or null. */
  public INDArray dataset(String path) {
    return s.datasets.get(path);
  }

  /** Datasets present in both have identical dtype, shape and values. */
  public void assertSameValues(H5Structures other, String what) {
    s.datasets.forEach((p, v) -> {
      INDArray o = other.s.datasets.get(p);
      if (o != null) {
        assertEquals(v, o, what + ": " + p);
      }
    });
  }
}
