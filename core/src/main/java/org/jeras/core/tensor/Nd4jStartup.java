package org.jeras.core.tensor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.nd4j.linalg.factory.Environment;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.slf4j.LoggerFactory;

/**
 * How Jeras starts ND4J: without its start-up banner, and with native thread pools that do not
 * oversubscribe the cores.
 *
 * <p><b>Banner.</b> ND4J logs its backend, threads, CPU features and build at INFO
 * ({@code org.nd4j.linalg.factory.Nd4jBackend}, {@code org.nd4j.nativeblas.*}, ...). A library cannot
 * configure the application's logging binding, so this uses ND4J's own switch, the system property
 * {@value #PROPERTY}: it is set to {@code false} unless the application set it. ND4J reads it once,
 * when its backend starts; so it takes effect when a Jeras class is used before the application's
 * first own ND4J call. Run with {@code -Dorg.nd4j.log.initialization=true} to see the banner.
 *
 * <p><b>Threads.</b> By default ND4J's OpenMP pool and OpenBLAS's pool each take every logical
 * processor, and the two then compete: on a 2-core machine one thread was 2-20 times faster than
 * two (the README's sample: 12-15 s with two, 5-7 s with one). So Jeras gives ND4J's pools
 * (OpenMP, its own master/worker threads, and OpenBLAS) half the logical processors, at least one.
 * The system property {@value #THREADS_PROPERTY} sets another count; an {@code OMP_NUM_THREADS}
 * environment variable, which ND4J applies itself, is left alone.
 *
 * <p><b>Natives.</b> An application may ship ND4J's AVX-512 builds (classifiers
 * {@code linux-x86_64-avx512}, {@code linux-x86_64-onednn-avx512}) beside the generic one: JavaCPP
 * then loads the AVX-512 build, and ND4J refuses to run it on a CPU without AVX-512. So on Linux,
 * where {@code /proc/cpuinfo} tells, a CPU without {@code avx512f} gets the generic build
 * (JavaCPP's system property {@value #EXTENSION_PROPERTY} set to the empty extension) unless the
 * application set that property.
 */
public final class Nd4jStartup {
  /** ND4J's property ({@code ND4JSystemProperties.LOG_INITIALIZATION}). */
  public static final String PROPERTY = "org.nd4j.log.initialization";
  /** The system property that sets the threads of ND4J's native pools (a positive integer). */
  public static final String THREADS_PROPERTY = "jeras.threads";

  /** JavaCPP's choice among the native builds present ({@code ""} generic, {@code "-onednn-avx512"}, ...). */
  public static final String EXTENSION_PROPERTY = "org.bytedeco.javacpp.platform.extension";

  private static volatile boolean started;

  private Nd4jStartup() {}

  /** Sets {@value #PROPERTY} to {@code false} unless it is set; idempotent. */
  public static void quietBanner() {
    if (System.getProperty(PROPERTY) == null) {
      System.setProperty(PROPERTY, "false");
    }
  }

  /**
   * Starts ND4J's backend quietly ({@link #quietBanner}) and sizes its thread pools ({@link #threads});
   * idempotent. Without a backend on the class path this does nothing: the first computation reports it.
   */
  public static void start() {
    quietBanner();
    if (started) {
      return;
    }
    synchronized (Nd4jStartup.class) {
      if (started) {
        return;
      }
      started = true;
      if (System.getProperty(EXTENSION_PROPERTY) == null && lacksAvx512(Path.of("/proc/cpuinfo"))) {
        System.setProperty(EXTENSION_PROPERTY, "");
      }
      OptionalInt n = threads(System.getProperty(THREADS_PROPERTY), System.getenv("OMP_NUM_THREADS"),
          Runtime.getRuntime().availableProcessors());
      if (n.isEmpty()) {
        return;
      }
      Environment env;
      try {
        env = Nd4j.getEnvironment();
      } catch (RuntimeException | LinkageError e) {
        return;
      }
      env.setMaxMasterThreads(n.getAsInt());
      env.setMaxThreads(n.getAsInt());
      Nd4j.factory().blas().setMaxThreads(n.getAsInt());
      if (env.isCPU()) {
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(n.getAsInt());
      }
    }
  }

  /**
   * The thread count Jeras gives ND4J's pools: {@code property} when set, nothing when
   * {@code OMP_NUM_THREADS} is set (ND4J applied it), else half of {@code processors}, at least one.
   * A property that is not a positive integer is reported and ignored.
   *
   * @param property the value of {@value #THREADS_PROPERTY}, or null
   * @param ompNumThreads the value of the environment variable {@code OMP_NUM_THREADS}, or null
   * @param processors the logical processors
   * @return the count to set, or empty to leave ND4J's
   */
  static OptionalInt threads(String property, String ompNumThreads, int processors) {
    if (property != null) {
      try {
        int n = Integer.parseInt(property.trim());
        if (n > 0) {
          return OptionalInt.of(n);
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      LoggerFactory.getLogger(Nd4jStartup.class).warn("Ignoring system property {}={}: not a positive integer",
          THREADS_PROPERTY, property);
    }
    if (ompNumThreads != null && !ompNumThreads.isBlank()) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(Math.max(1, processors / 2));
  }

  /**
   * {@return whether {@code cpuinfo} (Linux's {@code /proc/cpuinfo}) lists processor flags without
   * {@code avx512f}} False when the file cannot be read (other systems): nothing is decided then.
   *
   * @param cpuinfo the file
   */
  static boolean lacksAvx512(Path cpuinfo) {
    try (Stream<String> lines = Files.lines(cpuinfo)) {
      return lines.filter(l -> l.startsWith("flags")).findFirst()
          .map(l -> !(" " + l.substring(l.indexOf(':') + 1) + " ").contains(" avx512f ")).orElse(false);
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
