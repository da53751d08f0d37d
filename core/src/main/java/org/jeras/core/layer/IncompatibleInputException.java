package org.jeras.core.layer;

import org.jeras.core.config.TypedError;

/**
 * An input that does not fit what a layer or model declared (its {@link InputSpec}, or a model's
 * {@code Input} shapes and count): Keras's {@code ValueError} from {@code assert_input_compatibility}.
 * The message names the layer by its path ({@code outer/inner}) and gives the expected and found shapes.
 */
public class IncompatibleInputException extends IllegalArgumentException implements TypedError {
  /**
   * An incompatible input, with a one-line message.
   *
   * @param message names the layer path, the expected and the found shapes
   */
  public IncompatibleInputException(String message) {
    super(TypedError.oneLine(message));
  }
}
