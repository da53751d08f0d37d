package org.jeras.core.random;

import java.util.SplittableRandom;

/**
 * Where a random op gets its randomness, as the {@code seed} argument of Keras's random functions:
 * a fixed integer ({@link #of(long)}: the same values on every call) or a {@link SeedGenerator}
 * (a new stream on every call). Ops given a null seed use {@link Seeds#globalGenerator()}.
 */
public interface Seed {
  /** {@return the generator of the next draw} */
  SplittableRandom nextStream();

  /**
   * A fixed seed: every draw starts the same stream, as a Keras integer seed does.
   *
   * @param seed the seed
   * @return the fixed seed
   */
  static Seed of(long seed) {
    return () -> Seeds.stream(seed, 0);
  }
}
