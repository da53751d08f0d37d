package org.jeras.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "summary", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Print Keras's summary table of a .keras model.")
final class SummaryCommand implements Callable<Integer> {
  @ParentCommand
  JerasCommand root;
  @Mixin
  LoadMixin load;
  @Parameters(paramLabel = "FILE", description = "the .keras file")
  Path file;

  @Override
  public Integer call() {
    Commands.summary(file, load.options(root.err), root.out);
    return 0;
  }
}
