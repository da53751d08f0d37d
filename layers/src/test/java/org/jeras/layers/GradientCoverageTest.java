package org.jeras.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import org.jeras.core.config.Registry;
import org.jeras.core.layer.Layer;
import org.jeras.core.testing.GradCheck;
import org.junit.jupiter.api.Test;

/**
 * Every built-in layer (graph operations aside: {@code KerasOpsTest}) has a finite-difference gradient check: a test that uses {@code GradCheck}
 * builds it ({@code new Name(...)}, {@code Name.fromConfig} or a model config naming it). Layers
 * without a gradient are listed here with the reason, so a new layer cannot slip in unchecked.
 */
class GradientCoverageTest {
  private static final String INTEGER_OUTPUT = "maps inputs to integer ids or counts: nothing to differentiate";
  private static final Map<String, String> WITHOUT_GRADIENT = Map.ofEntries(
      Map.entry("InputLayer", "a placeholder with no computation"),
      Map.entry("CategoryEncoding", INTEGER_OUTPUT),
      Map.entry("Discretization", INTEGER_OUTPUT),
      Map.entry("Hashing", INTEGER_OUTPUT),
      Map.entry("HashedCrossing", INTEGER_OUTPUT),
      Map.entry("IntegerLookup", INTEGER_OUTPUT),
      Map.entry("StringLookup", INTEGER_OUTPUT),
      Map.entry("TextVectorization", INTEGER_OUTPUT),
      Map.entry("Model", "the base of subclassed models: what it computes is the subclass's call"));

  @Test
  void everyLayerHasAGradientCheck() throws IOException {
    String checks = GradCheck.sourcesWithChecks(Path.of("src/test/java"));
    TreeSet<String> unchecked = new TreeSet<>();
    for (String qualified : Registry.builtinNames(Layer.class)) {
      if (qualified.startsWith("keras.src.ops.")) {
        continue; // graph operations: KerasOpsTest checks each one
      }
      String name = qualified.substring(qualified.lastIndexOf('.') + 1);
      if (!WITHOUT_GRADIENT.containsKey(name) && !checks.contains("new " + name + "(")
          && !checks.contains(name + ".fromConfig") && !checks.contains("\"" + name + "\"")) {
        unchecked.add(name);
      }
    }
    assertEquals(new TreeSet<>(), unchecked, "layers without a finite-difference gradient test");
  }
}
