package org.jeras.conformance;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reads the datasets of a Keras {@code .weights.h5} fixture by path (e.g. {@code layers/dense/vars/0})
 * so layer tests can load real Keras weights before the saving module is involved.
 */
public final class H5Weights {
  private H5Weights() {}

  /** Every dataset in the file, keyed by its path without a leading slash. */
  public static Map<String, INDArray> read(Path file) {
    Map<String, INDArray> out = new TreeMap<>();
    try (HdfFile f = new HdfFile(file)) {
      collect(f, out);
    }
    return out;
  }

  /** The {@code vars} datasets {@code 0..n-1} under {@code group} (e.g. {@code layers/conv2d}). */
  public static List<INDArray> vars(Map<String, INDArray> all, String group) {
    List<INDArray> out = new ArrayList<>();
    for (int i = 0; all.containsKey(group + "/vars/" + i); i++) {
      out.add(all.get(group + "/vars/" + i));
    }
    return out;
  }

  private static void collect(Group g, Map<String, INDArray> out) {
    for (Node n : g.getChildren().values()) {
      if (n instanceof Group child) {
        collect(child, out);
      } else if (n instanceof Dataset d) {
        out.put(d.getPath().replaceFirst("^/", ""), toArray(d));
      }
    }
  }

  private static INDArray toArray(Dataset d) {
    int[] dims = d.getDimensions();
    long[] shape = new long[dims.length];
    for (int i = 0; i < dims.length; i++) {
      shape[i] = dims[i];
    }
    Object flat = d.getDataFlat();
    INDArray a;
    if (flat instanceof float[] f) {
      a = Nd4j.create(f, shape, 'c');
    } else if (flat instanceof double[] x) {
      a = Nd4j.create(x, shape, 'c');
    } else if (flat instanceof int[] x) {
      a = Nd4j.createFromArray(x).reshape(shape);
    } else if (flat instanceof long[] x) {
      a = Nd4j.createFromArray(x).reshape(shape);
    } else {
      Object data = d.getData();
      if (data instanceof Float v) {
        return Nd4j.scalar(v);
      } else if (data instanceof Integer v) {
        return Nd4j.scalar(v);
      } else if (data instanceof Double v) {
        return Nd4j.scalar(v);
      }
      throw new IllegalArgumentException("Unsupported dataset type at " + d.getPath() + ": " + flat.getClass());
    }
    return a;
  }
}
