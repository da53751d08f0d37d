package org.jeras.layers.merging;

import java.util.Arrays;
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
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
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
    int rank = inputs.get(0).rank();
    int ax = Args.axis(className(), "axis", axis, rank);
    INDArray[] masks = new INDArray[inputs.size()];
    for (int i = 0; i < masks.length; i++) {
      Tensor t = inputs.get(i);
      long[] shape = t.value().shape();
      if (t.mask() == null) {
        masks[i] = Nd4j.ones(DataType.DOUBLE, shape);
        continue;
      }
      INDArray m = t.mask().value().castTo(DataType.DOUBLE).neq(0).castTo(DataType.DOUBLE);
      if (m.rank() < shape.length) {
        long[] withAxis = Arrays.copyOf(m.shape(), m.rank() + 1);
        withAxis[m.rank()] = 1;
        m = Broadcast.to(m.reshape(withAxis), shape);
      }
      masks[i] = m;
    }
    INDArray joined = Nd4j.concat(ax, masks);
    return Tensor.of(joined.max(false, joined.rank() - 1).neq(0).castTo(DataType.BOOL));
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("axis", axis);
  }

  public static Concatenate fromConfig(Config c) {
    return new Concatenate(c.getInt("axis", -1)).withBaseConfig(c);
  }
}
