package org.jeras.core.layer;

import com.google.gson.JsonPrimitive;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jeras.core.config.Config;
import org.jeras.core.config.Serialization;
import org.jeras.core.constraints.Constraint;
import org.jeras.core.initializers.Initializer;
import org.jeras.core.regularizers.Regularizer;

/**
 * How each weight of a layer is made and kept in bounds: its initializer, regularizer and
 * constraint, under the config prefix Keras gives the weight ({@code kernel}, {@code recurrent},
 * {@code bias}, {@code gamma}, ...), in Keras's config order. The one mechanism behind every
 * layer's {@code <prefix>_initializer}, {@code <prefix>_regularizer} and
 * {@code <prefix>_constraint} keys.
 */
public final class WeightSpecs {
  /** One weight's settings; regularizer and constraint may be null. */
  public record Spec(Initializer initializer, Regularizer regularizer, Constraint constraint) {}

  private final Map<String, Spec> specs = new LinkedHashMap<>();

  /**
   * The settings of a layer's weights, each starting with its default initializer.
   *
   * @param prefixesAndDefaults each prefix followed by Keras's default initializer for it ({@code "glorot_uniform"})
   */
  public WeightSpecs(String... prefixesAndDefaults) {
    if (prefixesAndDefaults.length % 2 != 0) {
      throw new IllegalArgumentException("prefix/initializer pairs expected");
    }
    for (int i = 0; i < prefixesAndDefaults.length; i += 2) {
      Initializer init = Serialization.deserialize(new JsonPrimitive(prefixesAndDefaults[i + 1]), Initializer.class);
      specs.put(prefixesAndDefaults[i], new Spec(init, null, null));
    }
  }

  /** {@return the prefixes, in config order} */
  public Set<String> prefixes() {
    return specs.keySet();
  }

  /**
   * {@return the settings of weight {@code prefix}}
   *
   * @param prefix the weight's config prefix
   * @throws IllegalArgumentException if the layer has no such weight
   */
  public Spec get(String prefix) {
    Spec s = specs.get(prefix);
    if (s == null) {
      throw new IllegalArgumentException("no weight '" + prefix + "' here; the weights are " + specs.keySet());
    }
    return s;
  }

  /**
   * Sets the initializer of weight {@code prefix}.
   *
   * @param prefix the weight's config prefix
   * @param i the initializer
   */
  public void setInitializer(String prefix, Initializer i) {
    update(prefix, s -> new Spec(i, s.regularizer(), s.constraint()));
  }

  /**
   * Sets the regularizer of weight {@code prefix}.
   *
   * @param prefix the weight's config prefix
   * @param r the regularizer, or null
   */
  public void setRegularizer(String prefix, Regularizer r) {
    update(prefix, s -> new Spec(s.initializer(), r, s.constraint()));
  }

  /**
   * Sets the constraint of weight {@code prefix}.
   *
   * @param prefix the weight's config prefix
   * @param c the constraint, or null
   */
  public void setConstraint(String prefix, Constraint c) {
    update(prefix, s -> new Spec(s.initializer(), s.regularizer(), c));
  }

  private void update(String prefix, UnaryOperator<Spec> change) {
    specs.put(prefix, change.apply(get(prefix)));
  }

  /**
   * Writes {@code <prefix>_initializer} of each weight, in order.
   *
   * @param c the config to write into
   * @return {@code c}
   */
  public Config putInitializers(Config c) {
    specs.forEach((p, s) -> c.put(p + "_initializer", Serialization.serialize(s.initializer())));
    return c;
  }

  /**
   * Writes {@code <prefix>_regularizer} of each weight, in order.
   *
   * @param c the config to write into
   * @return {@code c}
   */
  public Config putRegularizers(Config c) {
    specs.forEach((p, s) -> c.put(p + "_regularizer", Serialization.serialize(s.regularizer())));
    return c;
  }

  /**
   * Writes {@code <prefix>_constraint} of each weight, in order.
   *
   * @param c the config to write into
   * @return {@code c}
   */
  public Config putConstraints(Config c) {
    specs.forEach((p, s) -> c.put(p + "_constraint", Serialization.serialize(s.constraint())));
    return c;
  }

  /**
   * Reads the three keys of each weight; a missing or null initializer keeps the default, as in Keras.
   *
   * @param c the layer's config
   */
  public void read(Config c) {
    specs.replaceAll((p, s) -> new Spec(
        c.isSet(p + "_initializer")
            ? Serialization.deserialize(c.get(p + "_initializer"), Initializer.class) : s.initializer(),
        Serialization.deserialize(c.getOrNull(p + "_regularizer"), Regularizer.class),
        Serialization.deserialize(c.getOrNull(p + "_constraint"), Constraint.class)));
  }
}
