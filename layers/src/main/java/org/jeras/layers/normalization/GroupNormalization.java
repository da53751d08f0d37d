package org.jeras.layers.normalization;

import org.jeras.core.layer.InputSpec;
import java.util.Arrays;
import org.jeras.core.config.Config;
import org.jeras.core.layer.Args;
import org.jeras.core.layer.CallContext;
import org.jeras.core.ops.ArrayOps;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.NormOps;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;

/**
 * Splits the channels on {@code axis} into {@code groups} and normalizes each group of each
 * sample over its channels and all other non-batch axes, then applies per-channel {@code gamma}
 * and {@code beta} (Keras's {@code GroupNormalization}). {@code groups = -1} means one group per
 * channel (instance normalization) and is written back as the channel count once built.
 */
public class GroupNormalization extends AffineNormalization {
  private int groups;
  private final int axis;

  /**
   * Keras's {@code GroupNormalization(groups, axis)}.
   *
   * @param groups the number of groups, or -1 for instance normalization
   * @param axis the channel axis, negative from the end
   */
  public GroupNormalization(int groups, int axis) {
    super(1e-3);
    if (groups <= 0 && groups != -1) {
      throw Args.invalid(className(), "groups", "a positive integer (or -1 for instance normalization)", groups);
    }
    this.groups = groups;
    this.axis = axis;
  }

  /**
   * Group normalization over the last axis.
   *
   * @param groups the number of groups, or -1 for instance normalization
   */
  public GroupNormalization(int groups) {
    this(groups, -1);
  }

  /** {@return the number of groups} */
  public int groups() {
    return groups;
  }

  @Override
  protected void build(Shape inputShape) {
    long dim = inputShape.get(Args.axis(className(), "axis", axis, inputShape.rank()));
    if (dim == Shape.UNKNOWN) {
      throw new IllegalArgumentException("Axis " + axis + " of input tensor should have a defined dimension but the"
          + " layer received an input with shape " + inputShape + ".");
    }
    if (groups == -1) {
      groups = (int) dim;
    }
    if (dim < groups) {
      throw new IllegalArgumentException("Number of groups (" + groups + ") cannot be more than the number of"
          + " channels (" + dim + ").");
    }
    if (dim % groups != 0) {
      throw new IllegalArgumentException("Number of groups (" + groups + ") must be a multiple of the number of"
          + " channels (" + dim + ").");
    }
    setInputSpec(InputSpec.builder().ndim(inputShape.rank()).axis(axis, dim).build());
    buildScaleOffset(new long[] {dim}, scale, center);
  }

  @Override
  protected Tensor call(Tensor x, CallContext ctx) {
    int rank = x.rank();
    int p = axis < 0 ? axis + rank : axis;
    long[] in = x.shape().dims();
    // (..., C, ...) -> (..., groups, C / groups, ...); normalize over all but the batch and group axes.
    long[] grouped = new long[rank + 1];
    for (int i = 0, j = 0; i < grouped.length; i++) {
      if (i == p) {
        grouped[i] = groups;
      } else if (i == p + 1) {
        grouped[i] = in[p] / groups;
        j++;
      } else {
        grouped[i] = in[j++];
      }
    }
    int[] reduce = new int[rank - 1];
    for (int i = 1, n = 0; i <= rank; i++) {
      if (i != p) {
        reduce[n++] = i;
      }
    }
    Tensor y = ArrayOps.reshape(NormOps.standardize(ArrayOps.reshape(x, grouped), epsilon, reduce), in);
    long[] channel = new long[rank];
    Arrays.fill(channel, 1);
    channel[p] = in[p];
    return MathOps.cast(scaleAndOffset(y, channel), computeDtype());
  }

  @Override
  public Config getConfig() {
    Config c = super.getConfig()
        .put("groups", groups)
        .put("axis", axis)
        .put("epsilon", epsilon)
        .put("center", center)
        .put("scale", scale);
    putInitializers(c);
    putRegularizersAndConstraints(c);
    return c;
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code GroupNormalization.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static GroupNormalization fromConfig(Config c) {
    return new GroupNormalization(c.getInt("groups", 32), c.getInt("axis", -1)).readAffine(c, 1e-3);
  }
}
