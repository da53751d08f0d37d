package org.jeras.saving.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.Untrusted;
import org.jeras.core.layer.Names;
import org.jeras.saving.h5.H5WeightsReader;
import org.jeras.saving.h5.H5WeightsWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recursive walk of Keras's {@code _save_state} / {@code _load_state}: each saveable writes
 * its variables under its path ({@code layers/dense/vars}) and its files under the same path in
 * the assets store, then its attributes are walked in {@link Saveable#children()} order. Lists
 * and maps are containers whose entries are named by snake_case class name plus a counter
 * ({@code dense}, {@code dense_1}) or {@code container}, {@code container_1} for nested ones. An
 * object reachable twice (a shared layer) is saved and loaded once, at its first path.
 */
public final class StateWalker {
  private static final Logger LOG = LoggerFactory.getLogger(StateWalker.class);

  private StateWalker() {}

  /**
   * Saves the state of {@code root} and everything below it; either store may be null.
   *
   * @param root the model or other saveable at the root
   * @param weights where variables go, or null
   * @param assets where assets go, or null
   */
  public static void save(Object root, H5WeightsWriter weights, AssetsStore assets) {
    Saveable s = require(root);
    new Saver(weights, assets).save(s, "");
  }

  /**
   * Loads the state of {@code root}. Every failure is collected and reported together, naming
   * each object's path, as Keras does; with {@code skipMismatch} they are logged instead.
   *
   * @param root the model or other saveable at the root
   * @param weights the saved variables, or null
   * @param assets the saved assets, or null
   * @param skipMismatch skip objects whose saved state does not match instead of failing
   */
  public static void load(Object root, H5WeightsReader weights, AssetsStore assets, boolean skipMismatch) {
    Saveable s = require(root);
    Loader loader = new Loader(weights, assets, skipMismatch);
    loader.load(s, "", loader.failures);
    loader.failures.raise(skipMismatch);
  }

  private static Saveable require(Object root) {
    Saveable s = Saveables.of(root);
    if (s == null) {
      throw new IllegalArgumentException("Expected a layer, model, optimizer or Saveable, got " + root);
    }
    return s;
  }

  private static String join(String path, String child) {
    return path.isEmpty() ? child : path + "/" + child;
  }

  /** Keras's {@code _get_unique_name}: {@code name}, then {@code name_1}, {@code name_2}, ... */
  private static String unique(String name, Map<String, Integer> used) {
    Integer n = used.get(name);
    if (n == null) {
      used.put(name, 0);
      return name;
    }
    used.put(name, n + 1);
    return name + "_" + (n + 1);
  }

  private static Collection<?> asContainer(Object o) {
    if (o instanceof Map<?, ?> m) {
      return m.values();
    }
    if (o instanceof Collection<?> c) {
      return c;
    }
    if (o instanceof Object[] a) {
      return List.of(a);
    }
    return null;
  }

  private static Set<Object> identitySet() {
    return Collections.newSetFromMap(new IdentityHashMap<>());
  }

  // ------------------------------------------------------------------ saving

  private static final class Saver {
    private final H5WeightsWriter weights;
    private final AssetsStore assets;
    private final Set<Object> visited = identitySet();

    Saver(H5WeightsWriter weights, AssetsStore assets) {
      this.weights = weights;
      this.assets = assets;
    }

    void save(Saveable s, String path) {
      if (visited.contains(s.target())) {
        return;
      }
      if (weights != null) {
        s.saveOwnVariables(weights.make(path, s.name()));
      }
      if (assets != null) {
        try {
          s.saveAssets(assets.make(path));
        } catch (IOException e) {
          throw new UncheckedIOException("Saving the assets of '" + path + "' failed", e);
        }
      }
      visited.add(s.target());
      for (Map.Entry<String, Object> child : s.children()) {
        visit(child.getValue(), join(path, child.getKey()), identitySet());
      }
    }

    private void visit(Object child, String path, Set<Object> visitedContainers) {
      Saveable cs = Saveables.of(child);
      if (cs != null) {
        save(cs, path);
        return;
      }
      Collection<?> items = asContainer(child);
      if (items == null || !visitedContainers.add(child)) {
        return;
      }
      Map<String, Integer> used = new HashMap<>();
      for (Object item : items) {
        Saveable is = Saveables.of(item);
        if (is != null) {
          save(is, join(path, unique(Names.snakeCase(is.className()), used)));
        } else if (asContainer(item) != null) {
          visit(item, join(path, unique("container", used)), visitedContainers);
        }
      }
    }
  }

  // ------------------------------------------------------------------ loading

  private static final class Loader {
    private final H5WeightsReader weights;
    private final AssetsStore assets;
    private final boolean skipMismatch;
    private final Set<Object> visited = identitySet();
    final Failures failures = new Failures();

    Loader(H5WeightsReader weights, AssetsStore assets, boolean skipMismatch) {
      this.weights = weights;
      this.assets = assets;
      this.skipMismatch = skipMismatch;
    }

    void load(Saveable s, String path, Failures failed) {
      if (visited.contains(s.target())) {
        return;
      }
      boolean failure = false;
      if (weights != null) {
        try {
          s.loadOwnVariables(weights.get(path));
        } catch (RuntimeException e) {
          failed.add(s, path, e);
          failure = true;
        }
      }
      if (assets != null) {
        Optional<Path> dir = assets.get(path);
        if (dir.isPresent()) {
          try {
            s.loadAssets(dir.get());
          } catch (IOException | RuntimeException e) {
            failed.add(s, path, e);
            failure = true;
          }
        }
      }
      int before = failed.size();
      for (Map.Entry<String, Object> child : s.children()) {
        visit(child.getValue(), join(path, child.getKey()), identitySet(), failed);
      }
      if (!failure && failed.size() - before <= 0) {
        visited.add(s.target());
        failed.remove(s);
      }
    }

    private void visit(Object child, String path, Set<Object> visitedContainers, Failures failed) {
      Saveable cs = Saveables.of(child);
      if (cs != null) {
        load(cs, path, failed);
        return;
      }
      Collection<?> items = asContainer(child);
      if (items == null || !visitedContainers.add(child)) {
        return;
      }
      Map<String, Integer> used = new HashMap<>();
      for (Object item : items) {
        Saveable is = Saveables.of(item);
        if (is != null) {
          load(is, join(path, unique(Names.snakeCase(is.className()), used)), failed);
        } else if (asContainer(item) != null) {
          String nested = join(path, unique("container", used));
          if (!present(nested)) {
            // Files from Keras versions that did not save nested containers: keep fresh weights, warn.
            Failures tracked = new Failures();
            visit(item, nested, visitedContainers, tracked);
            if (tracked.size() > 0) {
              LOG.warn("Skipping nested container at '{}': no matching group found in the saved file. This usually "
                  + "means the file was saved with a Keras version that did not serialize sublayers nested inside "
                  + "containers. Affected layers will retain their freshly-initialized weights.", nested);
            }
            continue;
          }
          visit(item, nested, visitedContainers, failed);
        }
      }
    }

    private boolean present(String path) {
      return (weights != null && weights.hasPath(path)) || (assets != null && assets.hasPath(path));
    }
  }

  /** The longest message of a failed load. */
  private static final int MAX_MESSAGE_CHARS = 4000;

  /** Objects that could not be loaded, with their paths and errors, in the order they failed. */
  private static final class Failures {
    private record Failure(Saveable saveable, String path, Exception error) {}

    private final Map<Object, Failure> byTarget = new LinkedHashMap<>();

    void add(Saveable s, String path, Exception e) {
      byTarget.put(s.target(), new Failure(s, path, e));
    }

    void remove(Saveable s) {
      byTarget.remove(s.target());
    }

    int size() {
      return byTarget.size();
    }

    void raise(boolean warnOnly) {
      if (byTarget.isEmpty()) {
        return;
      }
      Failure first = byTarget.values().iterator().next();
      List<String> objects = new ArrayList<>();
      for (Failure f : byTarget.values()) {
        objects.add(describe(f));
      }
      String msg = "A total of " + byTarget.size() + " objects could not be loaded. Example error message for object "
          + describe(first) + ":\n\n" + first.error.getMessage() + "\n\nList of objects that could not be loaded:\n"
          + objects;
      if (warnOnly) {
        LOG.warn(msg);
        return;
      }
      // Keras's wording, on one line: an error is one line (the CLI prints it as such).
      // Layer names come from the file: escaped, and the list cut when a file names thousands of objects.
      throw new ConfigException(Untrusted.escape(msg.replace("\n\n", " ").replace('\n', ' '), MAX_MESSAGE_CHARS),
          first.error);
    }

    private static String describe(Failure f) {
      return "<" + f.saveable.className() + " name=" + f.saveable.name() + ", path=" + (f.path.isEmpty() ? "/" : f.path)
          + ">";
    }
  }
}
