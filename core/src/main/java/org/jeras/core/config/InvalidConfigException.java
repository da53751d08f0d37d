package org.jeras.core.config;

/**
 * A config value Jeras refuses, as Keras would: a missing or mistyped key, an out-of-range
 * argument, an unrecognized key. Names the key and, once known, the class and the path of the
 * object being loaded that holds it (a layer: {@code "sequential/dense_1"}).
 */
public class InvalidConfigException extends ConfigException {
  /** The config key at fault. */
  private final String key;
  /** The class whose argument it is, or null. */
  private final String owner;
  /** The kind of object being loaded, or null. */
  private final String kind;
  /** The path of the object being loaded, or null. */
  private final String layerPath;
  /** The problem, without the location. */
  private final String problem;

  /**
   * A problem with {@code key} of a config whose owner is not known yet.
   *
   * @param key the config key
   * @param problem what is wrong with it
   */
  public InvalidConfigException(String key, String problem) {
    this(key, null, null, null, problem, null);
  }

  /**
   * A problem with argument {@code key} of {@code owner} (a class name such as {@code Dense}).
   *
   * @param owner the class name
   * @param key the config key
   * @param problem what is wrong with it
   */
  public InvalidConfigException(String owner, String key, String problem) {
    this(key, owner, null, null, problem, null);
  }

  private InvalidConfigException(String key, String owner, String kind, String layerPath, String problem,
      Throwable cause) {
    super(TypedError.oneLine(message(owner, kind, layerPath, problem)), cause);
    this.key = key;
    this.owner = owner;
    this.kind = kind;
    this.layerPath = layerPath;
    this.problem = problem;
  }

  private static String message(String owner, String kind, String layerPath, String problem) {
    if (layerPath != null) {
      return kind + " '" + layerPath + "'" + (owner == null ? "" : " (" + owner + ")") + ": " + problem;
    }
    return owner == null ? problem : owner + ": " + problem;
  }

  /**
   * {@return the config key at fault (keys joined by ", " for several unrecognized ones), or null when not
   * one key}
   */
  public String key() {
    return key;
  }

  /** {@return the class whose argument it is, or null when not known} */
  public String owner() {
    return owner;
  }

  /**
   * The path of the object being loaded ({@code "model/dense"}; for a layer, its path among the
   * layers), or null outside loading.
   *
   * @return the path, or null
   */
  public String layerPath() {
    return layerPath;
  }

  /** {@code e}, a config error not tied to one key, located at {@code path} (a {@code kind}) of class {@code ownerClass}. */
  static InvalidConfigException located(ConfigException e, String kind, String path, String ownerClass) {
    InvalidConfigException out = new InvalidConfigException(null, ownerClass, kind, path, e.getMessage(), e);
    out.setStackTrace(e.getStackTrace());
    return out;
  }

  /**
   * This problem located at {@code path}, an object of {@code kind} ({@code "Layer"}) and class
   * {@code ownerClass} (kept when already known); returns this exception when it already has a path.
   */
  InvalidConfigException at(String kind, String path, String ownerClass) {
    if (layerPath != null) {
      return this;
    }
    InvalidConfigException e =
        new InvalidConfigException(key, owner == null ? ownerClass : owner, kind, path, problem, this);
    e.setStackTrace(getStackTrace());
    return e;
  }
}
