package org.jeras.saving.h5;

/** Keeps jHDF's per-object INFO logging out of the application's logs. */
final class Quiet {
  private Quiet() {}

  /**
   * Raises jHDF's log level to WARN for slf4j-simple (the binding Jeras tests use) unless the
   * application configured it; other bindings are configured by their own files.
   */
  static void jhdfLogging() {
    String key = "org.slf4j.simpleLogger.log.io.jhdf";
    if (System.getProperty(key) == null) {
      System.setProperty(key, "warn");
    }
  }
}
