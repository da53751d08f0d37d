package org.jeras.core.plan;

/**
 * Thrown while compiling a plan when an op has no plan kernel, or none for its attributes, shapes
 * or dtypes; the model then runs eagerly.
 */
public final class Unplannable extends RuntimeException {
  /** The op that cannot be planned. */
  private final String op;

  /**
   * An op that cannot be planned.
   *
   * @param op the op's name
   * @param layerPath the layer being called, or null
   * @param reason why
   */
  public Unplannable(String op, String layerPath, String reason) {
    super("op '" + op + "'" + (layerPath == null || layerPath.isEmpty() ? "" : " of layer '" + layerPath + "'")
        + ": " + reason);
    this.op = op;
  }

  /** {@return the op that cannot be planned} */
  public String op() {
    return op;
  }
}
