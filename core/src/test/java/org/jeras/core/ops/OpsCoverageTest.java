package org.jeras.core.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jeras.core.losses.LossOps;
import org.junit.jupiter.api.Test;

/**
 * {@link Ops} against {@code keras.ops}' public names (keras-ops-names.txt, written by
 * core/src/test/python/keras_ops_names.py from Keras's sources): every name has an {@code Ops}
 * entry in camelCase or is in keras-ops-missing.txt, the shrink-only list of ops Jeras lacks, and
 * no op of Jeras's op classes that Keras names is left out of {@code Ops}.
 */
class OpsCoverageTest {
  /** Jeras's op classes, whose public static methods are the ops Jeras has. */
  private static final List<Class<?>> OP_CLASSES = List.of(MathOps.class, NnOps.class, ReduceOps.class,
      ArrayOps.class, LinalgOps.class, NormOps.class, EinsumOps.class, ConvOps.class, PoolOps.class, RnnOps.class,
      LossOps.class);
  /** Jeras's op names that differ from Keras's (in camelCase). */
  private static final Map<String, String> KERAS_NAME = Map.ofEntries(
      Map.entry("sub", "subtract"), Map.entry("mul", "multiply"), Map.entry("div", "divide"),
      Map.entry("neg", "negative"), Map.entry("pow", "power"), Map.entry("concat", "concatenate"),
      Map.entry("avgPool", "averagePool"), Map.entry("logSumExp", "logsumexp"), Map.entry("reverse", "flip"),
      Map.entry("gather", "take"), Map.entry("l2Normalize", "normalize"), Map.entry("rsub", "subtract"));

  static List<String> lines(String resource) throws IOException {
    try (InputStream in = OpsCoverageTest.class.getResourceAsStream(resource)) {
      List<String> out = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          out.add(line.strip());
        }
      }
      return out;
    }
  }

  static String camel(String snake) {
    StringBuilder sb = new StringBuilder();
    boolean up = false;
    for (char c : snake.toCharArray()) {
      if (c == '_') {
        up = true;
      } else {
        sb.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    return sb.toString();
  }

  private static Set<String> publicStatics(Class<?> type) {
    Set<String> names = new TreeSet<>();
    for (Method m : type.getMethods()) {
      if (Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() != Object.class) {
        names.add(m.getName());
      }
    }
    return names;
  }

  @Test
  void everyKerasOpHasAnOpsEntryOrIsListedAsMissing() throws IOException {
    List<String> keras = lines("keras-ops-names.txt");
    Set<String> missing = new TreeSet<>(lines("keras-ops-missing.txt"));
    Set<String> ops = publicStatics(Ops.class);
    List<String> problems = new ArrayList<>();
    for (String name : keras) {
      boolean has = ops.contains(camel(name));
      if (has && missing.contains(name)) {
        problems.add(name + ": Ops." + camel(name) + " exists; remove it from keras-ops-missing.txt");
      } else if (!has && !missing.contains(name)) {
        problems.add(name + ": no Ops." + camel(name) + " (add it, or list the op as missing if Jeras lacks it)");
      }
    }
    for (String name : missing) {
      if (!keras.contains(name)) {
        problems.add(name + ": listed as missing but not a keras.ops name");
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void everyOpsEntryIsNamedAsKerasNamesIt() throws IOException {
    Set<String> kerasCamel = new TreeSet<>();
    for (String name : lines("keras-ops-names.txt")) {
      kerasCamel.add(camel(name));
    }
    Set<String> invented = publicStatics(Ops.class);
    invented.removeAll(kerasCamel);
    assertEquals(Set.of(), invented);
  }

  @Test
  void noOpOfJerasThatKerasNamesIsMissingFromOps() throws IOException {
    Set<String> kerasCamel = new TreeSet<>();
    for (String name : lines("keras-ops-names.txt")) {
      kerasCamel.add(camel(name));
    }
    Set<String> ops = publicStatics(Ops.class);
    List<String> left = new ArrayList<>();
    for (Class<?> type : OP_CLASSES) {
      for (String method : publicStatics(type)) {
        String kerasName = KERAS_NAME.getOrDefault(method, method);
        if (kerasCamel.contains(kerasName) && !ops.contains(kerasName)) {
          left.add(type.getSimpleName() + "." + method + " -> Ops." + kerasName);
        }
      }
    }
    assertEquals(List.of(), left);
    assertTrue(ops.size() > 90, "Ops has " + ops.size() + " names");
  }
}
