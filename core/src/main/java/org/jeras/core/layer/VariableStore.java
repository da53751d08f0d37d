package org.jeras.core.layer;

import java.util.Arrays;
import java.util.List;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.Untrusted;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Variable;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The store handed to {@code saveOwnVariables}/{@code loadOwnVariables}: one layer's {@code vars}
 * group, keyed by arbitrary strings (Keras uses {@code "0"}, {@code "1"}, ...).
 */
public interface VariableStore {
  /**
   * Stores {@code value} under {@code key}.
   *
   * @param key the key
   * @param value the value
   */
  void put(String key, INDArray value);

  /**
   * {@return the value under {@code key}; throws a typed error naming the path when missing}
   *
   * @param key the key
   */
  INDArray get(String key);

  /**
   * {@return whether a value is stored under {@code key}}
   *
   * @param key the key
   */
  boolean contains(String key);

  /**
   * {@return the shape stored under {@code key}; stores backed by files read it without reading the data}
   *
   * @param key the key
   */
  default long[] shape(String key) {
    return get(key).shape();
  }

  /**
   * The value under {@code key} for {@code target}, after checking that the stored shape is the
   * variable's: a file cannot make Jeras read more than the variable holds. {@code role} names the
   * variable's kind in the error ("variable", "optimizer variable").
   *
   * @param key the key
   * @param target the variable to fill
   * @param role what the value is, for the error
   * @return the checked value
   */
  default INDArray getChecked(String key, Variable target, String role) {
    checkShape(key, target, role);
    INDArray value = get(key);
    target.keepStoredDtype(DType.of(value.dataType()));
    return value;
  }

  /**
   * Loads the value under {@code key} into {@code target} after the check of {@link #getChecked};
   * stores backed by files copy the data straight into the variable's buffer.
   *
   * @param key the key
   * @param target the variable to fill
   * @param role what the value is, for the error
   */
  default void readInto(String key, Variable target, String role) {
    target.assign(getChecked(key, target, role));
  }

  /**
   * Fails with a typed error naming the path unless the shape stored under {@code key} is {@code target}'s.
   *
   * @param key the key
   * @param target the variable to fill
   * @param role what the value is, for the error
   */
  default void checkShape(String key, Variable target, String role) {
    long[] stored = shape(key);
    if (!Arrays.equals(stored, target.array().shape())) {
      throw new ConfigException("Shape mismatch at " + Untrusted.escape(path() + "/" + key, Untrusted.MAX_CHARS)
          + " for " + role + " " + Untrusted.quote(target.path()) + ": expected " + target.shape() + ", found "
          + Shape.of(stored));
    }
  }

  /**
   * Stores variable {@code v} under {@code key}, in the integer dtype a loaded file stored it with
   * (see {@link Variable#keepStoredDtype}), so that a re-saved file keeps the file's dtypes.
   *
   * @param key the key
   * @param v the variable
   */
  default void put(String key, Variable v) {
    put(key, v.savedValue());
  }

  /** {@return the keys present, in Keras's order} */
  List<String> keys();

  /**
   * Where this store lives (e.g. {@code layers/dense/vars}), for error messages.
   *
   * @return the store's path
   */
  String path();
}
