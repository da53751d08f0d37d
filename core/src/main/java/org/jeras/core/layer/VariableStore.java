package org.jeras.core.layer;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The store handed to {@code saveOwnVariables}/{@code loadOwnVariables}: one layer's {@code vars}
 * group, keyed by arbitrary strings (Keras uses {@code "0"}, {@code "1"}, ...).
 */
public interface VariableStore {
  void put(String key, INDArray value);

  /** The value under {@code key}; throws a typed error naming the path when missing. */
  INDArray get(String key);

  boolean contains(String key);

  /** The keys present, in Keras's order. */
  List<String> keys();

  /** Where this store lives (e.g. {@code layers/dense/vars}), for error messages. */
  String path();
}
