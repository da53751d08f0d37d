package org.jeras.core.layer;

/**
 * Per-call settings passed down the layer tree: whether the call is a training step (dropout and
 * batch statistics depend on it).
 */
public record CallContext(boolean training) {
  public static final CallContext INFERENCE = new CallContext(false);
  public static final CallContext TRAINING = new CallContext(true);

  public static CallContext of(boolean training) {
    return training ? TRAINING : INFERENCE;
  }
}
