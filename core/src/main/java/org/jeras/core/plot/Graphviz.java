package org.jeras.core.plot;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs Graphviz's {@code dot} on DOT text to write a PNG, as pydot does for Keras's {@code plot_model}. */
public final class Graphviz {
  /** Most bytes of {@code dot}'s messages kept for the error. */
  private static final int MAX_MESSAGE_BYTES = 4096;

  private Graphviz() {}

  /** {@return the {@code dot} executable on the {@code PATH}, if there is one} */
  public static Optional<Path> findDot() {
    return findDot(System.getenv("PATH"));
  }

  /**
   * The {@code dot} executable in the directories of {@code path} (a PATH-style list), if there is one.
   *
   * @param path a PATH-style list of directories
   * @return the executable, or empty
   */
  public static Optional<Path> findDot(String path) {
    if (path == null) {
      return Optional.empty();
    }
    boolean windows = System.getProperty("os.name", "").toLowerCase().startsWith("windows");
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isBlank()) {
        continue;
      }
      try {
        Path exe = Path.of(dir, windows ? "dot.exe" : "dot");
        if (Files.isRegularFile(exe) && Files.isExecutable(exe)) {
          return Optional.of(exe);
        }
      } catch (RuntimeException e) {
        // A malformed PATH entry is skipped, as a shell would.
      }
    }
    return Optional.empty();
  }

  /**
   * Runs {@code dot -Tpng -o png} with {@code dotText} on its input; throws {@link PlotException}
   * with dot's first message line if it fails, and stops it after {@code timeout}.
   *
   * @param dot the {@code dot} executable
   * @param dotText the DOT text
   * @param png the PNG file to write
   * @param timeout how long dot may run
   */
  public static void render(Path dot, String dotText, Path png, Duration timeout) {
    ProcessBuilder pb = new ProcessBuilder(dot.toString(), "-Tpng", "-o", png.toAbsolutePath().toString());
    pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new PlotException("Cannot run " + dot + ": " + e.getMessage(), e);
    }
    ByteArrayOutputStream messages = new ByteArrayOutputStream();
    // Read on another thread so a chatty dot cannot block on a full pipe while we wait for it.
    Thread reader = new Thread(() -> drain(p.getErrorStream(), messages), "dot-stderr");
    reader.setDaemon(true);
    reader.start();
    try {
      try (OutputStream in = p.getOutputStream()) {
        in.write(dotText.getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        // dot stopped reading (it failed early): its exit status and message say why.
      }
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new PlotException(dot + " did not finish within " + timeout.toSeconds() + " s; nothing written to " + png);
      }
      reader.join(1000);
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new PlotException("Interrupted while running " + dot, e);
    }
    if (p.exitValue() != 0) {
      String msg;
      synchronized (messages) {
        msg = messages.toString(StandardCharsets.UTF_8).strip();
      }
      int nl = msg.indexOf('\n');
      throw new PlotException(dot + " failed (exit " + p.exitValue() + ")"
          + (msg.isEmpty() ? "" : ": " + (nl < 0 ? msg : msg.substring(0, nl))));
    }
    if (!Files.isRegularFile(png)) {
      throw new PlotException(dot + " exited without writing " + png);
    }
  }

  private static void drain(InputStream s, ByteArrayOutputStream into) {
    byte[] buf = new byte[1024];
    try (s) {
      for (int n; (n = s.read(buf)) >= 0; ) {
        synchronized (into) {
          into.write(buf, 0, Math.min(n, Math.max(0, MAX_MESSAGE_BYTES - into.size())));
        }
      }
    } catch (IOException e) {
      // The process is gone; what was read is all there is.
    }
  }
}
