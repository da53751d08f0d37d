package org.jeras.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Time loading a .keras model and predictOnBatch on random inputs shaped like its inputs.",
        "Prints the load time, then one line per batch size: median and p90 latency after the warm-up,"
            + " heap used and off-heap memory (resident set less heap used)."})
final class BenchCommand implements Callable<Integer> {
  @ParentCommand
  JerasCommand root;
  @Mixin
  LoadMixin load;
  @Parameters(paramLabel = "FILE", description = "the .keras file")
  Path file;
  @Option(names = "--batch", split = ",", paramLabel = "N", defaultValue = "1,32",
      description = "batch sizes, comma separated (default: ${DEFAULT-VALUE})")
  List<Integer> batches;
  @Option(names = "--warmup", paramLabel = "N", defaultValue = "10",
      description = "untimed calls per batch size first (default: ${DEFAULT-VALUE})")
  int warmup;
  @Option(names = "--iterations", paramLabel = "N", defaultValue = "50",
      description = "timed calls per batch size (default: ${DEFAULT-VALUE})")
  int iterations;

  @Override
  public Integer call() {
    for (int b : batches) {
      if (b < 1) {
        throw new CommandException("--batch: batch sizes must be at least 1, got " + b);
      }
    }
    if (warmup < 0 || iterations < 1) {
      throw new CommandException("--warmup must be >= 0 and --iterations >= 1, got " + warmup + " and " + iterations);
    }
    Bench.run(file, load.options(root.err).withCompile(false), batches, warmup, iterations, root.out);
    return 0;
  }
}
