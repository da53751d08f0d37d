package org.jeras.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jeras.core.config.Registry;
import org.jeras.core.layer.Layer;
import org.junit.jupiter.api.Test;

/**
 * Every layer class Keras 3.16 exports as {@code keras.layers} (resource {@code keras_layers.txt},
 * written by {@code list_keras_layers.py} beside it) resolves to a Jeras built-in, is listed in
 * {@link #WITHOUT_COUNTERPART} with the reason Jeras has none, or is in {@link #NOT_YET}. NOT_YET
 * may only shrink: a class implemented since must leave it, so the remaining gap stays visible.
 */
class RegistryCoverageTest {
  private static final String BACKEND = "wraps a backend's own module or saved graph: nothing Jeras can run";
  private static final String BASE = "an abstract base class: files name its subclasses";
  private static final Map<String, String> WITHOUT_COUNTERPART = Map.of(
      "TorchModuleWrapper", BACKEND,
      "JaxLayer", BACKEND,
      "FlaxLayer", BACKEND,
      "TFSMLayer", BACKEND,
      "Layer", BASE,
      "Wrapper", BASE);

  /** Keras layers Jeras does not have yet. Shrink-only: never add a name here. */
  private static final Set<String> NOT_YET = Set.of();

  static List<String> kerasLayers() throws IOException {
    try (InputStream in = RegistryCoverageTest.class.getResourceAsStream("keras_layers.txt")) {
      assertNotNull(in, "resource keras_layers.txt");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }
  }

  private static boolean registered(String className) {
    return Registry.lookupBuiltin(Layer.class, "keras.layers", className) != null;
  }

  @Test
  void everyKerasLayerIsRegisteredOrAccountedFor() throws IOException {
    List<String> keras = kerasLayers();
    assertTrue(keras.size() > 100, "keras_layers.txt lists only " + keras.size() + " classes");
    TreeSet<String> missing = new TreeSet<>();
    for (String name : keras) {
      if (!registered(name) && !WITHOUT_COUNTERPART.containsKey(name) && !NOT_YET.contains(name)) {
        missing.add(name);
      }
    }
    assertEquals(new TreeSet<>(), missing, "Keras layers neither registered in Jeras nor listed here");
  }

  @Test
  void theListsOnlyNameKerasLayersJerasLacks() throws IOException {
    Set<String> keras = Set.copyOf(kerasLayers());
    TreeSet<String> stale = new TreeSet<>();
    for (String name : NOT_YET) {
      if (!keras.contains(name) || registered(name)) {
        stale.add(name);
      }
    }
    for (String name : WITHOUT_COUNTERPART.keySet()) {
      if (!keras.contains(name) || registered(name)) {
        stale.add(name);
      }
    }
    assertEquals(new TreeSet<>(), stale, "listed as missing but registered now, or not a Keras layer: remove");
  }
}
