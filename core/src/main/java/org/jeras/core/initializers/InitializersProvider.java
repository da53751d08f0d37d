package org.jeras.core.initializers;

import org.jeras.core.config.BuiltinProvider;
import org.jeras.core.config.ObjectFactory;
import org.jeras.core.config.Registry;

/**
 * Registers Keras's initializers under their class names and the string names
 * {@code keras.initializers.get} accepts: the snake_case class name plus Keras's extra aliases.
 */
public final class InitializersProvider implements BuiltinProvider {
  private static final String MODULE = "keras.initializers";

  @Override
  public void register(Registry.Builtins b) {
    add(b, "Constant", Constant::fromConfig, "constant");
    add(b, "Zeros", Zeros::fromConfig, "zeros", "zero");
    add(b, "Ones", Ones::fromConfig, "ones", "one");
    add(b, "Identity", Identity::fromConfig, "identity", "IdentityInitializer");
    add(b, "GlorotNormal", GlorotNormal::fromConfig, "glorot_normal");
    add(b, "GlorotUniform", GlorotUniform::fromConfig, "glorot_uniform");
    add(b, "HeNormal", HeNormal::fromConfig, "he_normal");
    add(b, "HeUniform", HeUniform::fromConfig, "he_uniform");
    add(b, "LecunNormal", LecunNormal::fromConfig, "lecun_normal");
    add(b, "LecunUniform", LecunUniform::fromConfig, "lecun_uniform");
    add(b, "Orthogonal", Orthogonal::fromConfig, "orthogonal", "OrthogonalInitializer");
    add(b, "RandomNormal", RandomNormal::fromConfig, "random_normal", "normal");
    add(b, "RandomUniform", RandomUniform::fromConfig, "random_uniform", "uniform");
    add(b, "TruncatedNormal", TruncatedNormal::fromConfig, "truncated_normal");
    add(b, "VarianceScaling", VarianceScaling::fromConfig, "variance_scaling");
    add(b, "STFT", STFT::fromConfig, "stft", "STFTInitializer");
  }

  private static void add(Registry.Builtins b, String className, ObjectFactory<? extends Initializer> factory,
      String... aliases) {
    b.add(Initializer.class, MODULE, className, factory);
    b.alias(Initializer.class, className, factory);
    for (String alias : aliases) {
      b.alias(Initializer.class, alias, factory);
      if (Character.isUpperCase(alias.charAt(0))) {
        b.add(Initializer.class, MODULE, alias, factory); // legacy class names also appear in dicts
      }
    }
  }
}
