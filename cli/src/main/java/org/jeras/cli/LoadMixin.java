package org.jeras.cli;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jeras.core.config.JerasPlugin;
import org.jeras.saving.LoadOptions;
import picocli.CommandLine.Option;

/** The options of every command that loads a model: safe mode and the user's jars. */
final class LoadMixin {
  @Option(names = {"--unsafe", LoadOptions.NO_SAFE_MODE_FLAG},
      description = "Turn Keras's safe mode off: serialized Python code (lambdas) is no longer refused."
          + " Only for files you trust.")
  boolean unsafe;

  @Option(names = {"--classpath", "-cp"}, paramLabel = "JARS",
      description = "Jars (separated by '${sys:path.separator}' or ',') with the file's custom classes; their"
          + " org.jeras.core.config.JerasPlugin services register them before the load.")
  String classpath;

  /** The load options; warns on {@code err} when safe mode is off and registers the jars' plugins. */
  LoadOptions options(java.io.PrintStream err) {
    if (unsafe) {
      err.println("jeras: warning: safe mode is off; code serialized in the file may run");
    }
    if (classpath != null) {
      registerPlugins(classpath);
    }
    return LoadOptions.DEFAULT.withSafeMode(!unsafe);
  }

  private static void registerPlugins(String classpath) {
    List<URL> urls = new ArrayList<>();
    for (String part : classpath.split("[,\\Q" + File.pathSeparator + "\\E]")) {
      if (part.isBlank()) {
        continue;
      }
      Path jar = Path.of(part.strip());
      if (!Files.exists(jar)) {
        throw new CommandException("--classpath: no such file or directory: " + jar);
      }
      try {
        urls.add(jar.toUri().toURL());
      } catch (MalformedURLException e) {
        throw new CommandException("--classpath: " + jar + ": " + e.getMessage());
      }
    }
    // Never closed: the registered factories keep using the jars' classes for the whole run.
    URLClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), LoadMixin.class.getClassLoader());
    Thread.currentThread().setContextClassLoader(loader);
    if (JerasPlugin.registerAll(loader).isEmpty()) {
      throw new CommandException("--classpath " + classpath + ": no " + JerasPlugin.class.getName()
          + " service in the jars (list one in META-INF/services/" + JerasPlugin.class.getName() + ")");
    }
  }
}
