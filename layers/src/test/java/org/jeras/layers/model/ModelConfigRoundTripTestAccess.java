package org.jeras.layers.model;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Reads a fixture's config.json for tests in other packages. */
public final class ModelConfigRoundTripTestAccess {
  private ModelConfigRoundTripTestAccess() {}

  public static JsonObject config(String name) {
    try {
      return ModelConfigRoundTripTest.modelConfig(name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
