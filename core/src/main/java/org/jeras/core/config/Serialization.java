package org.jeras.core.config;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Keras's {@code serialize_keras_object} / {@code deserialize_keras_object}: objects to and from
 * the {@code {module, class_name, config, registered_name}} dicts Keras 3 writes.
 */
public final class Serialization {
  private static final ThreadLocal<ArrayDeque<Map<String, ?>>> CUSTOM =
      ThreadLocal.withInitial(ArrayDeque::new);
  /** The names of the {@link StrictKeys} objects being deserialized, outermost first. */
  private static final ThreadLocal<ArrayDeque<String>> PATH = ThreadLocal.withInitial(ArrayDeque::new);

  private Serialization() {}

  /**
   * The dict Keras writes for {@code o}; null becomes JSON null.
   *
   * @param o the object, or null
   * @return the dict
   */
  public static JsonElement serialize(KerasObject o) {
    if (o == null) {
      return JsonNull.INSTANCE;
    }
    if (o instanceof Shorthand s && s.shorthand() != null) {
      return new JsonPrimitive(s.shorthand());
    }
    JsonObject out = new JsonObject();
    String registered = o.registeredName();
    out.addProperty("module", o.module());
    out.addProperty("class_name", o.className());
    out.add("config", o.getConfig().json());
    out.add("registered_name", registered == null ? JsonNull.INSTANCE : new JsonPrimitive(registered));
    if (o instanceof Extras extras) {
      extras.addSerializedExtras(out);
    }
    return recordShared(o, out);
  }

  /**
   * Records {@code dict} as the serialized form of {@code o} in the open sharing scope (a repeat
   * gets a {@code shared_object_id}); for objects serialized without {@link #serialize}, such as
   * registered functions. Returns {@code dict}.
   *
   * @param o the object
   * @param dict its serialized form
   * @return the dict to write
   */
  public static JsonObject recordShared(Object o, JsonObject dict) {
    SharingScope scope = SharingScope.active();
    if (scope != null) {
      scope.recordSerialized(o, dict);
    }
    return dict;
  }

