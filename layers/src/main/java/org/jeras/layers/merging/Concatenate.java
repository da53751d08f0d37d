package org.jeras.layers.merging;

import java.util.ArrayList;
import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.layer.Args;
import org.jeras.core.layer.CallArgs;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.Layer;
import org.jeras.core.ops.ArrayOps;
import org.jeras.core.ops.Broadcast;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.layers.ops.MaskOps;

/** Joins its inputs along {@code axis} (Keras's {@code Concatenate}). */
public class Concatenate extends Layer {
  private final int axis;

  /** Keras's {@code Concatenate()}: every argument at its default. */
  public Concatenate() {
    this(-1);
  }

  /**
   * Keras's {@code Concatenate(axis)}.
   *
   * @param axis the axis, negative from the end
   */
  public Concatenate(int axis) {
    this.axis = axis;
    this.supportsMasking = true;
  }

  /** Checks that all dims but the concatenation axis agree, as Keras does. */
  @Override
  protected void build(List<Shape> inputShapes) {
    int rank = inputShapes.get(0).rank();
    int ax = Args.axis(className(), "axis", axis, rank);
    for (Shape s : inputShapes) {
      if (s.rank() != rank) {
        throw new IllegalArgumentException("Concatenate '" + name() + "' needs inputs of equal rank, got " + inputShapes);
      }
      for (int i = 1; i < rank; i++) {
        long a = inputShapes.get(0).get(i);
        long b = s.get(i);
        if (i != ax && a != b && a != Shape.UNKNOWN && b != Shape.UNKNOWN) {
          throw new IllegalArgumentException("Concatenate '" + name() + "' needs matching shapes except on axis "
              + axis + ", got " + inputShapes);
        }
      }
    }
  }

  @Override
  protected Tensor call(List<Tensor> inputs, CallContext ctx) {
    return ArrayOps.concat(inputs, axis);
  }

  /**
   * Keras's Concatenate.compute_mask: each input's mask (all true where it has none) broadcast to
   * the input's shape, joined along {@code axis}, then any() over the last axis.
   */
  @Override
  protected Tensor computeMask(CallArgs args, List<Tensor> outputs) {
    List<Tensor> inputs = args.tensors(0);
    if (inputs.stream().allMatch(t -> t.mask() == null)) {
      return null;
    }
    List<Tensor> masks = new ArrayList<>();
    for (Tensor t : inputs) {
      Tensor m = t.mask();
      if (m == null) {
        masks.add(MaskOps.onesLikeBool(t));
      } else if (m.rank() < t.rank()) {
        // Broadcast by an OR with the input's shape, so the input is an operand of the recorded ops.
        masks.add(MaskOps.logicalOr(MaskOps.expandDims(m, -1), MaskOps.zerosLikeBool(t)));
      } else {
        masks.add(m);
      }
    }
    return MaskOps.any(MaskOps.concatenate(masks, axis), -1);
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("axis", axis);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code Concatenate.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static Concatenate fromConfig(Config c) {
    return new Concatenate(c.getInt("axis", -1)).withBaseConfig(c);
  }

  /** Keras's {@code Concatenate.compute_output_shape}: the first input's shape, summed along the axis. */
  @Override
  public List<Tensor> computeOutputSpec(CallArgs args) {
    List<Tensor> inputs = args.tensors(0);
    long[] d = inputs.get(0).shape().dims();
    int ax = Args.axis(className(), "axis", axis, d.length);
    for (Tensor t : inputs.subList(1, inputs.size())) {
      long n = t.shape().get(ax);
      if (d[ax] == Shape.UNKNOWN || n == Shape.UNKNOWN) {
        d[ax] = Shape.UNKNOWN;
        break;
      }
      d[ax] += n;
    }
    return List.of(Tensor.symbolic(Shape.of(d), computeDtype(), null));
  }
}
