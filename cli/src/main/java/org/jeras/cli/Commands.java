package org.jeras.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.Untrusted;
import org.jeras.core.io.Npz;
import org.jeras.core.layer.Layer;
import org.jeras.core.model.Model;
import org.jeras.core.tensor.Shape;
import org.jeras.saving.KerasFile;
import org.jeras.saving.LoadOptions;
import org.jeras.saving.archive.KerasArchive;
import org.jeras.saving.h5.H5Reader;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The commands of {@link Main}, one method each. */
final class Commands {
  private Commands() {}

  static void summary(Path file, LoadOptions load, PrintStream out) {
    out.print(model(file, load).summaryString());
  }

  static void predict(Path file, Path input, Path output, LoadOptions load) throws IOException {
    Model model = model(file, load.withCompile(false));
    Map<String, INDArray> in = Npz.read(input);
    List<INDArray> xs = new ArrayList<>();
    if (in.containsKey("x")) {
      xs.add(in.get("x"));
    } else {
      for (int i = 0; in.containsKey("x" + i); i++) {
        xs.add(in.get("x" + i));
      }
    }
    if (xs.isEmpty()) {
      throw new ConfigException(input + ": no array 'x' (or 'x0', 'x1', ...) in the input");
    }
    List<INDArray> ys = model.predictOnBatch(xs);
    Map<String, INDArray> result = new LinkedHashMap<>();
    if (ys.size() == 1) {
      result.put("y", ys.get(0));
    } else {
      for (int i = 0; i < ys.size(); i++) {
        result.put("y" + i, ys.get(i));
      }
    }
    Npz.write(output, result);
  }

  static void resave(Path in, Path out, LoadOptions load) {
    KerasFile.save(KerasFile.load(in, load), out);
  }

  static void inspect(Path file, PrintStream out) {
    try (KerasArchive archive = KerasArchive.open(file)) {
      out.println("members:");
      for (String m : archive.members()) {
        out.println("  " + Untrusted.escape(m, Integer.MAX_VALUE));
      }
      archive.metadataJson().ifPresent(m -> out.println("metadata: " + Untrusted.escape(m.strip(), Integer.MAX_VALUE)));
      out.println("config:");
      JsonObject config = JsonParser.parseString(archive.configJson()).getAsJsonObject();
      tree(config, "  ", out);
      if (config.has("compile_config") && config.get("compile_config").isJsonObject()
          && config.getAsJsonObject("compile_config").size() > 0) {
        out.println("compile_config: " + new GsonBuilder().disableHtmlEscaping().create().toJson(config.get("compile_config")));
      }
      if (archive.has(KerasArchive.WEIGHTS_H5)) {
        out.println("weights (" + KerasArchive.WEIGHTS_H5 + "):");
        try (H5Reader h5 = H5Reader.fromBytes(archive.read(KerasArchive.WEIGHTS_H5), file + ":" + KerasArchive.WEIGHTS_H5)) {
          weights(h5, out);
        }
      }
    }
  }

  /** One line per serialized object: class name and layer name, nested layers indented. */
  private static void tree(JsonObject dict, String indent, PrintStream out) {
    JsonObject cfg = dict.has("config") && dict.get("config").isJsonObject() ? dict.getAsJsonObject("config") : new JsonObject();
    String name = cfg.has("name") && cfg.get("name").isJsonPrimitive() ? " \"" + cfg.get("name").getAsString() + "\"" : "";
    String registered = dict.has("registered_name") && !dict.get("registered_name").isJsonNull()
        ? " [" + dict.get("registered_name").getAsString() + "]" : "";
    String build = dict.has("build_config") ? " build=" + dict.get("build_config") : "";
    // Names from the file are escaped: printing them raw would let a file drive the terminal.
    out.println(indent + Untrusted.escape(dict.get("class_name").getAsString() + name + registered + build,
        Integer.MAX_VALUE));
    if (cfg.has("layers") && cfg.get("layers").isJsonArray()) {
      for (JsonElement l : cfg.getAsJsonArray("layers")) {
        tree(l.getAsJsonObject(), indent + "  ", out);
      }
    }
    for (String key : List.of("layer", "forward_layer", "backward_layer", "cell")) {
      if (cfg.has(key) && cfg.get(key).isJsonObject() && cfg.getAsJsonObject(key).has("class_name")) {
        tree(cfg.getAsJsonObject(key), indent + "  ", out);
      }
    }
  }

  /** One line per dataset, from its header: the data is never read, so inspecting a huge file is cheap. */
  private static void weights(H5Reader h5, PrintStream out) {
    for (String path : h5.datasetPaths()) {
      out.println("  " + Untrusted.escape(path, Integer.MAX_VALUE) + " " + Shape.of(h5.shape(path)).toNullableList() + " "
          + h5.dtype(path).kerasName());
    }
  }

  static Model model(Path file, LoadOptions load) {
    Layer layer = KerasFile.load(file, load);
    if (!(layer instanceof Model m)) {
      throw new ConfigException(file + " holds a " + layer.className() + ", not a model");
    }
    return m;
  }
}
