package org.jeras.core.losses;

import java.util.function.Supplier;
import org.jeras.core.config.BuiltinProvider;
import org.jeras.core.config.ObjectFactory;
import org.jeras.core.config.Registry;

/**
 * Registers Keras's built-in losses: each class under {@code keras.losses}, its class name as a
 * string shorthand, and the names Keras's {@code losses.get} maps to the same function
 * ({@code "mse"}, {@code "categorical_crossentropy"}, ...). As in Keras, a function name gives a
 * loss named after that string, a class name a loss with the class's default name.
 */
public final class LossesProvider implements BuiltinProvider {
  @Override
  public void register(Registry.Builtins b) {
    loss(b, "MeanSquaredError", MeanSquaredError::fromConfig, MeanSquaredError::new, "mean_squared_error", "mse", "MSE");
    loss(b, "MeanAbsoluteError", MeanAbsoluteError::fromConfig, MeanAbsoluteError::new, "mean_absolute_error", "mae", "MAE");
    loss(b, "MeanAbsolutePercentageError", MeanAbsolutePercentageError::fromConfig, MeanAbsolutePercentageError::new,
        "mean_absolute_percentage_error", "mape", "MAPE");
    loss(b, "MeanSquaredLogarithmicError", MeanSquaredLogarithmicError::fromConfig, MeanSquaredLogarithmicError::new,
        "mean_squared_logarithmic_error", "msle", "MSLE");
    loss(b, "CosineSimilarity", CosineSimilarity::fromConfig, CosineSimilarity::new, "cosine_similarity");
    loss(b, "Huber", Huber::fromConfig, Huber::new, "huber");
    loss(b, "LogCosh", LogCosh::fromConfig, LogCosh::new, "log_cosh");
    loss(b, "Hinge", Hinge::fromConfig, Hinge::new, "hinge");
    loss(b, "SquaredHinge", SquaredHinge::fromConfig, SquaredHinge::new, "squared_hinge");
    loss(b, "CategoricalHinge", CategoricalHinge::fromConfig, CategoricalHinge::new, "categorical_hinge");
    loss(b, "KLDivergence", KLDivergence::fromConfig, KLDivergence::new, "kl_divergence", "kld", "KLD");
    loss(b, "Poisson", Poisson::fromConfig, Poisson::new, "poisson");
    loss(b, "BinaryCrossentropy", BinaryCrossentropy::fromConfig, BinaryCrossentropy::new,
        "binary_crossentropy", "bce", "BCE");
    loss(b, "BinaryFocalCrossentropy", BinaryFocalCrossentropy::fromConfig, BinaryFocalCrossentropy::new,
        "binary_focal_crossentropy");
    loss(b, "CategoricalCrossentropy", CategoricalCrossentropy::fromConfig, CategoricalCrossentropy::new,
        "categorical_crossentropy");
    loss(b, "CategoricalFocalCrossentropy", CategoricalFocalCrossentropy::fromConfig, CategoricalFocalCrossentropy::new,
        "categorical_focal_crossentropy");
    loss(b, "SparseCategoricalCrossentropy", SparseCategoricalCrossentropy::fromConfig,
        SparseCategoricalCrossentropy::new, "sparse_categorical_crossentropy");
    loss(b, "CTC", CTC::fromConfig, CTC::new, "ctc");
    loss(b, "Dice", Dice::fromConfig, Dice::new, "dice");
    loss(b, "Tversky", Tversky::fromConfig, Tversky::new, "tversky");
    loss(b, "Circle", Circle::fromConfig, Circle::new, "circle");
    loss(b, "CategoricalGeneralizedCrossEntropy", CategoricalGeneralizedCrossEntropy::fromConfig,
        CategoricalGeneralizedCrossEntropy::new, "categorical_generalized_cross_entropy");
  }

  private static void loss(Registry.Builtins b, String className, ObjectFactory<? extends Loss> fromConfig,
      Supplier<? extends Loss> create, String... functionNames) {
    b.add(Loss.class, "keras.losses", className, fromConfig);
    b.alias(Loss.class, className, (ObjectFactory<Loss>) c -> create.get().withAlias(className));
    for (String f : functionNames) {
      b.alias(Loss.class, f, (ObjectFactory<Loss>) c -> create.get().withName(f).withAlias(f));
    }
  }
}
