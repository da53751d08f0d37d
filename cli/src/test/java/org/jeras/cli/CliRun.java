package org.jeras.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jeras.core.model.Input;
import org.jeras.core.model.Sequential;
import org.jeras.layers.core.Dense;
import org.jeras.saving.KerasFile;

/** Runs {@link Main#run} in-process and keeps what it printed; shared by the command tests. */
record CliRun(int status, String out, String err) {
  static CliRun of(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new CliRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Exit 1 with exactly one line on stderr. */
  void assertOneFailureLine() {
    assertEquals(1, status, err);
    assertTrue(err.endsWith("\n") && err.indexOf('\n') == err.length() - 1, err);
  }

  /** A Sequential Dense(4) on 8 inputs saved by Jeras at {@code dir/name}. */
  static Path denseModel(Path dir, String name) {
    Sequential m = new Sequential(new Dense(4));
    m.apply(Input.of(8));
    Path p = dir.resolve(name);
    KerasFile.save(m, p);
    return p;
  }
}
