package org.jeras.saving.h5;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;

/** The fixture manifests' cases. */
public final class FixtureCases {
  private FixtureCases() {}

  /** The cases with status ok in {@code dir/manifest.json}. */
  public static List<JsonObject> ok(Path dir) throws IOException {
    JsonObject m = JsonParser.parseString(Files.readString(dir.resolve("manifest.json"))).getAsJsonObject();
    List<JsonObject> out = new ArrayList<>();
    for (JsonElement e : m.getAsJsonArray("cases")) {
      if ("ok".equals(e.getAsJsonObject().get("status").getAsString())) {
        out.add(e.getAsJsonObject());
      }
    }
    return out;
  }

  public static byte[] zipMember(Path zip, String member) throws IOException {
    try (ZipFile z = new ZipFile(zip.toFile())) {
      return z.getInputStream(z.getEntry(member)).readAllBytes();
    }
  }
}
