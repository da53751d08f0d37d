package org.jeras.layers.applications;

import org.jeras.core.config.Registry;
import org.jeras.core.layer.Layer;

/**
 * What the helper layers of {@code keras.applications} share when saved: Keras does not export
 * them under {@code keras.layers}, so a file names their Python module and, as for any class
 * Keras does not export, their class name as {@code registered_name}.
 */
final class ApplicationLayers {
  static final String CONVNEXT = "keras.src.applications.convnext";
  static final String INCEPTION_RESNET_V2 = "keras.src.applications.inception_resnet_v2";

  private ApplicationLayers() {}

  /** The registered name of {@code layer}'s class when it has one, else its class name (as Keras writes). */
  static String registeredName(Layer layer) {
    String registered = Registry.registeredNameOf(layer);
    return registered != null ? registered : layer.className();
  }
}
