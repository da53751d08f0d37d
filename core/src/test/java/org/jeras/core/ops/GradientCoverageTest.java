package org.jeras.core.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.testing.GradCheck;
import org.junit.jupiter.api.Test;

/**
 * Every public op of the {@code *Ops} classes has a finite-difference gradient check: it is called
 * (or passed as a method reference) in a test that uses {@code GradCheck}. Ops without a gradient
 * are listed here with the reason, so a new op cannot slip in unchecked.
 */
class GradientCoverageTest {
  private static final Map<String, String> WITHOUT_GRADIENT = Map.ofEntries(
      Map.entry("MathOps.sign", "piecewise constant: its gradient is zero wherever it exists, so nothing is recorded"),
      Map.entry("MathOps.fullLike", "a constant of the input's shape"),
      Map.entry("MathOps.zeros", "a constant whose leading sizes are the input's"),
      Map.entry("ReduceOps.argmax", "integer indices"),
      Map.entry("MathOps.notEqual", "booleans (a mask)"),
      Map.entry("MathOps.logicalOr", "booleans (a mask)"),
      Map.entry("ReduceOps.any", "booleans (a mask)"),
      Map.entry("EncodingOps.digitize", "integer bin indices"),
      Map.entry("EncodingOps.categoryEncode", "one-hot marks and counts of integer indices"),
      Map.entry("Ops.zeros", "a constant"),
      Map.entry("Ops.ones", "a constant"),
      Map.entry("Ops.full", "a constant"),
      Map.entry("Ops.convertToTensor", "wraps an array as a constant"),
      Map.entry("Ops.stopGradient", "no gradient by definition"));

  private static final List<Path> OP_SOURCES =
      List.of(Path.of("src/main/java/org/jeras/core/ops"), Path.of("src/main/java/org/jeras/core/losses"));

  @Test
  void everyOpHasAGradientCheck() throws IOException {
    String checks = GradCheck.sourcesWithChecks(Path.of("src/test/java"));
    TreeSet<String> unchecked = new TreeSet<>();
    int ops = 0;
    for (Class<?> c : opClasses()) {
      for (Method m : c.getDeclaredMethods()) {
        boolean op = Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers())
            && (m.getReturnType() == Tensor.class || m.getReturnType() == List.class);
        String name = c.getSimpleName() + "." + m.getName();
        if (!op || WITHOUT_GRADIENT.containsKey(name)) {
          continue;
        }
        ops++;
        String ref = c.getSimpleName() + "::" + m.getName();
        if (!checks.contains(name + "(") && !checks.contains(ref)) {
          unchecked.add(name);
        }
      }
    }
    assertEquals(new TreeSet<>(), unchecked, "ops without a finite-difference gradient test (of " + ops + ")");
  }

  private static List<Class<?>> opClasses() throws IOException {
    List<Class<?>> out = new ArrayList<>();
    for (Path dir : OP_SOURCES) {
      String pkg = "org.jeras.core." + dir.getFileName();
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.filter(x -> x.getFileName().toString().endsWith("Ops.java")).sorted().toList()) {
          String simple = f.getFileName().toString().replace(".java", "");
          try {
            out.add(Class.forName(pkg + "." + simple));
          } catch (ClassNotFoundException e) {
            throw new AssertionError("no class for " + f, e);
          }
        }
      }
    }
    return out;
  }
}
