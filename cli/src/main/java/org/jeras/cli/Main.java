package org.jeras.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import org.jeras.core.config.TypedError;
import org.jeras.core.config.Untrusted;
import picocli.CommandLine;

/**
 * The {@code jeras} command line (picocli): {@code summary}, {@code inspect}, {@code predict},
 * {@code resave}, {@code export}, {@code bench} and {@code plot}, each with {@code --help}; {@code --version}.
 * Options may come in any order. {@code --unsafe} / {@code --no-safe-mode} turns Keras's safe mode
 * off (with a warning line on stderr); {@code --classpath JARS} registers the custom objects of the
 * jars' {@link org.jeras.core.config.JerasPlugin}s before loading.
 *
 * <p>Exit status 0 on success, 2 on a usage error, 1 on any other failure (errors such as
 * {@link OutOfMemoryError} included), each failure with exactly one line on stderr and no stack trace.
 */
public final class Main {
  private Main() {}

  /**
   * Runs the {@code jeras} command and exits the JVM with its status.
   *
   * @param args the command and its options
   */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Runs one command.
   *
   * @param args the command and its options
   * @param out where the command's output goes
   * @param err where usage and error lines go
   * @return the exit status: 0 on success, 2 on a usage error, 1 on any other failure
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0) {
      err.println("jeras: missing command");
      err.print(commandLine(out, err).getUsageMessage());
      return 2;
    }
    try {
      return commandLine(out, err).execute(args);
    } catch (Throwable e) {
      // picocli hands Exceptions to the handler below; Errors (OutOfMemoryError, ...) arrive here.
      err.println("jeras: " + oneLine(e));
      return 1;
    }
  }

  private static CommandLine commandLine(PrintStream out, PrintStream err) {
    CommandLine cli = new CommandLine(new JerasCommand(out, err));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    cli.setParameterExceptionHandler((e, args) -> {
      CommandLine c = e.getCommandLine();
      c.getErr().println("jeras: " + Untrusted.escape(e.getMessage(), MAX_MESSAGE_CHARS));
      c.getErr().print(c.getUsageMessage());
      c.getErr().flush();
      return 2;
    });
    cli.setExecutionExceptionHandler((e, c, parsed) -> {
      err.println("jeras: " + oneLine(e));
      return 1;
    });
    return cli;
  }

  /** Longest message printed; file-provided parts are already cut by {@code Untrusted.quote}. */
  private static final int MAX_MESSAGE_CHARS = 2000;

  static String oneLine(Throwable e) {
    String m = e.getMessage();
    if (!(e instanceof TypedError)) {
      // Anything but a typed error is a bug or a resource limit: name its class.
      m = e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
    return Untrusted.escape(m, MAX_MESSAGE_CHARS);
  }
}
