package org.jeras.saving;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The Keras version whose format Jeras writes, and Jeras's own version (from the build). */
public final class Versions {
  /** Written as {@code keras_version} in {@code metadata.json}. */
  public static final String KERAS;
  /** Written as {@code jeras_version} in {@code metadata.json} (Keras ignores extra keys). */
  public static final String JERAS;

  static {
    Properties p = new Properties();
    try (InputStream in = Versions.class.getResourceAsStream("versions.properties")) {
      if (in == null) {
        throw new IllegalStateException("org/jeras/saving/versions.properties is missing from the classpath");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    KERAS = p.getProperty("keras.version");
    JERAS = p.getProperty("jeras.version");
  }

  private Versions() {}
}
