package org.jeras.core.config;

/**
 * An object Keras serializes as {@code {module, class_name, config, registered_name}}: layers,
 * initializers, regularizers, constraints, optimizers, schedules, losses and metrics.
 */
public interface KerasObject {
  /** {@return Keras's class name, e.g. {@code "Dense"}; the Java simple name by default} */
  default String className() {
    return getClass().getSimpleName();
  }

  /**
   * {@return the Python class's own name, from which Keras derives default layer names and the
   * paths of weights in saved files; differs from {@link #className} only for a class Keras exports
   * (and serializes) under another name, e.g. GroupedQueryAttention as GroupQueryAttention}
   */
  default String pythonClassName() {
    return className();
  }

  /**
   * {@return Keras's public module of the class, e.g. {@code "keras.layers"}; for custom objects their own}
   */
  String module();

  /**
   * Keras's {@code registered_name}: {@code "package>Name"} for registered custom objects, null for
   * Keras built-ins, the class name for an unregistered custom class.
   *
   * @return the registered name, or null
   */
  default String registeredName() {
    return Registry.serializedRegisteredName(this);
  }

  /** {@return the constructor arguments, with Keras's keys and defaults} */
  Config getConfig();
}
