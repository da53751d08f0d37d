package org.jeras.core.config;

/**
 * Contributes a module's built-in Keras classes to the {@link Registry}; found through
 * {@link java.util.ServiceLoader}, so each Jeras module lists its own built-ins once.
 */
public interface BuiltinProvider {
  void register(Registry.Builtins builtins);
}
