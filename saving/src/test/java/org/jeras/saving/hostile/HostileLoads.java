package org.jeras.saving.hostile;

import java.nio.file.Path;
import org.jeras.core.model.Input;
import org.jeras.core.model.Sequential;
import org.jeras.layers.core.Dense;
import org.jeras.saving.WeightsFile;

/** The loads that the hostile-file tests run, in this JVM or in a child one ({@code LoadInChild}). */
public final class HostileLoads {
  private HostileLoads() {}

  /** Loads {@code path} into a built Dense(16) on 8 inputs: its kernel is 8x16 float32, 512 bytes. */
  public static void denseWeights(Path path) {
    Sequential m = new Sequential(new Dense(16));
    m.apply(Input.of(8));
    WeightsFile.load(m, path, false);
  }
}
