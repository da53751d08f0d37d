package org.jeras.saving.h5;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jeras.core.tensor.DType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Everything a reader sees in an HDF5 file: groups with attributes, datasets with values, in h5py's visit order. */
final class H5Structure {
  final List<String> lines = new ArrayList<>();
  final Map<String, INDArray> datasets = new LinkedHashMap<>();
  final Map<String, Map<String, String>> attributes = new LinkedHashMap<>();

  static H5Structure of(H5Reader r) {
    H5Structure s = new H5Structure();
    s.visit(r, "");
    return s;
  }

  private void visit(H5Reader r, String path) {
    Map<String, String> attrs = new LinkedHashMap<>();
    for (String a : r.attributeNames(path)) {
      attrs.put(a, r.attribute(path, a).orElseThrow());
    }
    attributes.put(path, attrs);
    lines.add("G /" + path + " " + attrs);
    for (String k : r.keys(path)) {
      String child = path.isEmpty() ? k : path + "/" + k;
      if (r.isGroup(child)) {
        visit(r, child);
      } else {
        INDArray v = r.dataset(child);
        datasets.put(child, v);
        lines.add("D /" + child + " " + Arrays.toString(v.shape()) + " " + DType.of(v.dataType()).kerasName());
      }
    }
  }

  /** Datasets as manifest.json's {@code weights_h5_layout} writes them: {@code path [d0, d1] dtype}. */
  List<String> layout() {
    List<String> out = new ArrayList<>();
    datasets.forEach((p, v) -> out.add(p + " " + Arrays.toString(v.shape()) + " " + DType.of(v.dataType()).kerasName()));
    return out;
  }
}
