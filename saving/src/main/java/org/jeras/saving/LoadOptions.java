package org.jeras.saving;

import java.util.Map;

/**
 * Options of {@link Models#load}, as Keras's {@code load_model} arguments.
 *
 * @param compile restore the training configuration ({@code compile_config}) when present
 * @param safeMode refuse serialized Python code (lambdas), as Keras does by default
 * @param customObjects classes and functions by registered name, for configs naming them
 */
public record LoadOptions(boolean compile, boolean safeMode, Map<String, ?> customObjects) {
  /** The {@code jeras} command's flag for {@link #withSafeMode withSafeMode(false)}. */
  public static final String NO_SAFE_MODE_FLAG = "--no-safe-mode";

  /** Keras's defaults: compile, safe mode, no custom objects. */
  public static final LoadOptions DEFAULT = new LoadOptions(true, true, Map.of());

  /**
   * Copies {@code customObjects} (null means none).
   *
   * @param compile restore the training configuration when present
   * @param safeMode refuse serialized Python code
   * @param customObjects classes and functions by registered name
   */
  public LoadOptions {
    customObjects = customObjects == null ? Map.of() : Map.copyOf(customObjects);
  }

  /**
   * {@return these options with {@code compile} set to {@code value}}
   *
   * @param value whether to restore the training configuration
   */
  public LoadOptions withCompile(boolean value) {
    return new LoadOptions(value, safeMode, customObjects);
  }

  /**
   * {@return these options with {@code safe_mode} set to {@code value}}
   *
   * @param value whether to refuse serialized Python code
   */
  public LoadOptions withSafeMode(boolean value) {
    return new LoadOptions(compile, value, customObjects);
  }

  /**
   * {@return these options with {@code custom_objects} set to {@code value}}
   *
   * @param value classes and functions by registered name
   */
  public LoadOptions withCustomObjects(Map<String, ?> value) {
    return new LoadOptions(compile, safeMode, value);
  }
}
