package org.jeras.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.jeras.core.config.JerasPlugin;
import org.jeras.core.layer.Layer;
import org.jeras.core.model.Input;
import org.jeras.core.model.Sequential;
import org.jeras.saving.KerasFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --classpath JARS}: a file naming a custom layer loads once the user's jar, with its
 * {@link JerasPlugin} service, is given; without it the load names the unregistered class.
 */
class ClasspathPluginTest {
  @TempDir
  Path tmp;

  private static final String LAYER = """
      package cliplugin;
      public class MyDense extends org.jeras.layers.core.Dense {
        public MyDense(int units) { super(units); }
      }
      """;
  private static final String PLUGIN = """
      package cliplugin;
      public class Plugin implements org.jeras.core.config.JerasPlugin {
        @Override public void register() {
          org.jeras.core.config.Registry.register("cli_test", "MyDense", MyDense.class,
              c -> new MyDense(c.getInt("units")).withBaseConfig(c));
        }
      }
      """;

  @Test
  void theJarsPluginRegistersTheCustomLayer() throws Exception {
    Path jar = pluginJar();
    Path model = customModel(jar);
    CliRun without = CliRun.of("summary", model.toString());
    without.assertOneFailureLine();
    assertTrue(without.err().contains("MyDense"), without.err());

    CliRun with = CliRun.of("summary", model.toString(), "--classpath", jar.toString());
    assertEquals(0, with.status(), with.err());
    assertTrue(with.out().contains("(MyDense)"), with.out());
  }

  @Test
  void aJarWithoutPluginOrAMissingJarIsOneLine() throws Exception {
    Path model = customModel(pluginJar());
    Path empty = tmp.resolve("empty.jar");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(empty))) {
      z.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
      z.write("Manifest-Version: 1.0\n".getBytes(StandardCharsets.UTF_8));
    }
    CliRun none = CliRun.of("summary", model.toString(), "--classpath", empty.toString());
    none.assertOneFailureLine();
    assertTrue(none.err().contains("no " + JerasPlugin.class.getName() + " service"), none.err());
    CliRun missing = CliRun.of("summary", model.toString(), "--classpath", tmp.resolve("nope.jar").toString());
    missing.assertOneFailureLine();
    assertTrue(missing.err().contains("nope.jar"), missing.err());
  }

  /**
   * A model of one MyDense (loaded from {@code jar} here, never registered in this JVM) whose config
   * names it {@code cli_test>MyDense}, as a file saved with the class registered does.
   */
  private Path customModel(Path jar) throws Exception {
    Path plain = tmp.resolve("plain.keras");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
      Layer dense = (Layer) loader.loadClass("cliplugin.MyDense").getConstructor(int.class).newInstance(4);
      Sequential m = new Sequential(dense);
      m.apply(Input.of(8));
      KerasFile.save(m, plain);
    }
    Path custom = tmp.resolve("custom.keras");
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(plain));
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(custom))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        byte[] data = in.readAllBytes();
        if (e.getName().equals("config.json")) {
          JsonObject config = JsonParser.parseString(new String(data, StandardCharsets.UTF_8)).getAsJsonObject();
          for (JsonElement l : config.getAsJsonObject("config").getAsJsonArray("layers")) {
            JsonObject layer = l.getAsJsonObject();
            if (layer.get("class_name").getAsString().equals("MyDense")) {
              layer.addProperty("registered_name", "cli_test>MyDense");
              // MyDense takes units only: the keys its from_config would refuse go, as a custom layer's would.
              JsonObject cfg = layer.getAsJsonObject("config");
              for (String k : List.of("activation", "use_bias", "kernel_initializer", "bias_initializer",
                  "kernel_regularizer", "bias_regularizer", "kernel_constraint", "bias_constraint",
                  "quantization_config")) {
                cfg.remove(k);
              }
            }
          }
          data = config.toString().getBytes(StandardCharsets.UTF_8);
        }
        out.putNextEntry(new ZipEntry(e.getName()));
        out.write(data);
      }
    }
    return custom;
  }

  /** Compiles the layer and its plugin against this test's class path into a jar with the service entry. */
  private Path pluginJar() throws IOException {
    Path jar = tmp.resolve("plugin.jar");
    if (Files.exists(jar)) {
      return jar;
    }
    Path src = Files.createDirectories(tmp.resolve("src/cliplugin"));
    Files.writeString(src.resolve("MyDense.java"), LAYER);
    Files.writeString(src.resolve("Plugin.java"), PLUGIN);
    Path classes = Files.createDirectories(tmp.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int rc = javac.run(null, null, null, "-cp", System.getProperty("java.class.path"), "-d", classes.toString(),
        src.resolve("MyDense.java").toString(), src.resolve("Plugin.java").toString());
    assertEquals(0, rc, "javac");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(jar))) {
      for (String c : List.of("cliplugin/MyDense.class", "cliplugin/Plugin.class")) {
        z.putNextEntry(new ZipEntry(c));
        try (InputStream in = Files.newInputStream(classes.resolve(c))) {
          in.transferTo(z);
        }
      }
      z.putNextEntry(new ZipEntry("META-INF/services/" + JerasPlugin.class.getName()));
      z.write("cliplugin.Plugin\n".getBytes(StandardCharsets.UTF_8));
    }
    return jar;
  }
}
