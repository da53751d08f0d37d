package org.jeras.core.metrics;

import java.util.function.Function;
import org.jeras.core.config.BuiltinProvider;
import org.jeras.core.config.Config;
import org.jeras.core.config.ObjectFactory;
import org.jeras.core.config.Registry;
import org.jeras.core.tensor.DType;

/**
 * Registers Keras's built-in metrics under {@code keras.metrics}, with the string names Keras's
 * {@code metrics.get} accepts: the class name, its snake_case form and the short aliases
 * ({@code "mse"}, {@code "mae"}).
 */
public final class MetricsProvider implements BuiltinProvider {
  /** A metric factory taking the name the metric is created under. */
  interface Named extends ObjectFactory<Metric> {
    Metric create(String name);

    @Override
    default Metric fromConfig(Config ignored) {
      return create(null);
    }
  }

  @Override
  public void register(Registry.Builtins b) {
    metric(b, "Mean", Mean::fromConfig, n -> new Mean(or(n, "mean")), "mean");
    metric(b, "Sum", Sum::fromConfig, n -> new Sum(or(n, "sum"), DType.FLOAT32), "sum");
    metric(b, "Accuracy", Accuracy::fromConfig, n -> new Accuracy(or(n, "accuracy"), DType.FLOAT32), "accuracy");
    metric(b, "BinaryAccuracy", BinaryAccuracy::fromConfig,
        n -> new BinaryAccuracy(or(n, "binary_accuracy"), DType.FLOAT32, 0.5), "binary_accuracy");
    metric(b, "CategoricalAccuracy", CategoricalAccuracy::fromConfig,
        n -> new CategoricalAccuracy(or(n, "categorical_accuracy"), DType.FLOAT32), "categorical_accuracy");
    metric(b, "SparseCategoricalAccuracy", SparseCategoricalAccuracy::fromConfig,
        n -> new SparseCategoricalAccuracy(or(n, "sparse_categorical_accuracy"), DType.FLOAT32),
        "sparse_categorical_accuracy");
    metric(b, "TopKCategoricalAccuracy", TopKCategoricalAccuracy::fromConfig,
        n -> new TopKCategoricalAccuracy(5, or(n, "top_k_categorical_accuracy"), DType.FLOAT32),
        "top_k_categorical_accuracy");
    metric(b, "MeanSquaredError", MeanSquaredError::fromConfig,
        n -> new MeanSquaredError(or(n, "mean_squared_error"), DType.FLOAT32), "mean_squared_error", "mse", "MSE");
    metric(b, "MeanAbsoluteError", MeanAbsoluteError::fromConfig,
        n -> new MeanAbsoluteError(or(n, "mean_absolute_error"), DType.FLOAT32), "mean_absolute_error", "mae", "MAE");
    metric(b, "RootMeanSquaredError", RootMeanSquaredError::fromConfig,
        n -> new RootMeanSquaredError(or(n, "root_mean_squared_error"), DType.FLOAT32), "root_mean_squared_error");
    metric(b, "Poisson", Poisson::fromConfig, n -> new Poisson(or(n, "poisson"), DType.FLOAT32), "poisson");
    metric(b, "Precision", Precision::fromConfig, n -> new Precision(null, null, null, n, DType.FLOAT32), "precision");
    metric(b, "Recall", Recall::fromConfig, n -> new Recall(null, null, null, n, DType.FLOAT32), "recall");
    metric(b, "AUC", AUC::fromConfig,
        n -> new AUC(200, AUC.Curve.ROC, AUC.Summation.INTERPOLATION, n, DType.FLOAT32, null, false), "auc");
    metric(b, "BinaryCrossentropy", BinaryCrossentropy::fromConfig,
        n -> new BinaryCrossentropy(false, 0, or(n, "binary_crossentropy"), DType.FLOAT32), "binary_crossentropy");
    metric(b, "CategoricalCrossentropy", CategoricalCrossentropy::fromConfig,
        n -> new CategoricalCrossentropy(false, 0, -1, or(n, "categorical_crossentropy"), DType.FLOAT32),
        "categorical_crossentropy");
    metric(b, "SparseCategoricalCrossentropy", SparseCategoricalCrossentropy::fromConfig,
        n -> new SparseCategoricalCrossentropy(false, null, -1, or(n, "sparse_categorical_crossentropy"), DType.FLOAT32),
        "sparse_categorical_crossentropy");
    metric(b, "CategoricalHinge", CategoricalHinge::fromConfig,
        n -> new CategoricalHinge(or(n, "categorical_hinge"), DType.FLOAT32), "categorical_hinge");
    metric(b, "Hinge", Hinge::fromConfig, n -> new Hinge(or(n, "hinge"), DType.FLOAT32), "hinge");
    metric(b, "SquaredHinge", SquaredHinge::fromConfig, n -> new SquaredHinge(or(n, "squared_hinge"), DType.FLOAT32),
        "squared_hinge");
    metric(b, "KLDivergence", KLDivergence::fromConfig, n -> new KLDivergence(or(n, "kl_divergence"), DType.FLOAT32),
        "kl_divergence");
    metric(b, "CosineSimilarity", CosineSimilarity::fromConfig,
        n -> new CosineSimilarity(-1, or(n, "cosine_similarity"), DType.FLOAT32));
    metric(b, "LogCoshError", LogCoshError::fromConfig, n -> new LogCoshError(or(n, "logcosh"), DType.FLOAT32),
        "log_cosh");
    metric(b, "MeanAbsolutePercentageError", MeanAbsolutePercentageError::fromConfig,
        n -> new MeanAbsolutePercentageError(or(n, "mean_absolute_percentage_error"), DType.FLOAT32),
        "mean_absolute_percentage_error");
    metric(b, "MeanSquaredLogarithmicError", MeanSquaredLogarithmicError::fromConfig,
        n -> new MeanSquaredLogarithmicError(or(n, "mean_squared_logarithmic_error"), DType.FLOAT32),
        "mean_squared_logarithmic_error");
    metric(b, "SparseTopKCategoricalAccuracy", SparseTopKCategoricalAccuracy::fromConfig,
        n -> new SparseTopKCategoricalAccuracy(5, or(n, "sparse_top_k_categorical_accuracy"), DType.FLOAT32),
        "sparse_top_k_categorical_accuracy");
    metric(b, "PearsonCorrelation", PearsonCorrelation::fromConfig,
        n -> new PearsonCorrelation(or(n, "pearson_correlation"), DType.FLOAT32, -1), "pearson_correlation");
    metric(b, "ConcordanceCorrelation", ConcordanceCorrelation::fromConfig,
        n -> new ConcordanceCorrelation(or(n, "concordance_correlation"), DType.FLOAT32, -1), "concordance_correlation");
    metric(b, "R2Score", R2Score::fromConfig,
        n -> new R2Score(R2Score.Aggregation.UNIFORM_AVERAGE, 0, or(n, "r2_score"), DType.FLOAT32));
    metric(b, "FBetaScore", FBetaScore::fromConfig, n -> new FBetaScore(null, 1.0, null, or(n, "fbeta_score"),
        DType.FLOAT32));
    metric(b, "F1Score", F1Score::fromConfig, n -> new F1Score(null, null, or(n, "f1_score"), DType.FLOAT32));
    metric(b, "BinaryIoU", BinaryIoU::fromConfig,
        n -> new BinaryIoU(new int[] {0, 1}, 0.5, or(n, "binary_io_u"), DType.INT32));
    metric(b, "TruePositives", TruePositives::fromConfig,
        n -> new TruePositives(null, or(n, "true_positives"), DType.FLOAT32));
    metric(b, "FalsePositives", FalsePositives::fromConfig,
        n -> new FalsePositives(null, or(n, "false_positives"), DType.FLOAT32));
    metric(b, "TrueNegatives", TrueNegatives::fromConfig,
        n -> new TrueNegatives(null, or(n, "true_negatives"), DType.FLOAT32));
    metric(b, "FalseNegatives", FalseNegatives::fromConfig,
        n -> new FalseNegatives(null, or(n, "false_negatives"), DType.FLOAT32));
    // num_classes (IoU) and the target rate (the *At* metrics) have no default: configs only
    b.add(Metric.class, "keras.metrics", "PrecisionAtRecall", PrecisionAtRecall::fromConfig);
    b.add(Metric.class, "keras.metrics", "RecallAtPrecision", RecallAtPrecision::fromConfig);
    b.add(Metric.class, "keras.metrics", "SensitivityAtSpecificity", SensitivityAtSpecificity::fromConfig);
    b.add(Metric.class, "keras.metrics", "SpecificityAtSensitivity", SpecificityAtSensitivity::fromConfig);
    b.add(Metric.class, "keras.metrics", "IoU", IoU::fromConfig);
    b.add(Metric.class, "keras.metrics", "MeanIoU", MeanIoU::fromConfig);
    b.add(Metric.class, "keras.metrics", "OneHotIoU", OneHotIoU::fromConfig);
    b.add(Metric.class, "keras.metrics", "OneHotMeanIoU", OneHotMeanIoU::fromConfig);
  }

  private static String or(String name, String defaultName) {
    return name == null ? defaultName : name;
  }

  private static void metric(Registry.Builtins b, String className, ObjectFactory<? extends Metric> fromConfig,
      Function<String, Metric> create, String... names) {
    b.add(Metric.class, "keras.metrics", className, fromConfig);
    Named named = create::apply;
    b.alias(Metric.class, className, named);
    for (String n : names) {
      b.alias(Metric.class, n, named);
    }
  }
}
