package org.jeras.core.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphvizTest {
  @TempDir
  Path dir;

  private Path script(String name, String body) throws Exception {
    assumeFalse(System.getProperty("os.name", "").toLowerCase().startsWith("windows"), "shell scripts");
    Path bin = Files.createDirectories(dir.resolve(name));
    Path dot = bin.resolve("dot");
    Files.writeString(dot, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(dot, PosixFilePermissions.fromString("rwxr-xr-x"));
    return dot;
  }

  @Test
  void dotIsFoundOnlyAsAnExecutableOnThePath() throws Exception {
    Path dot = script("bin", "exit 0");
    Path empty = Files.createDirectories(dir.resolve("empty"));
    Path plain = Files.createDirectories(dir.resolve("plain"));
    Files.writeString(plain.resolve("dot"), "not executable");
    assertEquals(Optional.of(dot), Graphviz.findDot(empty + File.pathSeparator + plain + File.pathSeparator + dot.getParent()));
    assertEquals(Optional.empty(), Graphviz.findDot(empty + File.pathSeparator + plain));
    assertEquals(Optional.empty(), Graphviz.findDot(null));
  }

  @Test
  void aFailingDotGivesItsFirstMessageLine() throws Exception {
    Path dot = script("fail", "cat > /dev/null; echo 'Error: <stdin>: syntax error in line 3' >&2; echo more >&2; exit 3");
    PlotException e = assertThrows(PlotException.class,
        () -> Graphviz.render(dot, "digraph G {}", dir.resolve("x.png"), Duration.ofSeconds(20)));
    assertTrue(e.getMessage().endsWith("failed (exit 3): Error: <stdin>: syntax error in line 3"), e.getMessage());
  }

  @Test
  void aHangingDotIsStopped() throws Exception {
    Path dot = script("hang", "exec sleep 30");
    long t0 = System.nanoTime();
    PlotException e = assertThrows(PlotException.class,
        () -> Graphviz.render(dot, "digraph G {}", dir.resolve("x.png"), Duration.ofSeconds(1)));
    assertTrue(e.getMessage().contains("did not finish within 1 s"), e.getMessage());
    assertTrue(System.nanoTime() - t0 < 15_000_000_000L);
    assertFalse(Files.exists(dir.resolve("x.png")));
  }

  @Test
  void aDotThatWritesNothingIsAnError() throws Exception {
    Path dot = script("silent", "cat > /dev/null; exit 0");
    PlotException e = assertThrows(PlotException.class,
        () -> Graphviz.render(dot, "digraph G {}", dir.resolve("x.png"), Duration.ofSeconds(20)));
    assertTrue(e.getMessage().contains("exited without writing"), e.getMessage());
  }

  @Test
  void labelsAndIdsFromFilesAreEscaped() {
    assertEquals("\"a\\\"b\\\\c\uFFFD\"", DotWriter.quote("a\"b\\c\n"));
    assertEquals("&lt;b&gt;x&amp;y&quot;&#39;\uFFFD", DotWriter.html("<b>x&y\"'\u0007"));
  }
}
