package org.jeras.core.layer;

/**
 * Per-call settings passed down the layer tree: whether the call is a training step (dropout and
 * batch statistics depend on it).
 */
public record CallContext(boolean training) {
  /** The context of a call in inference mode. */
  public static final CallContext INFERENCE = new CallContext(false);
  /** The context of a call in training mode. */
  public static final CallContext TRAINING = new CallContext(true);

  /**
   * {@return the shared context of the given mode}
   *
   * @param training whether the call is in training mode
   */
  public static CallContext of(boolean training) {
    return training ? TRAINING : INFERENCE;
  }
}
