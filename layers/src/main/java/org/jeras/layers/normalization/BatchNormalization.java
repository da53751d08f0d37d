package org.jeras.layers.normalization;

import org.jeras.core.layer.InputSpec;
import java.util.Arrays;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.Serialization;
import org.jeras.core.initializers.Initializer;
import org.jeras.core.layer.Args;
import org.jeras.core.layer.CallContext;
import org.jeras.core.ops.ArrayOps;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.NormOps;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;
import org.jeras.layers.core.Defaults;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Keras's {@code BatchNormalization} over the channels on {@code axis}. In training (when the
 * layer is trainable) it normalizes with the batch mean and biased variance and updates
 * {@code moving = moving * momentum + batch * (1 - momentum)}; in inference it uses the moving
 * statistics. A Keras mask on the input (one dim less than the input) restricts the batch
 * statistics to the unmasked positions. Weights: {@code gamma} ({@code scale}), {@code beta}
 * ({@code center}), then the non-trainable {@code moving_mean}, {@code moving_variance} (and with
 * {@code renorm}, {@code moving_stddev}, {@code renorm_mean}, {@code renorm_stddev}).
 *
 * <p>Batch renormalization ({@code renorm}) corrects the batch statistics toward the renorm
 * moving averages by factors {@code r} (clipped to {@code [rmin, rmax]}) and {@code d} (clipped to
 * {@code [-dmax, dmax]}) that carry no gradient, as in Keras.
 */
public class BatchNormalization extends AffineNormalization {
  /** Keras's {@code backend.epsilon()}, which guards the masked statistics' denominators. */
  private static final double FUZZ = 1e-7;

  private final int axis;
  private double momentum = 0.99;
  private Initializer movingMeanInitializer = Defaults.initializer("zeros");
  private Initializer movingVarianceInitializer = Defaults.initializer("ones");
  private boolean renorm;
  private Config renormClipping;
  private double renormMomentum = 0.99;
  private Variable movingMean;
  private Variable movingVariance;
  private Variable movingStddev;
  private Variable renormMean;
  private Variable renormStddev;
  private int[] reductionAxes;

  /**
   * Keras's {@code BatchNormalization(axis)}, epsilon 1e-3; other arguments through the setters.
   *
   * @param axis the channel axis, negative from the end
   */
  public BatchNormalization(int axis) {
    super(1e-3);
    this.axis = axis;
  }

  /** Keras's {@code BatchNormalization()}: every argument at its default. */
  public BatchNormalization() {
    this(-1);
  }

  /**
   * Sets the momentum of the moving statistics (Keras's {@code momentum}).
   *
   * @param momentum the momentum
   * @return this layer
   */
  public BatchNormalization momentum(double momentum) {
    this.momentum = Args.finite(className(), "momentum", momentum);
    return this;
  }

  /**
   * Sets the initializer of the moving mean.
   *
   * @param i the initializer
   * @return this layer
   */
  public BatchNormalization movingMeanInitializer(Initializer i) {
    this.movingMeanInitializer = i;
    return this;
  }

  /**
   * Sets the initializer of the moving variance.
   *
   * @param i the initializer
   * @return this layer
   */
  public BatchNormalization movingVarianceInitializer(Initializer i) {
    this.movingVarianceInitializer = i;
    return this;
  }

  /**
   * Enables batch renormalization; {@code clipping} holds optional {@code rmax}, {@code rmin}, {@code dmax}.
   *
   * @param clipping the {@code renorm_clipping} dict, or null
   * @param renormMomentum the momentum of the renormalization statistics
   * @return this layer
   */
  public BatchNormalization renorm(Config clipping, double renormMomentum) {
    this.renorm = true;
    this.renormClipping = clipping == null ? Config.empty() : clipping;
    this.renormMomentum = renormMomentum;
    checkClipping();
    return this;
  }

  /** {@return the moving mean (Keras's {@code moving_mean})} */
  public Variable movingMean() {
    return movingMean;
  }

  /** {@return the moving variance (Keras's {@code moving_variance})} */
  public Variable movingVariance() {
    return movingVariance;
  }

  @Override
  protected void build(Shape inputShape) {
    int rank = inputShape.rank();
    int ax = Args.axis(className(), "axis", axis, rank);
    long[] shape = {inputShape.get(ax)};
    setInputSpec(InputSpec.builder().ndim(rank).axis(axis, inputShape.get(ax)).build());
    buildScaleOffset(shape, scale, center);
    movingMean = addWeight("moving_mean", shape, movingMeanInitializer, null, null, false);
    movingVariance = addWeight("moving_variance", shape, movingVarianceInitializer, null, null, false);
    if (renorm) {
      INDArray stddev = Transforms.sqrt(movingVarianceInitializer.generate(shape, variableDtype()), false);
      movingStddev = addWeight("moving_stddev", shape, null, null, null, false);
      movingStddev.assign(stddev);
      renormMean = addWeight("renorm_mean", shape, movingMeanInitializer, null, null, false);
      renormStddev = addWeight("renorm_stddev", shape, null, null, null, false);
      renormStddev.assign(stddev.dup());
    }
    reductionAxes = new int[rank - 1];
    for (int i = 0, n = 0; i < rank; i++) {
      if (i != ax) {
        reductionAxes[n++] = i;
      }
    }
  }

