package org.jeras.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "predict", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Run the model's inference on the arrays of an .npz file and write its outputs to another.")
final class PredictCommand implements Callable<Integer> {
  @ParentCommand
  JerasCommand root;
  @Mixin
  LoadMixin load;
  @Parameters(paramLabel = "FILE", description = "the .keras file")
  Path file;
  @Option(names = "--input", required = true, paramLabel = "IN.npz",
      description = "inputs: array 'x', or 'x0', 'x1', ... for a model with several inputs")
  Path input;
  @Option(names = "--output", required = true, paramLabel = "OUT.npz",
      description = "written: array 'y', or 'y0', 'y1', ... for a model with several outputs")
  Path output;

  @Override
  public Integer call() throws IOException {
    Commands.predict(file, input, output, load.options(root.err));
    return 0;
  }
}
