package org.jeras.core.schedules;

import org.jeras.core.config.KerasObject;

/**
 * A learning rate that depends on the optimizer's iteration count (Keras's
 * {@code keras.optimizers.schedules.LearningRateSchedule}). Keras evaluates schedules in float32,
 * so built-in schedules round to float32 before widening the result.
 */
public interface LearningRateSchedule extends KerasObject {
  /** The Keras module schedules are registered under. */
  String MODULE = "keras.optimizers.schedules";

  /**
   * {@return the learning rate at optimizer iteration {@code step} (0 for the first update)}
   *
   * @param step the optimizer iteration
   */
  double at(long step);

  @Override
  default String module() {
    return MODULE;
  }
}
