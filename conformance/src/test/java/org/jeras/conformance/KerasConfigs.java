package org.jeras.conformance;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;

/** Reads the {@code config.json} of a fixture's {@code .keras} archive and finds objects in it. */
public final class KerasConfigs {
  private KerasConfigs() {}

  /** The parsed {@code config.json} of {@code NAME.keras}. */
  public static JsonObject of(String fixture) {
    try (ZipFile zip = new ZipFile(Fixtures.file(fixture + ".keras").toFile())) {
      try (var reader = new InputStreamReader(zip.getInputStream(zip.getEntry("config.json")), StandardCharsets.UTF_8)) {
        return JsonParser.parseReader(reader).getAsJsonObject();
      }
    } catch (IOException e) {
      throw new AssertionError("Cannot read config.json of fixture " + fixture, e);
    }
  }

  /** Every dict in the fixture's config with the given {@code module} and {@code class_name}. */
  public static List<JsonObject> find(String fixture, String module, String className) {
    List<JsonObject> out = new ArrayList<>();
    collect(of(fixture), module, className, out);
    return out;
  }

  private static void collect(JsonElement e, String module, String className, List<JsonObject> out) {
    if (e.isJsonObject()) {
      JsonObject o = e.getAsJsonObject();
      if (o.has("class_name") && o.has("module") && o.get("module").isJsonPrimitive()
          && module.equals(o.get("module").getAsString()) && className.equals(o.get("class_name").getAsString())) {
        out.add(o);
      }
      for (Map.Entry<String, JsonElement> m : o.entrySet()) {
        collect(m.getValue(), module, className, out);
      }
    } else if (e.isJsonArray()) {
      e.getAsJsonArray().forEach(x -> collect(x, module, className, out));
    }
  }
}
