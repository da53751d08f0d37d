package org.jeras.core.layer;

import org.jeras.core.constraints.Constraint;
import org.jeras.core.initializers.Initializer;
import org.jeras.core.regularizers.Regularizer;

/**
 * A layer whose weights are set by Keras's config prefix, fluently:
 * {@code new Dense(8).initializer("kernel", new HeNormal()).regularizer("bias", new L2(1e-4))}.
 *
 * @param <L> the layer's own type, returned by the setters
 */
public interface HasWeightSpecs<L extends HasWeightSpecs<L>> {
  /** {@return this layer's settings, by prefix} */
  WeightSpecs weightSpecs();

  /**
   * Sets the initializer of weight {@code prefix} (before the layer is built).
   *
   * @param prefix the weight's config prefix, e.g. {@code "kernel"}
   * @param i the initializer
   * @return this layer
   */
  default L initializer(String prefix, Initializer i) {
    weightSpecs().setInitializer(prefix, i);
    return self();
  }

  /**
   * Sets the regularizer of weight {@code prefix} (before the layer is built).
   *
   * @param prefix the weight's config prefix, e.g. {@code "kernel"}
   * @param r the regularizer
   * @return this layer
   */
  default L regularizer(String prefix, Regularizer r) {
    weightSpecs().setRegularizer(prefix, r);
    return self();
  }

  /**
   * Sets the constraint of weight {@code prefix} (before the layer is built).
   *
   * @param prefix the weight's config prefix, e.g. {@code "kernel"}
   * @param c the constraint
   * @return this layer
   */
  default L constraint(String prefix, Constraint c) {
    weightSpecs().setConstraint(prefix, c);
    return self();
  }

  @SuppressWarnings("unchecked")
  private L self() {
    return (L) this;
  }
}
