package org.jeras.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * A user's hook for registering custom classes and functions from a jar, so that tools that load
 * files they did not write (the {@code jeras} command's {@code --classpath}) resolve the jar's
 * custom objects. An implementation calls {@link Registry#register} / {@link Registry#registerFunction}
 * in {@link #register()} and is listed in the jar's
 * {@code META-INF/services/org.jeras.core.config.JerasPlugin}, as any {@link ServiceLoader} service.
 */
public interface JerasPlugin {
  /** Registers this plugin's custom objects with the {@link Registry}. */
  void register();

  /**
   * Finds every plugin visible to {@code loader} and runs its {@link #register()}; returns the
   * plugins' class names in the order they ran.
   *
   * @param loader the class loader to search
   * @return the plugins' class names
   */
  static List<String> registerAll(ClassLoader loader) {
    List<String> names = new ArrayList<>();
    for (JerasPlugin p : ServiceLoader.load(JerasPlugin.class, loader)) {
      p.register();
      names.add(p.getClass().getName());
    }
    return names;
  }
}
