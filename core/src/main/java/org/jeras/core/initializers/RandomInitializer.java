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

  protected RandomInitializer(Long seed) {
    this.seed = seed;
    this.draws = Seed.of(seed == null ? Seeds.makeDefaultSeed() : seed);
  }

  /** The seed as configured, or null. */
  public Long seed() {
    return seed;
  }

  /** The fixed seed this initializer samples from. */
  protected Seed draws() {
    return draws;
  }

  /** A config holding the {@code seed} key, to which subclasses add theirs. */
  protected Config seedConfig() {
    return Config.empty().put("seed", seed == null ? JsonNull.INSTANCE : new JsonPrimitive(seed));
  }

  /** The {@code seed} of a config: an integer or null (SeedGenerator seeds are not supported). */
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
