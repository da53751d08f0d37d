package org.jeras.core.initializers;

import com.google.gson.JsonNull;
import com.google.gson.JsonPrimitive;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.random.Seed;
import org.jeras.core.random.Seeds;

/**
 * Base of the random initializers, with Keras's seeding: an initializer built with a seed, and one
 * built without (which draws its seed from {@link Seeds} once, at construction), returns the same
 * values on every call. The config keeps the seed as given ({@code null} when none was).
 */
public abstract class RandomInitializer implements Initializer {
  private final Long seed;
  private final Seed draws;

  /**
   * An initializer drawing from {@code seed}.
   *
   * @param seed the seed, or null for one drawn from the global seed generator
   */
  protected RandomInitializer(Long seed) {
    this.seed = seed;
    this.draws = Seed.of(seed == null ? Seeds.makeDefaultSeed() : seed);
  }

  /** {@return the seed as configured, or null} */
  public Long seed() {
    return seed;
  }

  /** {@return the fixed seed this initializer samples from} */
  protected Seed draws() {
    return draws;
  }

  /** {@return a config holding the {@code seed} key, to which subclasses add theirs} */
  protected Config seedConfig() {
    return Config.empty().put("seed", seed == null ? JsonNull.INSTANCE : new JsonPrimitive(seed));
  }

  /**
   * The {@code seed} of a config: an integer or null (SeedGenerator seeds are not supported).
   *
   * @param config the initializer's config
   * @return the seed, or null
   */
  protected static Long readSeed(Config config) {
    if (config.isSet("seed") && !config.get("seed").isJsonPrimitive()) {
      throw new ConfigException("Config key 'seed' must be an integer or null; a SeedGenerator seed is not supported, got "
          + config.get("seed"));
    }
    return config.getLongOrNull("seed");
  }

  /** Writes a number as it was given ({@code 2} or {@code 2.0}). */
  static JsonPrimitive number(Number n) {
    return new JsonPrimitive(n);
  }
}
