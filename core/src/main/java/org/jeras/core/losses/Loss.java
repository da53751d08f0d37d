package org.jeras.core.losses;

import com.google.gson.JsonElement;
import java.util.Objects;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.KerasObject;
import org.jeras.core.config.Registry;
import org.jeras.core.config.Serialization;
import org.jeras.core.layer.DTypePolicy;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A Keras loss ({@code keras.losses.Loss}): {@link #call} gives differentiable per-sample values,
 * {@link #apply} weights, masks and reduces them exactly as Keras's {@code Loss.__call__} does.
 *
 * <p>Subclasses hold only their math ({@link #compute}) and their own config keys
 * ({@link #addConfig}). Instances are immutable; the {@code with*} methods return copies. A loss
 * resolved from a string ({@code "mse"}) remembers that string as its {@link #alias()} and
 * serializes back to it, as a Keras compile config keeps the user's spelling.
 */
public abstract class Loss implements KerasObject, Serialization.Shorthand, Cloneable {
  private String name;
  private Reduction reduction = Reduction.SUM_OVER_BATCH_SIZE;
  private DType dtype = DType.FLOAT32;
  private String alias;

  /**
   * A loss with reduction {@code sum_over_batch_size} and float32 dtype.
   *
   * @param defaultName the name used when none is given, e.g. {@code "mean_squared_error"}
   */
  protected Loss(String defaultName) {
    this.name = defaultName;
  }

  /**
   * The per-sample losses of already rank-aligned {@code yTrue} (cast to yPred's dtype) and {@code yPred}.
   *
   * @param yTrue the targets
   * @param yPred the predictions
   * @return the per-sample losses
   */
  protected abstract Tensor compute(Tensor yTrue, Tensor yPred);

  /**
   * Adds this class's own config keys after {@code name} and {@code reduction}, in Keras's order.
   *
   * @param config the config to add to
   */
  protected void addConfig(Config config) {}

  /**
   * Per-sample (unreduced, unweighted) losses, differentiable in {@code yPred} (and {@code yTrue}
   * where the math allows): Keras's {@code LossFunctionWrapper.call}, which first aligns the ranks
   * of the two with {@code squeeze_or_expand_to_same_rank}.
   *
   * @param yTrue the targets
   * @param yPred the predictions
   * @return the per-sample losses
   */
  public Tensor call(Tensor yTrue, Tensor yPred) {
    Tensor t = yTrue.dtype() == yPred.dtype() ? yTrue : MathOps.cast(yTrue, yPred.dtype());
    Tensor[] aligned = LossOps.squeezeOrExpand(t, yPred, true);
    return compute(aligned[0], aligned[1]);
  }

  /**
   * The loss Keras's {@code loss(y_true, y_pred, sample_weight)} returns: inputs cast to this
   * loss's dtype, per-sample values from {@link #call}, the Keras masks of {@code yPred} and of
   * the values merged into the weights, then the {@link #reduction()}. With the default reduction
   * the result is {@code sum(w * l) / l.size}.
   *
   * @param yTrue the targets
   * @param yPred the predictions
   * @param sampleWeight per-sample weights (any shape Keras accepts), or null
   * @return the reduced (or, without reduction, weighted per-sample) loss
   */
  public Tensor apply(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
    Tensor inMask = yPred.mask();
    Tensor values = call(MathOps.cast(yTrue, dtype), MathOps.cast(yPred, dtype));
    INDArray mask = and(inMask, values.mask());
    return reduceWeighted(values.withMask(null), sampleWeight, mask, reduction);
  }

  /** Keras's {@code reduce_weighted_values}: mask merged into the weights, weighting, reduction. */
  static Tensor reduceWeighted(Tensor values, Tensor sampleWeight, INDArray mask, Reduction reduction) {
    Tensor weights = applyMask(sampleWeight, mask, values.value().dataType(), reduction);
    if (weights != null) {
      weights = MathOps.cast(weights.stopGradient(), values.dtype());
      Tensor[] aligned = LossOps.squeezeOrExpand(values, weights, true);
      values = MathOps.mul(aligned[0], aligned[1]);
      weights = aligned[1];
    }
    if (!reduction.reduces() || values.rank() == 0 || values.value().length() == 0) {
      return values;
    }
    Tensor loss = ReduceOps.sum(values);
    if (!reduction.averages()) {
      return loss;
    }
    double divisor = reduction == Reduction.MEAN_WITH_SAMPLE_WEIGHT && weights != null
        ? weights.value().sumNumber().doubleValue()
        : values.value().length();
    if (divisor == 0) {
      return MathOps.fullLike(loss, 0.0); // Keras's divide_no_nan
    }
    return MathOps.div(loss, Tensor.of(Nd4j.scalar(divisor).castTo(loss.value().dataType())));
  }

  /**
   * Keras's {@code apply_mask}: for the averaging reductions a mask weighs valid entries by
   * {@code total / valid}, so that the mean runs over valid entries only.
   *
   * @param sampleWeight the sample weights, or null
   * @param mask the mask, or null
   * @param dtype the loss's dtype
   * @param reduction the loss's reduction
   * @return the weights with the mask folded in, or {@code sampleWeight} when there is no mask
   */
  public static Tensor applyMask(Tensor sampleWeight, INDArray mask, DataType dtype, Reduction reduction) {
    if (mask == null) {
      return sampleWeight;
    }
    INDArray m = mask.neq(0).castTo(dtype);
    if (reduction == Reduction.MEAN || reduction == Reduction.SUM_OVER_BATCH_SIZE) {
      double valid = m.sumNumber().doubleValue();
      // float32 arithmetic as Keras: total and valid are cast to the loss dtype before dividing
      double weight = valid == 0 ? 0 : Nd4j.scalar((double) m.length()).castTo(dtype)
          .div(Nd4j.scalar(valid).castTo(dtype)).getDouble(0);
      m = m.muli(weight);
    }
    Tensor floatMask = Tensor.of(m);
    if (sampleWeight == null) {
      return floatMask;
    }
    Tensor[] aligned = LossOps.squeezeOrExpand(floatMask, MathOps.cast(sampleWeight.stopGradient(), DType.of(dtype)), true);
    return MathOps.mul(aligned[1], aligned[0]);
  }

  private static INDArray and(Tensor a, Tensor b) {
    if (a == null && b == null) {
      return null;
    }
    if (a == null || b == null) {
      return (a == null ? b : a).value().neq(0);
    }
    return MathOps.mul(Tensor.of(a.value().neq(0).castTo(DataType.FLOAT)),
        Tensor.of(b.value().neq(0).castTo(DataType.FLOAT))).value();
  }

  /** {@return the loss's name, as logged and written in its config} */
  public String name() {
    return name;
  }

  /** {@return how per-sample losses are folded into one value} */
  public Reduction reduction() {
    return reduction;
  }

  /** {@return the dtype {@link #apply} computes in; float32 (Keras's floatx) unless set} */
  public DType dtype() {
    return dtype;
  }

  /** {@return the string this loss was resolved from ({@code "mse"}), or null} */
  public String alias() {
    return alias;
  }

  /**
   * {@return a copy of this loss with another name}
   *
   * @param <L> this loss's class
   * @param name the name
   */
  public <L extends Loss> L withName(String name) {
    L copy = copy();
    ((Loss) copy).name = name;
    return copy;
  }

  /**
   * {@return a copy of this loss with another reduction}
   *
   * @param <L> this loss's class
   * @param reduction the reduction
   */
  public <L extends Loss> L withReduction(Reduction reduction) {
    L copy = copy();
    ((Loss) copy).reduction = Objects.requireNonNull(reduction, "reduction");
    return copy;
  }

  /**
   * {@return a copy of this loss computing in another dtype}
   *
   * @param <L> this loss's class
   * @param dtype the dtype
   */
  public <L extends Loss> L withDtype(DType dtype) {
    L copy = copy();
    ((Loss) copy).dtype = Objects.requireNonNull(dtype, "dtype");
    return copy;
  }

  /**
   * This loss remembering the string it was resolved from (null: serialize as a dict).
   *
   * @param <L> this loss's class
   * @param alias the string, or null
   * @return a copy of this loss
   */
  public <L extends Loss> L withAlias(String alias) {
    L copy = copy();
    ((Loss) copy).alias = alias;
    return copy;
  }

  @SuppressWarnings("unchecked")
  private <L extends Loss> L copy() {
    try {
      return (L) super.clone();
    } catch (CloneNotSupportedException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * Applies the base keys of {@code config} (name, reduction, and dtype when present).
   *
   * @param <L> this loss's class
   * @param config the loss's config
   * @return a copy of this loss with those keys
   */
  protected <L extends Loss> L withBaseConfig(Config config) {
    L copy = copy();
    Loss l = copy;
    if (config.isSet("name")) {
      l.name = config.getString("name");
    }
    if (config.has("reduction")) {
      l.reduction = Reduction.of(config.get("reduction"));
    }
    if (config.isSet("dtype")) {
      l.dtype = dtypeOf(config.get("dtype"));
    }
    return copy;
  }

  /** The compute dtype of a {@code dtype} config entry (a name or a DTypePolicy dict), as Keras's dtype policy. */
  static DType dtypeOf(JsonElement e) {
    try {
      return DTypePolicy.from(e).computeDtype();
    } catch (IllegalArgumentException ex) {
      throw new ConfigException("Config key 'dtype': " + ex.getMessage());
    }
  }

  @Override
  public String module() {
    return Registry.moduleOf(this, "keras.losses");
  }

  /** Keras's {@code Loss.get_config}: {@code name}, {@code reduction}, then the class's own keys. */
  @Override
  public Config getConfig() {
    Config c = Config.empty().put("name", name).put("reduction", reduction.json());
    addConfig(c);
    return c;
  }

  @Override
  public String shorthand() {
    return alias;
  }

  @Override
  public String toString() {
    return "<" + className() + " name=" + name + ", reduction=" + reduction.kerasName() + ">";
  }
}
