package org.jeras.export;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jeras.core.graph.TensorSpec;
import org.jeras.core.tensor.DType;

/** The {@code manifest.json} of an export archive (see the package documentation for the layout). */
record Manifest(List<Endpoint> endpoints, List<Collection> collections) {
  static final String FILE = "manifest.json";
  static final String FORMAT = "jeras-onnx-archive";
  static final int VERSION = 1;

  /** One endpoint: its ONNX file and signature. */
  record Endpoint(String name, String file, List<TensorSpec> inputs, List<TensorSpec> outputs) {}

  /** One variable collection: its npz file and the variable paths in order. */
  record Collection(String name, String file, List<String> variables) {}

  void write(Path dir) throws IOException {
    JsonObject root = new JsonObject();
    root.addProperty("format", FORMAT);
    root.addProperty("version", VERSION);
    root.addProperty("opset", OnnxLowering.OPSET);
    JsonArray eps = new JsonArray();
    for (Endpoint e : endpoints) {
      JsonObject o = new JsonObject();
      o.addProperty("name", e.name());
      o.addProperty("file", e.file());
      o.add("inputs", specs(e.inputs()));
      o.add("outputs", specs(e.outputs()));
      eps.add(o);
    }
    root.add("endpoints", eps);
    JsonArray cols = new JsonArray();
    for (Collection c : collections) {
      JsonObject o = new JsonObject();
      o.addProperty("name", c.name());
      o.addProperty("file", c.file());
      JsonArray names = new JsonArray();
      c.variables().forEach(names::add);
      o.add("variables", names);
      cols.add(o);
    }
    root.add("variable_collections", cols);
    String text = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create().toJson(root);
    Files.writeString(dir.resolve(FILE), text, StandardCharsets.UTF_8);
  }

  static Manifest read(Path dir) throws IOException {
    Path file = dir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      throw new ExportException("Not a Jeras export archive: " + dir + " has no " + FILE);
    }
    JsonObject root;
    try {
      root = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
    } catch (RuntimeException e) {
      throw new ExportException(file + ": not a JSON object (" + e.getMessage() + ")", e);
    }
    if (!root.has("format") || !FORMAT.equals(root.get("format").getAsString())) {
      throw new ExportException(file + ": member 'format' is not '" + FORMAT + "'");
    }
    List<Endpoint> eps = new ArrayList<>();
    for (JsonElement e : root.getAsJsonArray("endpoints")) {
      JsonObject o = e.getAsJsonObject();
      eps.add(new Endpoint(o.get("name").getAsString(), o.get("file").getAsString(), specs(o.getAsJsonArray("inputs")),
          specs(o.getAsJsonArray("outputs"))));
    }
    List<Collection> cols = new ArrayList<>();
    for (JsonElement e : root.getAsJsonArray("variable_collections")) {
      JsonObject o = e.getAsJsonObject();
      List<String> names = new ArrayList<>();
      o.getAsJsonArray("variables").forEach(n -> names.add(n.getAsString()));
      cols.add(new Collection(o.get("name").getAsString(), o.get("file").getAsString(), names));
    }
    return new Manifest(eps, cols);
  }

  private static JsonArray specs(List<TensorSpec> specs) {
    JsonArray a = new JsonArray();
    for (TensorSpec s : specs) {
      JsonObject o = new JsonObject();
      o.addProperty("name", s.name());
      o.addProperty("dtype", s.dtype().kerasName());
      JsonArray shape = new JsonArray();
      for (long d : s.shape()) {
        shape.add(d < 0 ? JsonNull.INSTANCE : new com.google.gson.JsonPrimitive(d));
      }
      o.add("shape", shape);
      a.add(o);
    }
    return a;
  }

  private static List<TensorSpec> specs(JsonArray a) {
    List<TensorSpec> out = new ArrayList<>();
    for (JsonElement e : a) {
      JsonObject o = e.getAsJsonObject();
      JsonArray shape = o.getAsJsonArray("shape");
      long[] dims = new long[shape.size()];
      for (int i = 0; i < dims.length; i++) {
        dims[i] = shape.get(i).isJsonNull() ? -1 : shape.get(i).getAsLong();
      }
      out.add(new TensorSpec(o.get("name").getAsString(), dims, DType.of(o.get("dtype").getAsString())));
    }
    return out;
  }
}