  /**
   * Rebuilds an object of {@code kind} from a Keras dict or a string shorthand. Returns null for
   * JSON null. Unknown names fail with a {@link ConfigException} saying how to register them.
   *
   * @param <T> the kind
   * @param e the dict, string or null
   * @param kind the base class
   * @return the object, or null
   */
  public static <T> T deserialize(JsonElement e, Class<T> kind) {
    if (e == null || e.isJsonNull()) {
      return null;
    }
    Map<String, ?> custom = CUSTOM.get().peek();
    if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
      String name = e.getAsString();
      Object o = Registry.lookupAlias(kind, name);
      if (o == null) {
        // Keras looks a string up among class names too: "Adam" as well as "adam".
        o = Registry.lookupBuiltin(kind, null, name);
      }
      if (o == null) {
        o = Registry.lookupCustom(name, custom);
      }
      if (o == null) {
        List<String> close = Registry.closestNames(kind, name);
        throw new ConfigException("Unknown " + kind.getSimpleName() + " " + Untrusted.quote(name)
            + (close.isEmpty() ? "" : "; closest known names: " + String.join(", ", close)) + ". " + HOW_TO_REGISTER);
      }
      return instantiate(o, Config.empty(), kind, name);
    }
    if (!e.isJsonObject()) {
      throw new ConfigException("Cannot deserialize a " + kind.getSimpleName() + " from " + Untrusted.quote(e.toString()));
    }
    Config dict = Config.of(e.getAsJsonObject());
    SharingScope scope = SharingScope.active();
    Long sharedId = dict.isSet("shared_object_id") ? dict.getLong("shared_object_id") : null;
    if (scope == null) {
      return deserializeDict(dict, kind, custom);
    }
    if (sharedId != null) {
      Object shared = scope.sharedObject(sharedId);
      T obj = kind.isInstance(shared) ? kind.cast(shared) : deserializeDict(dict, kind, custom);
      scope.recordDeserialized(sharedId, obj);
      scope.noteLoaded(obj, true);
      return obj;
    }
    T obj = deserializeDict(dict, kind, custom);
    scope.noteLoaded(obj, false);
    return obj;
  }

  private static <T> T deserializeDict(Config dict, Class<T> kind, Map<String, ?> custom) {
    String className = dict.getString("class_name");
    String module = dict.getString("module", null);
    String registeredName = dict.getString("registered_name", null);
    if ("function".equals(className)) {
      return deserializeFunction(dict, kind, custom);
    }
    Object found = Registry.lookupCustom(registeredName, custom);
    if (found == null) {
      found = Registry.lookupCustom(className, custom);
    }
    if (found == null) {
      found = Registry.lookupBuiltin(kind, module, className);
    }
    if (found == null && module != null && (module.equals("keras") || module.startsWith("keras."))) {
      throw new ConfigException("Keras " + kindWord(kind) + " " + Untrusted.quote(className)
          + " is not supported by Jeras yet (module " + Untrusted.quote(module) + ")");
    }
    if (found == null) {
      throw new ConfigException("Could not locate " + kind.getSimpleName() + " " + Untrusted.quote(className)
          + (registeredName == null ? "" : " (registered name " + Untrusted.quote(registeredName) + ")")
          + (module == null ? "" : " from module " + Untrusted.quote(module)) + ". " + HOW_TO_REGISTER);
    }
    JsonElement config = dict.getOrNull("config");
    if (!StrictKeys.class.isAssignableFrom(kind)) {
      Config cfg = config.isJsonObject() ? Config.of(config.getAsJsonObject()) : Config.empty();
      T obj = instantiate(found, cfg, kind, className);
      if (obj instanceof Extras extras) {
        extras.readSerializedExtras(dict);
      }
      return obj;
    }
    Config cfg = Config.tracking(config.isJsonObject() ? config.getAsJsonObject() : new JsonObject());
    JsonElement name = cfg.json().get("name");
    String pathName = name != null && name.isJsonPrimitive() ? name.getAsString() : className;
    Object factory = found;
    return within(kind.getSimpleName(), pathName, className, () -> {
      T obj = instantiate(factory, cfg, kind, className);
      if (obj instanceof StrictKeys strict) {
        refuseUnread(cfg, strict, className);
      }
      if (obj instanceof Extras extras) {
        extras.readSerializedExtras(dict);
      }
      return obj;
    });
  }

  /**
   * Runs {@code body} as work on the layer {@code name} (of class {@code className}) inside the
   * layers being loaded: config errors it raises name the layer's path ({@code "model/name"}).
   * Models use it for what they do to a loaded layer after deserializing it (building it on its
   * inputs).
   *
   * @param <R> the result's type
   * @param name the layer's name
   * @param className its class name
   * @param body the work
   * @return what {@code body} returns
   */
  public static <R> R inLayer(String name, String className, Supplier<R> body) {
    return within("Layer", name, className, body);
  }

  /** {@link #inLayer} for an object of any strict {@code kind} ({@code "Layer"}, {@code "Optimizer"}). */
  private static <R> R within(String kind, String name, String className, Supplier<R> body) {
    ArrayDeque<String> path = PATH.get();
    path.addLast(name);
    try {
      return body.get();
    } catch (InvalidConfigException e) {
      throw e.at(kind, String.join("/", path), className);
    } catch (ConfigException e) {
      // Plain config errors (an unknown initializer, an unsupported option) get the layer path too;
      // subclasses (unsafe files, ...) keep their type and message.
      if (e.getClass() != ConfigException.class) {
        throw e;
      }
      throw InvalidConfigException.located(e, kind, String.join("/", path), className);
    } finally {
      path.removeLast();
    }
  }

  /** Keras's "Unrecognized keyword arguments": keys of {@code cfg} that neither the factory nor the base class read. */
  private static void refuseUnread(Config cfg, StrictKeys strict, String className) {
    StringBuilder unknown = new StringBuilder();
    List<String> keys = new ArrayList<>();
    for (String k : cfg.unreadKeys()) {
      if (!strict.alwaysAllowedKeys().contains(k)) {
        keys.add(k);
        unknown.append(unknown.length() == 0 ? "" : ", ").append(pyRepr(new JsonPrimitive(k))).append(": ")
            .append(pyRepr(cfg.json().get(k)));
      }
    }
    if (!keys.isEmpty()) {
      throw new InvalidConfigException(className, String.join(", ", keys),
          strict.unrecognizedKeysMessage(className, "{" + unknown + "}"));
    }
  }

  /** {@code e} as Python prints the value (Keras's messages show kwargs dicts): {@code 'a'}, {@code True}, {@code None}. */
  static String pyRepr(JsonElement e) {
    if (e == null || e.isJsonNull()) {
      return "None";
    }
    if (e.isJsonPrimitive()) {
      JsonPrimitive p = e.getAsJsonPrimitive();
      if (p.isBoolean()) {
        return p.getAsBoolean() ? "True" : "False";
      }
      if (p.isString()) {
        String v = p.getAsString();
        // Python quotes with ' unless the text holds a ' and no ".
        char q = v.indexOf('\'') >= 0 && v.indexOf('"') < 0 ? '"' : '\'';
        return q + v.replace("\\", "\\\\").replace(String.valueOf(q), "\\" + q) + q;
      }
      return p.toString();
    }
    StringBuilder sb = new StringBuilder();
    if (e.isJsonArray()) {
      for (JsonElement x : e.getAsJsonArray()) {
        sb.append(sb.length() == 0 ? "" : ", ").append(pyRepr(x));
      }
      return "[" + sb + "]";
    }
    for (Map.Entry<String, JsonElement> x : e.getAsJsonObject().entrySet()) {
      sb.append(sb.length() == 0 ? "" : ", ").append(pyRepr(new JsonPrimitive(x.getKey()))).append(": ")
          .append(pyRepr(x.getValue()));
    }
    return "{" + sb + "}";
  }

  /**
   * Objects whose config is read strictly: a key that the factory did not read and that is not in
   * {@link #alwaysAllowedKeys()} is refused, and errors name the path of nested objects (layers)
   * as {@code Kind 'path'}, the kind being the class they are deserialized as.
   */
  public interface StrictKeys {
    /**
     * Keys every object of this kind accepts even when its factory ignores them.
     *
     * @return the keys
     */
    Set<String> alwaysAllowedKeys();

    /**
     * Keras's message for unrecognized keys; {@code kwargs} is the dict of them as Python prints it.
     *
     * @param className the class's name
     * @param kwargs the unrecognized keys
     * @return the message
     */
    default String unrecognizedKeysMessage(String className, String kwargs) {
      return "Unrecognized keyword arguments passed to " + className + ": " + kwargs;
    }
  }

  /**
   * A function dict ({@code {"module": "builtins", "class_name": "function", "config":
   * "package>name"}}): its {@code config} names a registered function or a built-in one.
   */
  private static <T> T deserializeFunction(Config dict, Class<T> kind, Map<String, ?> custom) {
    String name = dict.getString("config");
    Object found = Registry.lookupCustom(name, custom);
    if (found != null && !(found instanceof ObjectFactory<?>)) {
      Registry.noteLoadedFunction(found, name);
    }
    if (found == null) {
      found = Registry.lookupAlias(kind, name);
    }
    if (found == null) {
      throw new ConfigException("Could not locate function " + Untrusted.quote(name) + " (a " + kind.getSimpleName() + "). "
          + HOW_TO_REGISTER);
    }
    return instantiate(found, Config.empty(), kind, name);
  }

  private static <T> T instantiate(Object found, Config cfg, Class<T> kind, String name) {
    Object obj = found instanceof ObjectFactory<?> f ? f.fromConfig(cfg) : found;
    if (!kind.isInstance(obj)) {
      throw new ConfigException(Untrusted.quote(name) + " is a " + obj.getClass().getSimpleName() + ", not a " + kind.getSimpleName());
    }
    return kind.cast(obj);
  }

  /**
   * The custom objects visible to deserialization here and now (open {@link CustomObjectScope}s
   * and the custom objects of a running load), for names resolved later, outside that scope: a
   * compile config's metrics are resolved on the first batch, when the load has long returned.
   *
   * @return the custom objects by name
   */
  public static Map<String, ?> visibleCustomObjects() {
    Map<String, Object> out = new java.util.HashMap<>();
    Map<String, ?> load = CUSTOM.get().peek();
    if (load != null) {
      out.putAll(load);
    }
    out.putAll(CustomObjectScope.visible());
    return out;
  }

  /** The kind of object in words, as messages name it: {@code Layer} is "layer", {@code LearningRateSchedule} "learning rate schedule". */
  static String kindWord(Class<?> kind) {
    return kind.getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * Runs {@code body} with {@code customObjects} visible to every nested deserialization.
   *
   * @param <R> the result's type
   * @param customObjects the custom objects by name
   * @param body the work
   * @return what {@code body} returns
   */
  public static <R> R withCustomObjects(Map<String, ?> customObjects, Supplier<R> body) {
    CUSTOM.get().push(customObjects == null ? Map.of() : customObjects);
    try {
      return body.get();
    } finally {
      CUSTOM.get().pop();
    }
  }

  static final String HOW_TO_REGISTER = "Make sure custom classes and functions are registered with "
      + "Registry.register(\"package\", \"Name\", Type.class, Type::fromConfig) (Keras: "
      + "@keras.saving.register_keras_serializable) or passed as custom objects, before loading.";

  /** Objects that serialize to a bare string when they are a built-in (activations: {@code "relu"}). */
  public interface Shorthand {
    /** {@return the string Keras writes instead of a dict, or null to write the dict} */
    String shorthand();
  }

  /** Objects with entries beside {@code config} in their dict (layers: {@code build_config}). */
  public interface Extras {
    /**
     * Adds the extra entries to {@code dict}.
     *
     * @param dict the object's serialized dict
     */
    void addSerializedExtras(JsonObject dict);

    /**
     * Reads the extra entries of {@code dict}.
     *
     * @param dict the object's serialized dict
     */
    void readSerializedExtras(Config dict);
  }
}