  @Override
  protected Tensor call(Tensor x, CallContext ctx) {
    Tensor mask = x.mask();
    if (mask != null && mask.rank() != x.rank() - 1) {
      throw new IllegalArgumentException("The mask provided should be one dimension less than the inputs. Received:"
          + " mask.shape=" + mask.shape() + ", inputs.shape=" + x.shape());
    }
    long[] channel = new long[x.rank()];
    Arrays.fill(channel, 1);
    channel[axis < 0 ? axis + x.rank() : axis] = movingMean.shape().get(0);
    Tensor g = gamma == null ? null : MathOps.cast(gamma.read(), x.dtype());
    Tensor b = beta == null ? null : MathOps.cast(beta.read(), x.dtype());
    Tensor y;
    if (ctx.training() && isTrainable()) {
      if (mask == null && !renorm) {
        // The fused op differentiates through the batch statistics exactly as Keras's composition does.
        y = scaleAndOffset(NormOps.standardize(x, epsilon, reductionAxes), channel);
        INDArray v = x.value();
        INDArray mean = v.mean(reductionAxes);
        INDArray centered = v.sub(v.mean(true, reductionAxes));
        updateMoving(mean, centered.muli(centered).mean(reductionAxes));
      } else {
        Tensor[] moments = mask == null ? NormOps.moments(x, false, reductionAxes) : maskedMoments(x, mask);
        if (renorm) {
          Tensor[] gb = renormTransforms(moments[0].value(), moments[1].value(), g, b, x);
          g = gb[0];
          b = gb[1];
          updateRenorm(moments[0].value(), moments[1].value());
        } else {
          updateMoving(moments[0].value(), moments[1].value());
        }
        y = NormOps.batchNormalization(x, moments[0], moments[1], axis, b, g, epsilon);
      }
    } else {
      y = NormOps.batchNormalization(x, MathOps.cast(movingMean.read(), x.dtype()),
          MathOps.cast(movingVariance.read(), x.dtype()), axis, b, g, epsilon);
    }
    return MathOps.cast(y, computeDtype());
  }

  /** Keras's {@code call(inputs, training, mask)}: a functional node records the input's mask as {@code mask}. */
  @Override
  protected boolean callTakesMask() {
    return true;
  }

  /** Keras's masked moments: statistics over the positions where the mask is true. */
  private Tensor[] maskedMoments(Tensor x, Tensor mask) {
    INDArray m = mask.value();
    m = (m.dataType() == DataType.BOOL ? m : m.neq(0)).castTo(x.value().dataType());
    long[] s = m.shape();
    long[] expanded = Arrays.copyOf(s, s.length + 1);
    expanded[s.length] = 1;
    Tensor keep = Tensor.of(m.reshape(expanded).broadcast(x.shape().dims()).dup());
    INDArray weight = keep.value().sum(true, reductionAxes).addi(FUZZ);
    Tensor w = Tensor.of(weight);
    Tensor mean = MathOps.div(ReduceOps.sum(MathOps.mul(x, keep), true, reductionAxes), w);
    Tensor diff = MathOps.mul(MathOps.sub(x, mean), keep);
    Tensor variance = MathOps.div(ReduceOps.sum(MathOps.square(diff), true, reductionAxes), w);
    long[] flat = {movingMean.shape().get(0)};
    return new Tensor[] {ArrayOps.reshape(mean, flat), ArrayOps.reshape(variance, flat)};
  }

  private void updateMoving(INDArray mean, INDArray variance) {
    movingMean.assign(movingMean.array().mul(momentum).addi(mean.castTo(movingMean.array().dataType()).mul(1.0 - momentum)));
    movingVariance.assign(movingVariance.array().mul(momentum)
        .addi(variance.castTo(movingVariance.array().dataType()).mul(1.0 - momentum)));
  }

