package org.jeras.layers.activations;

import java.util.List;
import org.jeras.core.graph.Tracer;
import org.jeras.core.config.Config;
import org.jeras.core.layer.CallArgs;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.Layer;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.NnOps;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;
import org.jeras.layers.core.Axes;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Softmax over one or more axes (Keras's {@code Softmax} layer). A {@code mask} (keyword argument,
 * else the input's Keras mask) broadcastable to the input excludes positions: they get a large
 * negative logit before the softmax and exactly 0 after it.
 */
public class Softmax extends Layer {
  private final Axes axis;

  /**
   * Keras's {@code Softmax(axis)}.
   *
   * @param axis the axis or axes normalized over
   */
  public Softmax(Axes axis) {
    buildAtInit();
    this.axis = axis;
    this.supportsMasking = true;
  }

  /**
   * Softmax over one axis.
   *
   * @param axis the axis, negative from the end
   */
  public Softmax(int axis) {
    this(Axes.of(axis));
  }

  /** Keras's {@code Softmax()}: every argument at its default. */
  public Softmax() {
    this(-1);
  }

  /** {@return the axis or axes normalized over} */
  public Axes axis() {
    return axis;
  }

  @Override
  protected List<Tensor> call(CallArgs args, CallContext ctx) {
    Tensor x = args.tensor(0);
    Tensor mask = mask(args);
    if (mask == null) {
      return List.of(softmax(x));
    }
    Tensor keep = Tracer.derived(keepMask(mask.value()), mask);
    // Keras's large negative: -1e9, or -3e4 where float16 cannot hold it.
    double large = x.dtype() == DType.FLOAT16 ? -3e4 : -1e9;
    Tensor masked = MathOps.where(keep, x, Tracer.literal(Tensor.of(Nd4j.scalar(x.value().dataType(), large))));
    Tensor y = softmax(masked);
    return List.of(MathOps.where(keep, y, Tracer.literal(Tensor.of(Nd4j.scalar(y.value().dataType(), 0.0)))));
  }

  /**
   * The input's shape in the compute dtype, as Keras's compute_output_shape gives, without a call:
   * a mask is right-aligned with the input, so with unknown dims a trial call on made-up sizes
   * could fail where Keras's symbolic check skips them.
   */
  @Override
  public List<Tensor> computeOutputSpec(CallArgs args) {
    axis.resolve(className(), args.tensor(0).rank()); // refuse a bad axis at the symbolic call, as the eager one does
    return List.of(Tensor.symbolic(args.tensor(0).shape(), computeDtype(), null));
  }

  private Tensor softmax(Tensor x) {
    int[] axes = axis.resolve(className(), x.rank());
    if (axes.length == 1) {
      return NnOps.softmax(x, axes[0]);
    }
    return MathOps.exp(MathOps.sub(x, ReduceOps.logSumExp(x, true, axes)));
  }

  /** A boolean mask as is; any other as {@code mask > 0.5}, as Keras casts it. */
  private static INDArray keepMask(INDArray mask) {
    return mask.dataType() == DataType.BOOL ? mask : mask.gt(0.5);
  }

  /** The {@code mask} argument; when absent or None, the input's Keras mask (as Keras fills it in). */
  private static Tensor mask(CallArgs args) {
    Tensor given = args.kwTensor("mask");
    return given != null ? given : args.tensor(0).mask();
  }

  /** Keras's {@code call(inputs, mask=None)}: a functional node records the input's mask as {@code mask}. */
  @Override
  protected boolean callTakesMask() {
    return true;
  }

  /** As Keras, the output carries the mask the call received. */
  @Override
  protected Tensor computeMask(CallArgs args, List<Tensor> outputs) {
    return mask(args);
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("axis", axis.json());
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code Softmax.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static Softmax fromConfig(Config c) {
    return new Softmax(Axes.read(c, "axis", Axes.of(-1))).withBaseConfig(c);
  }
}
