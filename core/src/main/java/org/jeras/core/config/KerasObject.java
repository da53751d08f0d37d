package org.jeras.core.config;

/**
 * An object Keras serializes as {@code {module, class_name, config, registered_name}}: layers,
 * initializers, regularizers, constraints, optimizers, schedules, losses and metrics.
 */
public interface KerasObject {
  /** Keras's class name, e.g. {@code "Dense"}; the Java simple name by default. */
  default String className() {
    return getClass().getSimpleName();
  }

  /** Keras's public module of the class, e.g. {@code "keras.layers"}; for custom objects their own. */
  String module();

  /**
   * Keras's {@code registered_name}: {@code "package>Name"} for registered custom objects, null for
   * Keras built-ins, the class name for an unregistered custom class.
   */
  default String registeredName() {
    return Registry.serializedRegisteredName(this);
  }

  /** The constructor arguments, with Keras's keys and defaults. */
  Config getConfig();
}
