package org.jeras.core.config;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where names in Keras configs are resolved to Java factories: Keras's built-in classes (each
 * Jeras module contributes its own through a {@link BuiltinProvider}), custom classes and
 * functions registered under {@code package>name}, scoped custom objects and per-load maps.
 * Nothing is ever resolved by reflection from a name read from a file.
 */
public final class Registry {
  private static final Map<String, Object> GLOBAL_CUSTOM = new ConcurrentHashMap<>();
  private static final Map<Class<?>, String> REGISTERED_NAMES = new ConcurrentHashMap<>();
  // Functions are matched by identity: lambdas of one call site share a class.
  private static final Map<Object, String> FUNCTION_NAMES = new IdentityHashMap<>();
  private static volatile Builtins builtins;

  private Registry() {}

  /** The table of built-ins that providers fill. */
  public static final class Builtins {
    private final Map<String, ObjectFactory<?>> byModuleAndName = new HashMap<>();
    private final Map<Class<?>, Map<String, ObjectFactory<?>>> byKind = new HashMap<>();
    private final Map<Class<?>, SortedSet<String>> qualifiedByKind = new HashMap<>();
    private final Map<Class<?>, Map<String, Object>> aliases = new HashMap<>();

    /** A built-in class of {@code kind}, e.g. {@code (Layer.class, "keras.layers", "Dense", Dense::fromConfig)}. */
    public <T> Builtins add(Class<T> kind, String module, String className, ObjectFactory<? extends T> factory) {
      byModuleAndName.put(module + "." + className, factory);
      qualifiedByKind.computeIfAbsent(kind, k -> new TreeSet<>()).add(module + "." + className);
      if (!isOpModule(module)) {
        byKind.computeIfAbsent(kind, k -> new HashMap<>()).put(className, factory);
      }
      return this;
    }

    /** A string shorthand of {@code kind}, e.g. {@code "glorot_uniform"} or {@code "relu"}. */
    public <T> Builtins alias(Class<T> kind, String alias, Object value) {
      aliases.computeIfAbsent(kind, k -> new HashMap<>()).put(alias, value);
      return this;
    }
  }

  static Builtins builtins() {
    Builtins b = builtins;
    if (b == null) {
      synchronized (Registry.class) {
        if (builtins == null) {
          Builtins fresh = new Builtins();
          for (BuiltinProvider p : ServiceLoader.load(BuiltinProvider.class, Registry.class.getClassLoader())) {
            p.register(fresh);
          }
          builtins = fresh;
        }
        b = builtins;
      }
    }
    return b;
  }

  /**
   * Registers a custom class under {@code package>name} (package {@code "Custom"} when null), as
   * {@code keras.saving.register_keras_serializable} does.
   */
  public static <T> void register(String pkg, String name, Class<T> type, ObjectFactory<? extends T> factory) {
    String key = (pkg == null ? "Custom" : pkg) + ">" + name;
    GLOBAL_CUSTOM.put(key, factory);
    REGISTERED_NAMES.put(type, key);
  }

  /** Registers a custom function (an activation, a loss function) under {@code package>name}. */
  public static void registerFunction(String pkg, String name, Object function) {
    String key = (pkg == null ? "Custom" : pkg) + ">" + name;
    GLOBAL_CUSTOM.put(key, function);
    synchronized (FUNCTION_NAMES) {
      FUNCTION_NAMES.put(function, key);
    }
  }

  /**
   * The registered name of a registered function instance or of an object's class, or null for
   * built-ins and unregistered objects.
   */
  public static String registeredNameOf(Object o) {
    synchronized (FUNCTION_NAMES) {
      String fn = FUNCTION_NAMES.get(o);
      if (fn != null) {
        return fn;
      }
    }
    return REGISTERED_NAMES.get(o.getClass());
  }

  /** The registered custom object (scope, then global registry, then {@code custom}) for a name. */
  public static Object lookupCustom(String name, Map<String, ?> custom) {
    if (name == null) {
      return null;
    }
    Object o = CustomObjectScope.lookup(name);
    if (o == null) {
      o = GLOBAL_CUSTOM.get(name);
    }
    if (o == null && custom != null) {
      o = custom.get(name);
    }
    return o;
  }

  /** The built-in factory for {@code module.className}, or one of {@code kind} by class name. */
  public static ObjectFactory<?> lookupBuiltin(Class<?> kind, String module, String className) {
    Builtins b = builtins();
    ObjectFactory<?> f = module == null ? null : b.byModuleAndName.get(module + "." + className);
    if (f == null && kind != null && !isOpModule(module)) {
      f = b.byKind.getOrDefault(kind, Map.of()).get(className);
    }
    return f;
  }

  /**
   * Every built-in of {@code kind} as {@code module.ClassName} ({@code Layer.class}: the layers and
   * graph operations Jeras has), sorted.
   */
  public static SortedSet<String> builtinNames(Class<?> kind) {
    return new TreeSet<>(builtins().qualifiedByKind.getOrDefault(kind, new TreeSet<>()));
  }

  /**
   * Whether {@code module} holds Keras operations ({@code keras.src.ops.numpy}, ...): their class
   * names ({@code Add}, {@code Concatenate}, {@code Softmax}) repeat layer names, so they are found
   * by module only, never in place of a layer or a layer in their place.
   */
  private static boolean isOpModule(String module) {
    return module != null && module.startsWith("keras.src.ops.");
  }

  /** A string shorthand of {@code kind} ({@code "relu"}, {@code "he_normal"}), or null. */
  public static Object lookupAlias(Class<?> kind, String alias) {
    return builtins().aliases.getOrDefault(kind, Map.of()).get(alias);
  }
}
