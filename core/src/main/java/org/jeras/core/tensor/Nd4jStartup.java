package org.jeras.core.tensor;

/**
 * Keeps ND4J's start-up banner (backend, threads, CPU features, build information, logged at INFO by
 * {@code org.nd4j.linalg.factory.Nd4jBackend}, {@code org.nd4j.nativeblas.*},
 * {@code org.nd4j.linalg.cpu.nativecpu.*} and {@code org.nd4j.linalg.api.ops.executioner.*}) out of
 * the application's log, whatever SLF4J binding it uses.
 *
 * <p>A library cannot configure the application's logging binding, so this uses ND4J's own switch,
 * the system property {@value #PROPERTY}: it is set to {@code false} unless the application set it.
 * ND4J reads it once, when its backend starts; so it takes effect when a Jeras class is used before
 * the application's first own ND4J call. Run with {@code -Dorg.nd4j.log.initialization=true} to see
 * the banner, or with {@code =false} to hide it in every case.
 */
public final class Nd4jStartup {
  /** ND4J's property ({@code ND4JSystemProperties.LOG_INITIALIZATION}). */
  public static final String PROPERTY = "org.nd4j.log.initialization";

  private Nd4jStartup() {}

  /** Sets {@value #PROPERTY} to {@code false} unless it is set; idempotent. */
  public static void quietBanner() {
    if (System.getProperty(PROPERTY) == null) {
      System.setProperty(PROPERTY, "false");
    }
  }
}
