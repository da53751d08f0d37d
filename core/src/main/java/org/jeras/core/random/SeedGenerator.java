package org.jeras.core.random;

import java.util.SplittableRandom;

/**
 * Keras's {@code keras.random.SeedGenerator}: a seed plus a counter; every {@link #nextStream()}
 * starts a new deterministic stream and advances the counter, so a layer holding one (Dropout, the
 * noise layers) draws different values on each call and the same sequence after each restart.
 * Keras does not save its state with the weights, and neither does Jeras.
 */
public final class SeedGenerator implements Seed {
  private final Long initialSeed;
  private final long seed;
  private long counter;

  /**
   * A generator from {@code seed}; when null, the seed is drawn from {@link Seeds} (as Keras).
   *
   * @param seed the seed, or null
   */
  public SeedGenerator(Long seed) {
    this.initialSeed = seed;
    this.seed = seed == null ? Seeds.makeDefaultSeed() : seed;
  }

  /** {@return the seed given at construction (null when it was drawn), as Keras's config keeps it} */
  public Long initialSeed() {
    return initialSeed;
  }

  @Override
  public synchronized SplittableRandom nextStream() {
    return Seeds.stream(seed, counter++);
  }
}
