package org.jeras.core.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a test's {@code main} in a fresh JVM with a small heap and its own temporary directory, so
 * that tests can check that hostile files fail with typed errors (not {@link OutOfMemoryError})
 * under {@code -Xmx1g}, in bounded time, leaving no temporary files.
 */
public final class ChildJvm {
  /** What the child printed and how it ended. */
  public record Result(int status, String out, String err, double seconds) {}

  private ChildJvm() {}

  /** Runs {@code main} with {@code -Xmx<heap>} and {@code java.io.tmpdir=tmpDir}, killing it after {@code timeoutSeconds}. */
  public static Result run(Class<?> main, String heap, Path tmpDir, int timeoutSeconds, String... args)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + heap, "-Djava.io.tmpdir=" + tmpDir, "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
        "-cp", System.getProperty("java.class.path"), main.getName()));
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile("child", ".out");
    Path err = Files.createTempFile("child", ".err");
    long start = System.nanoTime();
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
    if (!done) {
      p.destroyForcibly().waitFor();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Result r = new Result(done ? p.exitValue() : -1, Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8), seconds);
    Files.delete(out);
    Files.delete(err);
    return r;
  }
}
