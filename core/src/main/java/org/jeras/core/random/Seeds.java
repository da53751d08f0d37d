package org.jeras.core.random;

import java.util.SplittableRandom;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The global random state, as {@code keras.utils.set_random_seed} sets it: the generator of
 * default seeds (Keras draws those from Python's {@code random} when an initializer or a
 * {@link SeedGenerator} is built without a seed) and the global {@link SeedGenerator} that random
 * ops use when given no seed. Without {@link #setGlobalSeed}, both start from system entropy.
 */
public final class Seeds {
  private static SplittableRandom defaults = new SplittableRandom();
  private static SeedGenerator global;

  private Seeds() {}

  /**
   * Makes every later unseeded initializer, {@link SeedGenerator} and random op reproducible; also
   * seeds ND4J's own generator (Keras seeds the backend's).
   *
   * @param seed the global seed
   */
  public static synchronized void setGlobalSeed(long seed) {
    defaults = new SplittableRandom(seed);
    global = null; // recreated from the new default seeds, as Keras does
    Nd4j.getRandom().setSeed(seed);
  }

  /** {@return a seed in [1, 1e9] from the default-seed generator (Keras's {@code make_default_seed})} */
  public static synchronized long makeDefaultSeed() {
    return defaults.nextLong(1, 1_000_000_001L);
  }

  /** {@return the generator random ops use when no seed is given} */
  public static synchronized SeedGenerator globalGenerator() {
    if (global == null) {
      global = new SeedGenerator(null);
    }
    return global;
  }

  /** The stream of draw {@code counter} of {@code seed}; distinct pairs give independent streams. */
  static SplittableRandom stream(long seed, long counter) {
    return new SplittableRandom(mix(mix(seed) + counter * 0x9E3779B97F4A7C15L));
  }

  // The SplitMix64 finalizer: nearby (seed, counter) pairs map to unrelated states.
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
