package org.jeras.saving.archive;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.jeras.core.config.ConfigException;
import org.jeras.saving.Versions;

/**
 * {@code metadata.json}: {@code keras_version} and {@code date_saved} as Keras writes them, plus
 * {@code jeras_version}. Keras itself never reads this file when loading.
 */
public record Metadata(String kerasVersion, String dateSaved, String jerasVersion) {
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd@HH:mm:ss");

  /**
   * {@return the metadata of a save happening at {@code now} (local time, as Keras)}
   *
   * @param now the save time
   */
  public static Metadata now(LocalDateTime now) {
    return new Metadata(Versions.KERAS, DATE.format(now), Versions.JERAS);
  }

  /** {@return this metadata as the text of {@code metadata.json}, written as Keras writes it} */
  public String toJson() {
    JsonObject o = new JsonObject();
    o.addProperty("keras_version", kerasVersion);
    o.addProperty("date_saved", dateSaved);
    if (jerasVersion != null) {
      o.addProperty("jeras_version", jerasVersion);
    }
    return PythonJson.dumps(o);
  }

  /**
   * Parses a {@code metadata.json}; absent keys are null.
   *
   * @param json the text of a {@code metadata.json}
   * @return the parsed metadata
   */
  public static Metadata parse(String json) {
    try {
      JsonObject o = JsonParser.parseString(json).getAsJsonObject();
      return new Metadata(str(o, "keras_version"), str(o, "date_saved"), str(o, "jeras_version"));
    } catch (RuntimeException e) {
      throw new ConfigException("Invalid metadata.json: " + e.getMessage(), e);
    }
  }

  private static String str(JsonObject o, String key) {
    return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsString() : null;
  }
}
