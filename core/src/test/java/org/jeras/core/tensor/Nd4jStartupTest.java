package org.jeras.core.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jeras.core.model.Sequential;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J's start-up banner stays out of an application's INFO log when the application enters Jeras
 * first, and comes back when the application asks for it. Each case is a fresh JVM, since ND4J starts
 * once per process.
 */
class Nd4jStartupTest {
  private static final String BANNER = "INFO org.nd4j.linalg.factory.Nd4jBackend - Loaded [";

  /** The application: a model first (as in the README), then its own ND4J arrays. */
  public static final class App {
    public static void main(String[] args) {
      new Sequential("probe");
      System.out.println("sum=" + Nd4j.ones(3).sumNumber());
    }
  }

  @Test
  void noBannerAtInfoByDefault() throws Exception {
    String out = runApp();
    assertTrue(out.contains("sum=3"), out);
    assertFalse(out.contains("INFO org.nd4j"), out);
  }

  @Test
  void bannerWhenTheApplicationAsksForIt() throws Exception {
    String out = runApp("-D" + Nd4jStartup.PROPERTY + "=true");
    assertTrue(out.contains("sum=3"), out);
    assertTrue(out.contains(BANNER), out);
  }

  private static String runApp(String... jvmArgs) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=info");
    command.addAll(List.of(jvmArgs));
    command.add(App.class.getName());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the probe JVM did not finish");
    String text = new String(output, StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), text);
    return text;
  }
}
