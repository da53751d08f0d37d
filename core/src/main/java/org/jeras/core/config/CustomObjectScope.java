package org.jeras.core.config;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Custom objects visible to deserialization on this thread until closed, like Keras's
 * {@code custom_object_scope}:
 *
 * <pre>{@code
 * try (var scope = CustomObjectScope.of(Map.of("ScaledDense", ScaledDense::fromConfig))) {
 *   Model m = Models.load(path);
 * }
 * }</pre>
 */
public final class CustomObjectScope implements AutoCloseable {
  private static final ThreadLocal<ArrayDeque<CustomObjectScope>> ACTIVE =
      ThreadLocal.withInitial(ArrayDeque::new);

  private final Map<String, Object> objects;

  private CustomObjectScope(Map<String, Object> objects) {
    this.objects = Map.copyOf(objects);
  }

  /**
   * Opens a scope; values are {@link ObjectFactory} instances for classes or functions
   * (e.g. an activation) for function objects, keyed by class name or registered name.
   *
   * @param objects the custom objects by registered or class name
   * @return the open scope, to close
   */
  public static CustomObjectScope of(Map<String, ?> objects) {
    CustomObjectScope scope = new CustomObjectScope(new HashMap<>(objects));
    ACTIVE.get().push(scope);
    return scope;
  }

  /** The innermost scope's object for {@code name}, or null. */
  static Object lookup(String name) {
    for (CustomObjectScope scope : ACTIVE.get()) {
      Object o = scope.objects.get(name);
      if (o != null) {
        return o;
      }
    }
    return null;
  }

  /** Every object of the open scopes, an inner scope's winning over an outer one's. */
  static Map<String, Object> visible() {
    Map<String, Object> out = new HashMap<>();
    var it = ACTIVE.get().descendingIterator();
    while (it.hasNext()) {
      out.putAll(it.next().objects);
    }
    return out;
  }

  @Override
  public void close() {
    ACTIVE.get().remove(this);
  }
}
