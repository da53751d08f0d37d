package org.jeras.core.config;

/** Builds an object from its Keras config: the {@code from_config} of a class. */
@FunctionalInterface
public interface ObjectFactory<T> {
  /**
   * {@return the object {@code config} describes}
   *
   * @param config the object's config
   */
  T fromConfig(Config config);
}
