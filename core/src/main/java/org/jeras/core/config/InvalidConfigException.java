package org.jeras.core.config;

/**
 * A config value Jeras refuses, as Keras would: a missing or mistyped key, an out-of-range
 * argument, an unrecognized key. Names the key and, once known, the class and the path of the
 * layer that holds it ({@code "sequential/dense_1"}).
 */
public class InvalidConfigException extends ConfigException {
  private final String key;
  private final String owner;
  private final String layerPath;
  private final String problem;

  /** A problem with {@code key} of a config whose owner is not known yet. */
  public InvalidConfigException(String key, String problem) {
    this(key, null, null, problem, null);
  }

  /** A problem with argument {@code key} of {@code owner} (a class name such as {@code Dense}). */
  public InvalidConfigException(String owner, String key, String problem) {
    this(key, owner, null, problem, null);
  }

  private InvalidConfigException(String key, String owner, String layerPath, String problem, Throwable cause) {
    super(message(owner, layerPath, problem), cause);
    this.key = key;
    this.owner = owner;
    this.layerPath = layerPath;
    this.problem = problem;
  }

  private static String message(String owner, String layerPath, String problem) {
    if (layerPath != null) {
      return "Layer '" + layerPath + "'" + (owner == null ? "" : " (" + owner + ")") + ": " + problem;
    }
    return owner == null ? problem : owner + ": " + problem;
  }

  /** The config key at fault (keys joined by ", " for several unrecognized ones), or null when not one key. */
  public String key() {
    return key;
  }

  /** The class whose argument it is, or null when not known. */
  public String owner() {
    return owner;
  }

  /** The path of the layer being loaded ({@code "model/dense"}), or null outside loading. */
  public String layerPath() {
    return layerPath;
  }

  /** {@code e}, a config error not tied to one key, located at layer {@code path} of class {@code ownerClass}. */
  static InvalidConfigException located(ConfigException e, String path, String ownerClass) {
    InvalidConfigException out = new InvalidConfigException(null, ownerClass, path, e.getMessage(), e);
    out.setStackTrace(e.getStackTrace());
    return out;
  }

  /**
   * This problem located at {@code path} in class {@code ownerClass} (kept when already known);
   * returns this exception when it already has a path.
   */
  public InvalidConfigException at(String path, String ownerClass) {
    if (layerPath != null) {
      return this;
    }
    InvalidConfigException e = new InvalidConfigException(key, owner == null ? ownerClass : owner, path, problem, this);
    e.setStackTrace(getStackTrace());
    return e;
  }
}
