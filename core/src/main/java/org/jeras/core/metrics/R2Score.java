package org.jeras.core.metrics;

import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.losses.LossOps;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Keras's {@code R2Score} (coefficient of determination) of 2-D targets and predictions
 * {@code (batch, outputs)}: per output {@code 1 - SS_res / SS_tot} from running weighted sums
 * (0 where {@code SS_tot} is 0), then averaged uniformly, weighted by variance, or kept per
 * output; with {@code num_regressors > 0} the adjusted R2 {@code 1 - (1 - R2)(n - 1) / (n - p - 1)}
 * (the plain R2 when {@code n - 1 <= p}).
 */
public final class R2Score extends Metric {
  /** Keras's {@code class_aggregation}. */
  public enum Aggregation {
    /** Keras's {@code None}: one score per output. */
    NONE(null),
    /** The mean of the per-output scores. */
    UNIFORM_AVERAGE("uniform_average"),
    /** The per-output scores weighted by each output's total sum of squares. */
    VARIANCE_WEIGHTED_AVERAGE("variance_weighted_average");

    private final String keras;

    Aggregation(String keras) {
      this.keras = keras;
    }

    static Aggregation of(String s) {
      for (Aggregation a : values()) {
        if (java.util.Objects.equals(a.keras, s)) {
          return a;
        }
      }
      throw new ConfigException("Invalid value for argument `class_aggregation`. Expected one of (None, "
          + "'uniform_average', 'variance_weighted_average'). Received: class_aggregation=" + s);
    }
  }

  private final Aggregation aggregation;
  private final int numRegressors;
  private final Variable numSamples;
  private Variable squaredSum;
  private Variable sum;
  private Variable residual;
  private Variable count;

  /**
   * Keras's {@code R2Score(class_aggregation, num_regressors, name, dtype)}.
   *
   * @param aggregation how per-output scores are combined
   * @param numRegressors the number of independent regressors (0: plain R2)
   * @param name the name results are logged under
   * @param dtype the state dtype, or null for float32
   */
  public R2Score(Aggregation aggregation, int numRegressors, String name, DType dtype) {
    super(name, dtype);
    if (numRegressors < 0) {
      throw new IllegalArgumentException("Invalid value for argument `num_regressors`. Expected a value >= 0. "
          + "Received: num_regressors=" + numRegressors);
    }
    this.aggregation = aggregation;
    this.numRegressors = numRegressors;
    numSamples = addVariable("num_samples");
  }

  /** Keras's {@code R2Score()}: every argument at its default. */
  public R2Score() {
    this(Aggregation.UNIFORM_AVERAGE, 0, "r2_score", DType.FLOAT32);
  }

  @Override
  public void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
    DataType dt = dtype().nd4j();
    Tensor[] a = LossOps.squeezeOrExpand(Tensor.of(yTrue.value().castTo(dt)), Tensor.of(yPred.value().castTo(dt)), true);
    INDArray t = a[0].value();
    INDArray p = a[1].value();
    if (t.rank() != 2 || p.rank() != 2) {
      throw new IllegalArgumentException("R2Score expects 2D inputs with shape (batch_size, output_dim). Received "
          + "input shapes: y_pred.shape=" + a[1].shape() + " and y_true.shape=" + a[0].shape() + ".");
    }
    long outputs = p.size(1);
    if (squaredSum == null) {
      squaredSum = addVariable("squared_sum", outputs);
      sum = addVariable("sum", outputs);
      residual = addVariable("residual", outputs);
      count = addVariable("count", outputs);
    }
    INDArray w;
    if (sampleWeight == null) {
      w = Nd4j.ones(dt, t.shape());
    } else {
      INDArray sw = sampleWeight.value().castTo(dt);
      if (sw.rank() == 1) {
        sw = sw.reshape(sw.length(), 1);
      }
      w = sw.broadcast(t.shape()).dup();
    }
    INDArray weighted = t.mul(w);
    assignAdd(sum, weighted.sum(0));
    assignAdd(squaredSum, t.mul(weighted).sum(0));
    INDArray diff = t.sub(p);
    assignAdd(residual, diff.muli(diff).muli(w).sum(0));
    assignAdd(count, w.sum(0));
    INDArray nonzeroRows = w.neq(0).castTo(dt).max(1).gt(0).castTo(dt);
    assignAdd(numSamples, nonzeroRows.sum());
  }

  @Override
  public INDArray resultArray() {
    if (squaredSum == null) {
      throw new IllegalStateException("R2Score '" + name() + "' has no result before its first update");
    }
    INDArray mean = sum.array().div(count.array());
    INDArray total = squaredSum.array().sub(sum.array().mul(mean));
    INDArray raw = residual.array().div(total).rsubi(1.0);
    for (long i = 0; i < raw.length(); i++) {
      if (Double.isInfinite(raw.getDouble(i))) {
        raw.putScalar(i, 0.0);
      }
    }
    INDArray score = switch (aggregation) {
      case UNIFORM_AVERAGE -> raw.mean();
      case VARIANCE_WEIGHTED_AVERAGE -> total.mul(raw).sum().div(total.sum());
      case NONE -> raw;
    };
    if (numRegressors != 0) {
      float n = numSamples.array().getFloat(0);
      if (numRegressors < n - 1) {
        score = score.rsub(1.0).muli(n - 1f).divi(n - numRegressors - 1f).rsubi(1.0);
      }
    }
    return score;
  }

  @Override
  protected void addConfig(Config config) {
    config.put("class_aggregation", aggregation.keras).put("num_regressors", numRegressors);
  }

  /**
   * Rebuilds a metric from its config (Keras's {@code R2Score.from_config}).
   *
   * @param config the metric's config
   * @return the metric
   */
  public static R2Score fromConfig(Config config) {
    Aggregation a = config.has("class_aggregation") ? Aggregation.of(config.getString("class_aggregation", null))
        : Aggregation.UNIFORM_AVERAGE;
    return new R2Score(a, config.getInt("num_regressors", 0), nameOf(config, "r2_score"), dtypeOf(config));
  }
}
