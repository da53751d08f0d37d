package org.jeras.cli;

import java.io.PrintStream;
import picocli.CommandLine.Command;

/** The top-level {@code jeras} command; holds the streams its subcommands print to. */
@Command(name = "jeras", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Reads, runs, exports, times and plots Keras v3 (.keras) models.",
    subcommands = {SummaryCommand.class, InspectCommand.class, PredictCommand.class, ResaveCommand.class,
        ExportCommand.class, BenchCommand.class, PlotCommand.class, picocli.CommandLine.HelpCommand.class})
final class JerasCommand implements Runnable {
  final PrintStream out;
  final PrintStream err;

  JerasCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  JerasCommand() {
    this(System.out, System.err);
  }

  @Override
  public void run() {
    // "jeras" with options only (no command): show what there is.
    out.print(new picocli.CommandLine(this).getUsageMessage());
  }
}
