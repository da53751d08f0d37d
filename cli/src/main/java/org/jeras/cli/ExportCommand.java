package org.jeras.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jeras.core.model.Model;
import org.jeras.export.ExportArchive;
import org.jeras.export.ExportFormat;
import org.jeras.export.ExportedModel;
import org.jeras.export.Exporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Export the model's inference call (endpoint 'serve') as a standalone artifact, as Keras's"
        + " model.export, and print its endpoints and signatures.",
        "The artifact runs without Jeras or the model's classes (ONNX: on ONNX Runtime; tf_saved_model: on"
            + " TensorFlow, tf.saved_model.load or TensorFlow Serving)."})
final class ExportCommand implements Callable<Integer> {
  /** The formats named as Keras names them. */
  enum Format { onnx, tf_saved_model }

  @ParentCommand
  JerasCommand root;
  @Mixin
  LoadMixin load;
  @Parameters(index = "0", paramLabel = "MODEL", description = "the .keras file")
  Path file;
  @Parameters(index = "1", paramLabel = "OUT", description = "the directory to write")
  Path out;
  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "onnx",
      description = "onnx (default) or tf_saved_model")
  Format format;

  @Override
  public Integer call() {
    Model model = Commands.model(file, load.options(root.err).withCompile(false));
    if (format == Format.tf_saved_model) {
      ExportArchive archive = Exporter.export(model, out, ExportFormat.TF_SAVED_MODEL);
      root.out.println("Saved artifact at '" + out + "'. The following endpoints are available:");
      root.out.print(archive.describe());
      return 0;
    }
    Exporter.export(model, out, ExportFormat.ONNX);
    // Reloaded on ONNX Runtime: the printed signatures are those of the artifact as written.
    try (ExportedModel exported = ExportedModel.load(out)) {
      root.out.println("Saved artifact at '" + out + "'. The following endpoints are available:");
      root.out.print(exported.describe());
    }
    return 0;
  }
}
