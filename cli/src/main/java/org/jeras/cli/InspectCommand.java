package org.jeras.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "inspect", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Print a .keras file's zip members, metadata, config tree and weight paths.",
        "Reads headers only: no layer is built, no weight is read and ND4J is not started."})
final class InspectCommand implements Callable<Integer> {
  @ParentCommand
  JerasCommand root;
  @Parameters(paramLabel = "FILE", description = "the .keras file")
  Path file;

  @Override
  public Integer call() {
    Commands.inspect(file, root.out);
    return 0;
  }
}
