package org.jeras.core.schedules;

/** Argument checks shared by the built-in schedules, with Keras's messages. */
final class ScheduleArgs {
  private ScheduleArgs() {}

  static long positiveSteps(String key, long steps) {
    if (steps <= 0) {
      throw new IllegalArgumentException("Argument `" + key + "` must be > 0. Received: " + key + "=" + steps);
    }
    return steps;
  }
}
