package org.jeras.layers.merging;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.layer.Args;
import org.jeras.core.layer.CallArgs;
import org.jeras.core.layer.CallContext;
import org.jeras.core.ops.ArrayOps;
import org.jeras.core.ops.LinalgOps;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;

/**
 * The dot product of two batched inputs along one axis of each (Keras's {@code Dot}, computed as
 * Keras's {@code batch_dot}); with {@code normalize} the samples are L2-normalized first, giving
 * the cosine similarity.
 */
public class Dot extends Merge {
  /** Keras's {@code backend.epsilon()}: the L2 norm is clamped below by it. */
  private static final double EPSILON = 1e-7;

  private final int[] axes;
  private final boolean sameAxis;
  private final boolean normalize;

  /**
   * The same axis of both inputs.
   *
   * @param axis the axis, negative from the end
   * @param normalize whether to L2-normalize the inputs first (cosine similarity)
   */
  public Dot(int axis, boolean normalize) {
    this.axes = new int[] {axis, axis};
    this.sameAxis = true;
    this.normalize = normalize;
  }

  /**
   * Axis {@code axis1} of the first input against {@code axis2} of the second.
   *
   * @param axis1 the axis of the first input
   * @param axis2 the axis of the second input
   * @param normalize whether to L2-normalize the inputs first (cosine similarity)
   */
  public Dot(int axis1, int axis2, boolean normalize) {
    this.axes = new int[] {axis1, axis2};
    this.sameAxis = false;
    this.normalize = normalize;
  }

  @Override
  protected Tensor call(List<Tensor> inputs, CallContext ctx) {
    if (inputs.size() != 2) {
      throw new IllegalArgumentException("A Dot layer should be called on exactly 2 inputs, got " + inputs.size());
    }
    return super.call(inputs, ctx);
  }

  /** Keras's Dot.build: exactly two inputs whose contracted axes have equal (known) sizes. */
  @Override
  protected void build(List<Shape> shapes) {
    if (shapes.size() != 2) {
      throw new IllegalArgumentException("A Dot layer should be called on a list of 2 inputs, got " + shapes.size());
    }
    long d1 = shapes.get(0).get(Args.axis(className(), "axes", axes[0], shapes.get(0).rank()));
    long d2 = shapes.get(1).get(Args.axis(className(), "axes", axes[1], shapes.get(1).rank()));
    if (d1 >= 0 && d2 >= 0 && d1 != d2) {
      throw new IllegalArgumentException("Dot '" + name() + "': incompatible input shapes " + shapes.get(0) + " and "
          + shapes.get(1) + " for axes " + Arrays.toString(axes));
    }
  }

  @Override
  protected Tensor combine(Tensor x, Tensor y) {
    int a0 = Args.axis(className(), "axes", axes[0], x.rank());
    int a1 = Args.axis(className(), "axes", axes[1], y.rank());
    if (normalize) {
      x = l2Normalize(x, a0);
      y = l2Normalize(y, a1);
    }
    return batchDot(x, y, a0, a1);
  }

  /** {@code x * rsqrt(max(sum(x^2), eps^2))} along {@code axis}, as Keras's {@code ops.normalize}. */
  static Tensor l2Normalize(Tensor x, int axis) {
    Tensor sq = ReduceOps.sum(MathOps.square(x), true, axis);
    Tensor clamped = MathOps.maximum(sq, MathOps.fullLike(sq, EPSILON * EPSILON));
    return MathOps.mul(x, MathOps.pow(clamped, -0.5));
  }

