package org.jeras.core.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.jeras.core.model.Sequential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Jeras sizes ND4J's native thread pools when it starts ND4J: half the logical processors by
 * default, the system property when set, ND4J's own handling when {@code OMP_NUM_THREADS} is set.
 * The live cases run in fresh JVMs (ND4J starts once per process) without {@code OMP_NUM_THREADS}.
 * A CPU without AVX-512 gets ND4J's generic native build.
 */
class Nd4jStartupDefaultsTest {
  /** An application entering Jeras through a model, then printing the pools' sizes. */
  public static final class App {
    public static void main(String[] args) {
      new Sequential("probe");
      System.out.println("threads=" + Nd4j.getEnvironment().maxMasterThreads() + "," + Nd4j.factory().blas().getMaxThreads()
          + "," + NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads());
    }
  }

  @Test
  void theCountFollowsPropertyEnvironmentAndProcessors() {
    assertEquals(OptionalInt.of(1), Nd4jStartup.threads(null, null, 2));
    assertEquals(OptionalInt.of(1), Nd4jStartup.threads(null, null, 1));
    assertEquals(OptionalInt.of(8), Nd4jStartup.threads(null, null, 16));
    assertEquals(OptionalInt.of(3), Nd4jStartup.threads("3", null, 2));
    assertEquals(OptionalInt.of(3), Nd4jStartup.threads("3", "1", 2));
    assertEquals(OptionalInt.empty(), Nd4jStartup.threads(null, "2", 16));
    assertEquals(OptionalInt.of(2), Nd4jStartup.threads("zero", null, 4));
    assertEquals(OptionalInt.of(2), Nd4jStartup.threads("0", null, 4));
  }

  @Test
  void cpusWithoutAvx512GetTheGenericBuild(@TempDir Path dir) throws Exception {
    Path avx512 = Files.writeString(dir.resolve("a"), "processor\t: 0\nflags\t\t: fpu sse2 avx2 avx512f avx512dq\n");
    Path avx2 = Files.writeString(dir.resolve("b"), "processor\t: 0\nflags\t\t: fpu sse2 avx2 avx512_bf16\n");
    assertFalse(Nd4jStartup.lacksAvx512(avx512));
    assertTrue(Nd4jStartup.lacksAvx512(avx2));
    assertFalse(Nd4jStartup.lacksAvx512(dir.resolve("missing")), "no cpuinfo: nothing decided");
    assertFalse(Nd4jStartup.lacksAvx512(Files.writeString(dir.resolve("c"), "processor\t: 0\n")));
  }

  @Test
  void defaultIsHalfTheProcessors() throws Exception {
    int n = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    assertEquals("threads=" + n + "," + n + "," + n, probe());
  }

  @Test
  void thePropertySetsTheCount() throws Exception {
    assertEquals("threads=2,2,2", probe("-D" + Nd4jStartup.THREADS_PROPERTY + "=2"));
  }

  private static String probe(String... jvmArgs) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.addAll(List.of(jvmArgs));
    command.add(App.class.getName());
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().remove("OMP_NUM_THREADS");
    Process process = pb.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the probe JVM did not finish");
    assertEquals(0, process.exitValue(), out);
    return out.lines().filter(l -> l.startsWith("threads=")).findFirst().orElse(out);
  }
}
