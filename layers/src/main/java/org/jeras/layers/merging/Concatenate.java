package org.jeras.layers.merging;

import java.util.ArrayList;
import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.layer.CallArgs;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.Layer;
import org.jeras.core.ops.ArrayOps;
import org.jeras.core.ops.MathOps;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.factory.Nd4j;

/** Joins its inputs along {@code axis} (Keras's {@code Concatenate}). */
public class Concatenate extends Layer {
  private final int axis;

  public Concatenate() {
    this(-1);
  }

  public Concatenate(int axis) {
    this.axis = axis;
    this.supportsMasking = true;
  }

  /** Checks that all dims but the concatenation axis agree, as Keras does. */
  @Override
  protected void build(List<org.jeras.core.tensor.Shape> inputShapes) {
    int rank = inputShapes.get(0).rank();
    int ax = axis < 0 ? axis + rank : axis;
    for (org.jeras.core.tensor.Shape s : inputShapes) {
      if (s.rank() != rank) {
        throw new IllegalArgumentException("Concatenate '" + name() + "' needs inputs of equal rank, got " + inputShapes);
      }
      for (int i = 1; i < rank; i++) {
        long a = inputShapes.get(0).get(i);
        long b = s.get(i);
        if (i != ax && a != b && a != org.jeras.core.tensor.Shape.UNKNOWN && b != org.jeras.core.tensor.Shape.UNKNOWN) {
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

  @Override
  protected Tensor computeMask(CallArgs args, List<Tensor> outputs) {
    List<Tensor> inputs = args.tensors(0);
    boolean any = inputs.stream().anyMatch(t -> t.mask() != null);
    if (!any) {
      return null;
    }
    // Inputs without a mask count as fully unmasked; masks are joined along the same axis when it
    // is a feature axis of the mask, else combined with AND (Keras's rule).
    List<Tensor> masks = new ArrayList<>();
    for (Tensor t : inputs) {
      masks.add(t.mask() != null ? MathOps.cast(t.mask(), org.jeras.core.tensor.DType.FLOAT32)
          : Tensor.of(Nd4j.ones(org.nd4j.linalg.api.buffer.DataType.FLOAT, maskShape(t))));
    }
    int rank = inputs.get(0).rank();
    int ax = axis < 0 ? axis + rank : axis;
    if (masks.get(0).rank() == rank) {
      return ArrayOps.concat(masks, ax);
    }
    Tensor m = masks.get(0);
    for (int i = 1; i < masks.size(); i++) {
      m = MathOps.mul(m, masks.get(i));
    }
    return m;
  }

  private static long[] maskShape(Tensor t) {
    long[] s = t.shape().dims();
    return java.util.Arrays.copyOf(s, s.length - 1);
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("axis", axis);
  }

  public static Concatenate fromConfig(Config c) {
    return new Concatenate(c.getInt("axis", -1)).withBaseConfig(c);
  }
}