  /** Keras's {@code batch_dot} for non-batch axes {@code a0} of x and {@code a1} of y. */
  static Tensor batchDot(Tensor x, Tensor y, int a0, int a1) {
    int xRank = x.rank();
    int yRank = y.rank();
    if (xRank < 2 || yRank < 2) {
      throw new IllegalArgumentException("Dot needs inputs of rank >= 2, got " + x.shape() + " and " + y.shape());
    }
    if (a0 == 0 || a1 == 0) {
      throw new IllegalArgumentException("Dot cannot contract the batch axis 0");
    }
    if (x.shape().get(a0) != y.shape().get(a1)) {
      throw new IllegalArgumentException("Dot: x.shape[" + a0 + "] != y.shape[" + a1 + "] for shapes " + x.shape()
          + " and " + y.shape());
    }
    if (xRank == 2) {
      x = ArrayOps.expandDims(x, 1);
      a0++;
    }
    if (yRank == 2) {
      y = ArrayOps.expandDims(y, 2);
    }
    // Bring the contracted axis of x last and that of y to position 1, then flatten the rest.
    x = ArrayOps.transpose(x, moveAxis(x.rank(), a0, x.rank() - 1));
    y = ArrayOps.transpose(y, moveAxis(y.rank(), a1, 1));
    long[] xs = x.shape().dims();
    long[] ys = y.shape().dims();
    long batch = xs[0];
    long k = xs[xs.length - 1];
    Tensor x3 = ArrayOps.reshape(x, batch, x.value().length() / (batch * k), k);
    Tensor y3 = ArrayOps.reshape(y, batch, k, y.value().length() / (batch * k));
    Tensor out = LinalgOps.matmul(x3, y3);
    long[] outShape = new long[xs.length - 1 + ys.length - 2];
    System.arraycopy(xs, 0, outShape, 0, xs.length - 1);
    System.arraycopy(ys, 2, outShape, xs.length - 1, ys.length - 2);
    out = ArrayOps.reshape(out, outShape);
    if (xRank == 2) {
      out = ArrayOps.squeeze(out, 1);
    } else if (yRank == 2) {
      out = ArrayOps.squeeze(out, out.rank() - 1);
    }
    if (out.rank() == 1) {
      out = ArrayOps.expandDims(out, 1);
    }
    return out;
  }

  private static int[] moveAxis(int rank, int from, int to) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < rank; i++) {
      if (i != from) {
        order.add(i);
      }
    }
    order.add(to, from);
    return order.stream().mapToInt(Integer::intValue).toArray();
  }

  @Override
  protected Tensor computeMask(CallArgs args, List<Tensor> outputs) {
    return null;
  }

  @Override
  public Config getConfig() {
    JsonElement ax;
    if (sameAxis) {
      ax = new JsonPrimitive(axes[0]);
    } else {
      JsonArray a = new JsonArray();
      a.add(axes[0]);
      a.add(axes[1]);
      ax = a;
    }
    return super.getConfig().put("axes", ax).put("normalize", normalize);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code Dot.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static Dot fromConfig(Config c) {
    JsonElement ax = c.get("axes");
    boolean normalize = c.getBoolean("normalize", false);
    Dot dot;
    if (ax.isJsonPrimitive()) {
      dot = new Dot(Config.toInt("axes", ax), normalize);
    } else {
      int[] a = c.getInts("axes");
      if (a.length != 2) {
        throw new ConfigException("Dot 'axes' must be an int or a list of two ints, got " + ax);
      }
      dot = new Dot(a[0], a[1], normalize);
    }
    return dot.withBaseConfig(c);
  }

  /** Keras's {@code Dot.compute_output_shape}: both shapes without their contracted axis, the second without its batch. */
  @Override
  public List<Tensor> computeOutputSpec(CallArgs args) {
    List<Tensor> inputs = args.tensors(0);
    List<Long> a = new ArrayList<>(inputs.get(0).shape().toNullableList());
    List<Long> b = new ArrayList<>(inputs.get(1).shape().toNullableList());
    a.remove(Math.floorMod(axes[0], a.size()));
    b.remove(Math.floorMod(axes[1], b.size()));
    b.remove(0);
    a.addAll(b);
    if (a.size() == 1) {
      a.add(1L);
    }
    return List.of(Tensor.symbolic(Shape.ofNullable(a), computeDtype(), null));
  }
}
