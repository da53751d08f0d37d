package org.jeras.core.config;

import java.security.CodeSource;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.WeakHashMap;
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
  // Weakly held: a function given to one load must not be kept alive by having been loaded.
  private static final Map<Object, String> LOADED_FUNCTION_NAMES = new WeakHashMap<>();
  private static volatile Builtins builtins;
  /** Where the classes of Jeras's modules that provide built-ins were loaded from. */
  private static volatile Set<String> builtinLocations;
  private static final ClassValue<Boolean> BUILTIN_CLASS = new ClassValue<>() {
    @Override
    protected Boolean computeValue(Class<?> type) {
      builtins();
      if (!type.getPackageName().startsWith("org.jeras.")) {
        return false;
      }
      // A user's class inside org.jeras (tests, forks) is told apart by where it was loaded from;
      // without a code source (some class loaders) the package alone decides.
      String where = location(type);
      return where == null || builtinLocations.isEmpty() || builtinLocations.contains(where);
    }
  };

  private Registry() {}

  /** The table of built-ins that providers fill. */
  public static final class Builtins {
    private final Map<String, ObjectFactory<?>> byModuleAndName = new HashMap<>();
    private final Map<Class<?>, Map<String, ObjectFactory<?>>> byKind = new HashMap<>();
    private final Map<Class<?>, SortedSet<String>> qualifiedByKind = new HashMap<>();
    private final Map<Class<?>, Map<String, Object>> aliases = new HashMap<>();

    /**
     * A built-in class of {@code kind}, e.g. {@code (Layer.class, "keras.layers", "Dense", Dense::fromConfig)}.
     *
     * @param <T> the kind
     * @param kind the base class, e.g. {@code Layer.class}
     * @param module Keras's module
     * @param className Keras's class name
     * @param factory the class's {@code from_config}
     * @return this collector
     */
    public <T> Builtins add(Class<T> kind, String module, String className, ObjectFactory<? extends T> factory) {
      byModuleAndName.put(module + "." + className, factory);
      qualifiedByKind.computeIfAbsent(kind, k -> new TreeSet<>()).add(module + "." + className);
      if (!isOpModule(module)) {
        byKind.computeIfAbsent(kind, k -> new HashMap<>()).put(className, factory);
      }
      return this;
    }

    /**
     * A string shorthand of {@code kind}, e.g. {@code "glorot_uniform"} or {@code "relu"}.
     *
     * @param <T> the kind
     * @param kind the base class
     * @param alias the shorthand
     * @param value the object or factory it stands for
     * @return this collector
     */
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
          Set<String> locations = new HashSet<>();
          for (BuiltinProvider p : ServiceLoader.load(BuiltinProvider.class, Registry.class.getClassLoader())) {
            p.register(fresh);
            String where = location(p.getClass());
            if (where != null) {
              locations.add(where);
            }
          }
          builtinLocations = Set.copyOf(locations);
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
   *
   * @param <T> the class's type
   * @param pkg the package, or null for {@code "Custom"}
   * @param name the registered name
   * @param type the class
   * @param factory the class's {@code from_config}
   */
  public static <T> void register(String pkg, String name, Class<T> type, ObjectFactory<? extends T> factory) {
    String key = (pkg == null ? "Custom" : pkg) + ">" + name;
    GLOBAL_CUSTOM.put(key, factory);
    REGISTERED_NAMES.put(type, key);
  }

  /**
   * Registers a custom function (an activation, a loss function) under {@code package>name}.
   *
   * @param pkg the package, or null for {@code "Custom"}
   * @param name the registered name
   * @param function the function
   */
  public static void registerFunction(String pkg, String name, Object function) {
    String key = (pkg == null ? "Custom" : pkg) + ">" + name;
    GLOBAL_CUSTOM.put(key, function);
    synchronized (FUNCTION_NAMES) {
      FUNCTION_NAMES.put(function, key);
    }
  }

  /**
   * The registered name of a registered function instance or of an object's class, or null for
   * built-ins and unregistered objects. A function that was only given to a load as a custom
   * object answers the name the load found it under, so that saving it again writes a name the
   * same custom objects resolve (Keras writes a function's own name).
   *
   * @param o the object
   * @return the registered name, or null
   */
  public static String registeredNameOf(Object o) {
    synchronized (FUNCTION_NAMES) {
      String fn = FUNCTION_NAMES.get(o);
      if (fn == null) {
        fn = LOADED_FUNCTION_NAMES.get(o);
      }
      if (fn != null) {
        return fn;
      }
    }
    return REGISTERED_NAMES.get(o.getClass());
  }

  /** Remembers the name under which a load's custom objects gave {@code function}. */
  static void noteLoadedFunction(Object function, String name) {
    synchronized (FUNCTION_NAMES) {
      LOADED_FUNCTION_NAMES.putIfAbsent(function, name);
    }
  }

  private static String location(Class<?> type) {
    CodeSource source = type.getProtectionDomain().getCodeSource();
    return source == null || source.getLocation() == null ? null : source.getLocation().toString();
  }

  /**
   * Whether {@code type} is one of Jeras's own classes (its counterparts of Keras's public
   * classes): in a Jeras package and loaded from where the built-in providers were, rather than a
   * user's subclass.
   *
   * @param type the class
   * @return whether it is a Jeras class
   */
  public static boolean isBuiltinClass(Class<?> type) {
    return BUILTIN_CLASS.get(type);
  }

  /**
   * The {@code module} Keras writes for {@code o}: {@code kerasModule} for Jeras's built-in
   * classes; for a user's class its Java package, as Keras writes a custom class's
   * {@code __module__}.
   *
   * @param o the object
   * @param kerasModule Keras's module of the built-in class
   * @return the module
   */
  public static String moduleOf(Object o, String kerasModule) {
    return isBuiltinClass(o.getClass()) ? kerasModule : o.getClass().getPackageName();
  }

  /**
   * Keras's {@code registered_name} for {@code o}: its registered name when it has one, null for
   * Jeras's built-in classes, else its class name ({@code get_registered_name} of an unregistered
   * class), which is the key a load's custom objects find it under.
   *
   * @param o the object
   * @return the registered name, or null
   */
  public static String serializedRegisteredName(KerasObject o) {
    String registered = registeredNameOf(o);
    if (registered != null || isBuiltinClass(o.getClass())) {
      return registered;
    }
    return o.className();
  }

  /**
   * The registered custom object (scope, then global registry, then {@code custom}) for a name.
   *
   * @param name the name in a config
   * @param custom the load's custom objects
   * @return the object, or null
   */
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

  /**
   * The built-in factory for {@code module.className}, or one of {@code kind} by class name when the
   * module is Keras's own under another path (or absent). A class from any other module is the
   * user's: it never silently becomes the built-in of the same name, as Keras refuses it too.
   *
   * @param kind the base class
   * @param module the module in a config
   * @param className the class name in a config
   * @return the factory, or null
   */
  public static ObjectFactory<?> lookupBuiltin(Class<?> kind, String module, String className) {
    Builtins b = builtins();
    ObjectFactory<?> f = module == null ? null : b.byModuleAndName.get(module + "." + className);
    boolean kerasModule = module == null || module.equals("keras") || module.startsWith("keras.");
    if (f == null && kind != null && kerasModule && !isOpModule(module)) {
      f = b.byKind.getOrDefault(kind, Map.of()).get(className);
    }
    return f;
  }

  /**
   * Every built-in of {@code kind} as {@code module.ClassName} ({@code Layer.class}: the layers and
   * graph operations Jeras has), sorted.
   *
   * @param kind the base class
   * @return the names
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

  /**
   * Up to three string shorthands of {@code kind} ({@code "mse"}, {@code "adam"}) closest to
   * {@code name} by edit distance, for "closest known names" hints; empty when none is close.
   *
   * @param kind the base class
   * @param name the unknown name
   * @return the closest shorthands
   */
  public static java.util.List<String> closestNames(Class<?> kind, String name) {
    int limit = Math.max(2, name.length() / 3);
    java.util.List<String> close = new java.util.ArrayList<>();
    for (String k : builtins().aliases.getOrDefault(kind, Map.of()).keySet()) {
      if (editDistance(name, k) <= limit) {
        close.add(k);
      }
    }
    close.sort(java.util.Comparator.comparingInt((String k) -> editDistance(name, k)).thenComparing(k -> k));
    return close.subList(0, Math.min(3, close.size()));
  }

  private static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /**
   * A string shorthand of {@code kind} ({@code "relu"}, {@code "he_normal"}), or null.
   *
   * @param kind the base class
   * @param alias the shorthand
   * @return the object, or null
   */
  public static Object lookupAlias(Class<?> kind, String alias) {
    return builtins().aliases.getOrDefault(kind, Map.of()).get(alias);
  }
}