  /** The renorm-corrected scale and offset: {@code (r * gamma, d * gamma + beta)}, r and d without gradient. */
  private Tensor[] renormTransforms(INDArray mean, INDArray variance, Tensor g, Tensor b, Tensor x) {
    INDArray stddev = Transforms.sqrt(variance.add(epsilon), false);
    INDArray rStd = Transforms.max(renormStddev.array().castTo(mean.dataType()), Math.sqrt(epsilon), true);
    INDArray r = stddev.div(rStd);
    INDArray d = mean.sub(renormMean.array().castTo(mean.dataType())).divi(rStd);
    if (renormClipping.isSet("rmin")) {
      r = Transforms.max(r, renormClipping.getDouble("rmin"), false);
    }
    if (renormClipping.isSet("rmax")) {
      r = Transforms.min(r, renormClipping.getDouble("rmax"), false);
    }
    if (renormClipping.isSet("dmax")) {
      double dmax = renormClipping.getDouble("dmax");
      d = Transforms.min(Transforms.max(d, -dmax, false), dmax, false);
    }
    Tensor rt = Tensor.of(r.castTo(x.value().dataType()));
    Tensor dt = Tensor.of(d.castTo(x.value().dataType()));
    Tensor newGamma = g == null ? rt : MathOps.mul(rt, g);
    Tensor newBeta = g == null ? dt : MathOps.mul(dt, g);
    if (b != null) {
      newBeta = MathOps.add(newBeta, b);
    }
    return new Tensor[] {newGamma, newBeta};
  }

  private void updateRenorm(INDArray mean, INDArray variance) {
    DataType dt = movingMean.array().dataType();
    INDArray m = mean.castTo(dt);
    INDArray stddev = Transforms.sqrt(variance.add(epsilon), false).castTo(dt);
    renormMean.assign(renormMean.array().mul(renormMomentum).addi(m.mul(1.0 - renormMomentum)));
    renormStddev.assign(renormStddev.array().mul(renormMomentum).addi(stddev.mul(1.0 - renormMomentum)));
    movingMean.assign(movingMean.array().mul(momentum).addi(m.mul(1.0 - momentum)));
    INDArray newStddev = movingStddev.array().mul(momentum).addi(stddev.mul(1.0 - momentum));
    movingStddev.assign(newStddev);
    movingVariance.assign(Transforms.relu(newStddev.mul(newStddev).subi(epsilon), false));
  }

  private void checkClipping() {
    for (String k : renormClipping.json().keySet()) {
      if (!k.equals("rmax") && !k.equals("rmin") && !k.equals("dmax")) {
        throw new ConfigException("Received invalid keys for `renorm_clipping` argument (config key"
            + " 'renorm_clipping'): " + renormClipping + ". Supported values: [rmax, rmin, dmax].");
      }
    }
    if (renormClipping.isSet("rmax") && renormClipping.isSet("rmin")
        && renormClipping.getDouble("rmax") < renormClipping.getDouble("rmin")) {
      throw new ConfigException("rmax should be greater than rmin in the `renorm_clipping` argument. Received: "
          + renormClipping);
    }
    if (renormClipping.isSet("dmax") && renormClipping.getDouble("dmax") < 0) {
      throw new ConfigException("dmax should be non-negative in the `renorm_clipping` argument. Received: "
          + renormClipping);
    }
  }

  @Override
  public Config getConfig() {
    Config c = super.getConfig()
        .put("axis", axis)
        .put("momentum", momentum)
        .put("epsilon", epsilon)
        .put("center", center)
        .put("scale", scale);
    putInitializers(c);
    c.put("moving_mean_initializer", Serialization.serialize(movingMeanInitializer))
        .put("moving_variance_initializer", Serialization.serialize(movingVarianceInitializer));
    putRegularizersAndConstraints(c);
    return c.put("synchronized", false)
        .put("renorm", renorm)
        .put("renorm_clipping", renormClipping == null ? null : renormClipping.copy())
        .put("renorm_momentum", renormMomentum);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code BatchNormalization.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static BatchNormalization fromConfig(Config c) {
    BatchNormalization bn = new BatchNormalization(c.getInt("axis", -1));
    if (c.getBoolean("synchronized", false)) {
      throw new ConfigException("Argument synchronized=True (config key 'synchronized') is only supported with the"
          + " TensorFlow backend.");
    }
    bn.momentum(c.getDouble("momentum", 0.99));
    if (c.isSet("moving_mean_initializer")) {
      bn.movingMeanInitializer = Serialization.deserialize(c.get("moving_mean_initializer"), Initializer.class);
    }
    if (c.isSet("moving_variance_initializer")) {
      bn.movingVarianceInitializer = Serialization.deserialize(c.get("moving_variance_initializer"), Initializer.class);
    }
    bn.renormMomentum = Args.finite(bn.className(), "renorm_momentum", c.getDouble("renorm_momentum", 0.99));
    if (c.getBoolean("renorm", false)) {
      bn.renorm(c.isSet("renorm_clipping") ? c.getConfig("renorm_clipping").copy() : null, bn.renormMomentum);
    } else if (c.isSet("renorm_clipping")) {
      bn.renormClipping = c.getConfig("renorm_clipping").copy();
    }
    return bn.readAffine(c, 1e-3);
  }
}
