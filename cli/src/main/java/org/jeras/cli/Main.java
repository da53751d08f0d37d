package org.jeras.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.Untrusted;
import org.jeras.core.layer.IncompatibleInputException;
import org.jeras.core.ops.OpShapeException;
import org.jeras.saving.LoadOptions;

/**
 * The {@code jeras} command line:
 *
 * <pre>
 * jeras summary FILE                                   Keras's summary table of a .keras model
 * jeras inspect FILE                                   zip members, metadata, config tree, weight paths
 * jeras predict FILE --input IN.npz --output OUT.npz   x / x0,x1,... in; y / y0,y1,... out
 * jeras resave IN OUT                                  load everything and save it again
 * </pre>
 *
 * {@code --no-safe-mode} (any command that loads) turns Keras's safe mode off, as
 * {@code LoadOptions.withSafeMode(false)}.
 *
 * Exit status 0 on success, 2 on a usage error, 1 on any other failure (errors such as
 * {@link OutOfMemoryError} included), each with exactly one line on stderr and no stack trace.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs one command; returns the exit status. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0) {
      err.println(usage());
      return 2;
    }
    List<String> rest = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
    LoadOptions load = LoadOptions.DEFAULT.withSafeMode(!rest.remove(LoadOptions.NO_SAFE_MODE_FLAG));
    try {
      switch (args[0]) {
        case "summary" -> Commands.summary(path(rest, 0, 1), load, out);
        case "inspect" -> Commands.inspect(path(rest, 0, 1), out);
        case "predict" -> Commands.predict(path(rest, 0, 5), option(rest, "--input"), option(rest, "--output"), load);
        case "resave" -> Commands.resave(path(rest, 0, 2), path(rest, 1, 2), load);
        case "-h", "--help", "help" -> out.println(usage());
        default -> throw new UsageException("unknown command '" + args[0] + "'");
      }
      return 0;
    } catch (UsageException e) {
      err.println("jeras: " + e.getMessage() + "\n" + usage());
      return 2;
    } catch (Throwable e) {
      // Every failure, Errors included, ends as one line: a stack trace is no answer to a bad file.
      err.println("jeras: " + oneLine(e));
      return 1;
    }
  }

  /** Longest message printed; file-provided parts are already cut by {@code Untrusted.quote}. */
  private static final int MAX_MESSAGE_CHARS = 2000;

  static String oneLine(Throwable e) {
    String m = e.getMessage();
    boolean typed = e instanceof ConfigException || e instanceof IncompatibleInputException
        || e instanceof OpShapeException;
    if (!typed) {
      // Anything but a typed error is a bug or a resource limit: name its class.
      m = e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
    return Untrusted.escape(m, MAX_MESSAGE_CHARS);
  }

  private static Path path(List<String> args, int index, int expected) {
    if (args.size() != expected) {
      throw new UsageException("expected " + expected + " argument(s), got " + args.size());
    }
    return Path.of(args.get(index));
  }

  private static Path option(List<String> args, String name) {
    int i = args.indexOf(name);
    if (i < 0 || i + 1 >= args.size()) {
      throw new UsageException("missing " + name + " FILE");
    }
    return Path.of(args.get(i + 1));
  }

  static String usage() {
    return """
        usage: jeras summary FILE [--no-safe-mode]
               jeras inspect FILE
               jeras predict FILE --input IN.npz --output OUT.npz [--no-safe-mode]
               jeras resave IN OUT [--no-safe-mode]""";
  }

  /** A malformed command line. */
  static final class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message);
    }
  }
}
