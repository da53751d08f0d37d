package org.jeras.layers.preprocessing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jeras.core.graph.Tracer;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.initializers.Initializers;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.Layer;
import org.jeras.core.ops.MathOps;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Standardizes inputs per position of the kept {@code axis} (Keras's {@code Normalization}):
 * {@code (x - mean) / max(sqrt(variance), 1e-7)}, or with {@code invert}
 * {@code mean + x * max(sqrt(variance), 1e-7)}. The statistics are either given in the config
 * ({@code mean}, {@code variance}: then the layer has no variables) or learned with
 * {@link #adapt(INDArray)} into the non-trainable variables {@code mean}, {@code variance} (shape of
 * the kept axes) and {@code count} (an int32 scalar that Keras leaves at 0), saved in that order.
 */
public class Normalization extends Layer {
  private static final double EPSILON = 1e-7;

  private final int[] axis;
  private final INDArray inputMean;
  private final INDArray inputVariance;
  private final boolean invert;

  private Shape buildShape;
  private int[] keepAxes;
  private long[] broadcastShape;
  private Variable adaptMean;
  private Variable adaptVariance;
  private Variable count;

  /**
   * A layer to {@link #adapt} over {@code axis} (Keras's default: {@code -1}).
   *
   * @param axis the axis, negative from the end
   */
  public Normalization(int... axis) {
    this(axis, null, null, false);
  }

  /**
   * Keras's {@code Normalization(axis, mean, variance, invert)}.
   *
   * @param axis the axes kept (one statistic per position along them); empty for one global statistic
   * @param mean the given mean (a scalar or an array of the kept axes' shape), or null to adapt
   * @param variance the given variance, with {@code mean}
   * @param invert whether to apply the inverse transformation
   */
  public Normalization(int[] axis, INDArray mean, INDArray variance, boolean invert) {
    if ((mean == null) != (variance == null)) {
      throw new ConfigException("Normalization: both 'mean' and 'variance' must be set, or neither");
    }
    if (mean != null && !Arrays.equals(mean.shape(), variance.shape())) {
      throw new ConfigException("Normalization: 'mean' and 'variance' must have the same shape, got "
          + Arrays.toString(mean.shape()) + " and " + Arrays.toString(variance.shape()));
    }
    if (mean != null && mean.rank() > axis.length) {
      throw new ConfigException("Normalization: the rank of 'mean' must be at most the number of axes " + axis.length);
    }
    this.axis = axis.clone();
    this.inputMean = mean == null ? null : mean.castTo(DataType.DOUBLE);
    this.inputVariance = variance == null ? null : variance.castTo(DataType.DOUBLE);
    this.invert = invert;
    this.supportsMasking = true;
  }

  @Override
  protected void build(Shape inputShape) {
    int rank = inputShape.rank();
    List<Integer> keep = new ArrayList<>();
    for (int a : axis) {
      if (a < -rank || a >= rank) {
        throw new IllegalArgumentException("Normalization axis " + a + " is out of range for inputs of rank " + rank);
      }
      keep.add(a < 0 ? a + rank : a);
    }
    keepAxes = keep.stream().sorted().mapToInt(Integer::intValue).toArray();
    broadcastShape = new long[rank];
    Arrays.fill(broadcastShape, 1);
    long[] statShape = new long[keepAxes.length];
    for (int i = 0; i < keepAxes.length; i++) {
      long d = inputShape.get(keepAxes[i]);
      if (d < 0) {
        throw new IllegalArgumentException("Normalization: kept axis " + keepAxes[i] + " of " + inputShape + " must be known");
      }
      broadcastShape[keepAxes[i]] = d;
      statShape[i] = d;
    }
    buildShape = inputShape;
    if (inputMean == null) {
      adaptMean = addWeight("mean", statShape, Initializers.get("zeros"), null, null, false);
      adaptVariance = addWeight("variance", statShape, Initializers.get("ones"), null, null, false);
      count = addStateWeight("count", new long[0], DType.INT32);
    }
  }

  /**
   * Learns the mean and (biased) variance of {@code data} over every axis but the kept ones, as
   * Keras's {@code adapt} does for an array.
   *
   * @param data the values
   */
  public void adapt(INDArray data) {
    if (!isBuilt()) {
      build(Shape.of(data.shape()), true);
    } else {
      for (int a : keepAxes) {
        if (data.size(a) != buildShape.get(a)) {
          throw new IllegalArgumentException("Normalization was built for " + buildShape + " but adapt() got data of shape "
              + Shape.of(data.shape()));
        }
      }
    }
    if (adaptMean == null) {
      throw new IllegalStateException("Normalization '" + name() + "' was given mean and variance; it cannot adapt");
    }
    int[] reduce = reduceAxes(data.rank());
    INDArray x = data.castTo(DataType.DOUBLE);
    INDArray mean = reduce.length == 0 ? x.dup() : x.mean(reduce);
    INDArray var = reduce.length == 0 ? Nd4j.zerosLike(x) : x.var(false, reduce);
    adaptMean.assign(mean.reshape(adaptMean.array().shape()));
    adaptVariance.assign(var.reshape(adaptVariance.array().shape()));
  }

  private int[] reduceAxes(int rank) {
    List<Integer> out = new ArrayList<>();
    for (int d = 0; d < rank; d++) {
      final int dd = d;
      if (Arrays.stream(keepAxes).noneMatch(k -> k == dd)) {
        out.add(d);
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The mean and variance shaped to broadcast against inputs. */
  private INDArray[] statistics(DataType dt) {
    INDArray mean;
    INDArray var;
    if (inputMean != null) {
      mean = expand(inputMean);
      var = expand(inputVariance);
    } else {
      mean = adaptMean.array().reshape(broadcastShape);
      var = adaptVariance.array().reshape(broadcastShape);
    }
    return new INDArray[] {mean.castTo(dt), var.castTo(dt)};
  }

  /** A given statistic aligned on the trailing kept axes, then broadcast to the kept axes' sizes. */
  private INDArray expand(INDArray stat) {
    long[] shape = new long[broadcastShape.length];
    Arrays.fill(shape, 1);
    for (int i = 1; i <= stat.rank(); i++) {
      shape[keepAxes[keepAxes.length - i]] = stat.size(stat.rank() - i);
    }
    return stat.reshape(shape).broadcast(broadcastShape);
  }

  @Override
  protected Tensor call(Tensor x, CallContext ctx) {
    Tensor in = MathOps.cast(x, computeDtype());
    INDArray[] stats = statistics(in.value().dataType());
    INDArray std = Transforms.max(
        Transforms.sqrt(stats[1], true), EPSILON, false);
    // Adapted statistics, constants of a traced graph.
    Tensor mean = Tracer.literal(Tensor.of(stats[0]));
    Tensor stdT = Tracer.literal(Tensor.of(std));
    if (invert) {
      return MathOps.add(mean, MathOps.mul(in, stdT));
    }
    return MathOps.div(MathOps.sub(in, mean), stdT);
  }

  @Override
  public Config getConfig() {
    JsonArray ax = new JsonArray();
    for (int a : axis) {
      ax.add(a);
    }
    return super.getConfig().put("axis", ax).put("invert", invert)
        .put("mean", inputMean == null ? JsonNull.INSTANCE : NumericJson.toJson(inputMean))
        .put("variance", inputVariance == null ? JsonNull.INSTANCE : NumericJson.toJson(inputVariance));
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code Normalization.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static Normalization fromConfig(Config c) {
    int[] axis;
    JsonElement a = c.getOrNull("axis");
    if (a == null || a.isJsonNull()) {
      axis = new int[0];
    } else if (a.isJsonPrimitive()) {
      axis = new int[] {Config.toInt("axis", a)};
    } else {
      axis = c.getInts("axis");
    }
    INDArray mean = c.isSet("mean") ? NumericJson.toArray("mean", c.get("mean")) : null;
    INDArray variance = c.isSet("variance") ? NumericJson.toArray("variance", c.get("variance")) : null;
    return new Normalization(axis, mean, variance, c.getBoolean("invert", false)).withBaseConfig(c);
  }
}
