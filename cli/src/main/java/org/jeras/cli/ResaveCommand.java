package org.jeras.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "resave", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Load everything in a .keras file or a Keras 2 / legacy .h5 model file (model, weights, "
        + "optimizer) and save it again as .keras.")
final class ResaveCommand implements Callable<Integer> {
  @ParentCommand
  JerasCommand root;
  @Mixin
  LoadMixin load;
  @Parameters(index = "0", paramLabel = "IN", description = "the .keras (or legacy .h5) file to read")
  Path in;
  @Parameters(index = "1", paramLabel = "OUT", description = "the .keras file to write")
  Path out;

  @Override
  public Integer call() {
    Commands.resave(in, out, load.options(root.err));
    return 0;
  }
}
