package org.jeras.core.config;

/**
 * Contributes a module's built-in Keras classes to the {@link Registry}; found through
 * {@link java.util.ServiceLoader}, so each Jeras module lists its own built-ins once.
 */
public interface BuiltinProvider {
  /**
   * Adds this module's built-in classes and shorthands.
   *
   * @param builtins the registry's collector
   */
  void register(Registry.Builtins builtins);
}
