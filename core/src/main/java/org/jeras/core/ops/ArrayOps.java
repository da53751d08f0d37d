package org.jeras.core.ops;

import static org.jeras.core.tensor.GradientTape.recordOp;

import java.util.ArrayList;
import java.util.List;
import org.jeras.core.graph.OpDesc;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Differentiable shape manipulation: reshape, transpose, concatenate, slice, gather, pad. */
public final class ArrayOps {
  private ArrayOps() {}

  private static final OpDesc GATHER = OpDesc.of("gather");

  /** {@code {before, after}} pairs flattened as {@code [before0, after0, before1, ...]}, an op attribute. */
  private static long[] flatPads(long[][] pads) {
    long[] flat = new long[2 * pads.length];
    for (int i = 0; i < pads.length; i++) {
      flat[2 * i] = pads[i][0];
      flat[2 * i + 1] = pads[i][1];
    }
    return flat;
  }

  /**
   * Reshape in C order; one dim may be -1.
   *
   * @param a the input
   * @param shape the shape
   * @return the reshaped tensor
   */
  public static Tensor reshape(Tensor a, long... shape) {
    INDArray x = a.value();
    long[] in = x.shape();
    Checks.reshape(in, shape);
    INDArray out = (x.isView() && !x.isR()) ? x.dup('c').reshape('c', shape) : x.reshape('c', shape);
    return recordOp(OpDesc.of("reshape", "shape", out.shape()), out, g -> new INDArray[] {g.reshape('c', in)}, a);
  }

  /**
   * Permutes axes ({@code perm[i]} is the input axis that becomes axis i).
   *
   * @param a the input
   * @param perm the input axis of each output axis
   * @return the transposed tensor
   */
  public static Tensor transpose(Tensor a, int... perm) {
    INDArray x = a.value();
    Checks.permutation("transpose", x.rank(), perm);
    int[] inverse = new int[perm.length];
    for (int i = 0; i < perm.length; i++) {
      inverse[perm[i]] = i;
    }
    return recordOp(OpDesc.of("transpose", "perm", perm.clone()), x.permute(perm).dup('c'), g -> new INDArray[] {g.permute(inverse).dup('c')}, a);
  }

  /**
   * Joins tensors along {@code axis}; mixed dtypes are first cast to their Keras result type.
   *
   * @param parts the tensors
   * @param axis the axis, negative from the end
   * @return the joined tensor
   */
  public static Tensor concat(List<Tensor> parts, int axis) {
    DType common = DType.of(parts.get(0).value().dataType());
    for (Tensor t : parts) {
      common = DType.promote(common, DType.of(t.value().dataType()));
    }
    List<Tensor> same = new ArrayList<>(parts.size());
    for (Tensor t : parts) {
      same.add(MathOps.cast(t, common));
    }
    parts = same;
    int rank = parts.get(0).rank();
    int ax = Checks.axis("concatenate", rank, axis);
    INDArray[] xs = new INDArray[parts.size()];
    long[] sizes = new long[xs.length];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = parts.get(i).value();
      sizes[i] = xs[i].size(ax);
    }
    Checks.concat("concatenate", xs, ax);
    INDArray out = Nd4j.concat(ax, xs);
    return recordOp(OpDesc.of("concat", "axis", ax), out, g -> {
      INDArray[] gs = new INDArray[xs.length];
      long start = 0;
      for (int i = 0; i < xs.length; i++) {
        gs[i] = g.get(range(rank, ax, start, start + sizes[i])).dup('c');
        start += sizes[i];
      }
      return gs;
    }, parts.toArray(new Tensor[0]));
  }

  /**
   * Stacks equally shaped tensors along a new {@code axis}.
   *
   * @param parts the tensors
   * @param axis the axis, negative from the end
   * @return the stacked tensor
   */
  public static Tensor stack(List<Tensor> parts, int axis) {
    int rank = parts.get(0).rank() + 1;
    int ax = axis < 0 ? axis + rank : axis;
    Tensor[] expanded = new Tensor[parts.size()];
    for (int i = 0; i < expanded.length; i++) {
      expanded[i] = expandDims(parts.get(i), ax);
    }
    return concat(List.of(expanded), ax);
  }

  /**
   * {@return the slice {@code [start, end)} along {@code axis}}
   *
   * @param a the input
   * @param axis the axis, negative from the end
   * @param start the first index
   * @param end the index after the last
   */
  public static Tensor slice(Tensor a, int axis, long start, long end) {
    INDArray x = a.value();
    int ax = Checks.axis("slice", x.rank(), axis);
    if (start < 0 || end > x.size(ax) || start > end) {
      throw new OpShapeException("slice: [" + start + ", " + end + ") is out of range for axis " + axis + " of shape "
          + Checks.shape(x));
    }
    INDArrayIndex[] idx = range(x.rank(), ax, start, end);
    INDArray out = x.get(idx).dup('c');
    return recordOp(OpDesc.of("slice", "axis", ax, "start", start, "end", end), out, g -> {
      INDArray gx = Nd4j.zeros(x.dataType(), x.shape());
      gx.put(idx, g);
      return new INDArray[] {gx};
    }, a);
  }

  /**
   * {@return element {@code index} along {@code axis}, with that axis removed}
   *
   * @param a the input
   * @param axis the axis, negative from the end
   * @param index the index
   */
  public static Tensor take(Tensor a, int axis, long index) {
    Tensor s = slice(a, axis, index, index + 1);
    return squeeze(s, axis < 0 ? axis + a.rank() : axis);
  }

  /**
   * {@return {@code a} with a new axis of size 1 at {@code axis}}
   *
   * @param a the input
   * @param axis the new axis's position, negative from the end
   */
  public static Tensor expandDims(Tensor a, int axis) {
    long[] s = a.value().shape();
    int ax = axis < 0 ? axis + s.length + 1 : axis;
    long[] out = new long[s.length + 1];
    for (int i = 0, j = 0; i < out.length; i++) {
      out[i] = i == ax ? 1 : s[j++];
    }
    return reshape(a, out);
  }

  /**
   * {@return {@code a} without its axis {@code axis}, which must have size 1}
   *
   * @param a the input
   * @param axis the axis, negative from the end
   */
  public static Tensor squeeze(Tensor a, int axis) {
    long[] s = a.value().shape();
    int ax = Checks.axis("squeeze", s.length, axis);
    if (s[ax] != 1) {
      throw new OpShapeException("Cannot squeeze axis " + axis + " of size " + s[ax]);
    }
    long[] out = new long[s.length - 1];
    for (int i = 0, j = 0; i < s.length; i++) {
      if (i != ax) {
        out[j++] = s[i];
      }
    }
    return reshape(a, out);
  }

  /**
   * {@return rows of {@code table} selected by integer {@code indices} (any shape): {@code table[indices]}}
   *
   * @param table the table
   * @param indices the indices
   */
  public static Tensor gather(Tensor table, Tensor indices) {
    INDArray t = table.value();
    INDArray idx = indices.value();
    long[] flatIdx = idx.castTo(DataType.LONG).reshape(-1).toLongVector();
    if (t.rank() < 1) {
      throw new OpShapeException("gather: the table must have rank 1 or more, got shape " + Checks.shape(t));
    }
    Checks.indices("gather", flatIdx, t.size(0));
    long rowLen = t.length() / t.size(0);
    INDArray rows = Nd4j.pullRows(t.reshape(t.size(0), rowLen), 1, toInt(flatIdx));
    long[] outShape = new long[idx.rank() + t.rank() - 1];
    System.arraycopy(idx.shape(), 0, outShape, 0, idx.rank());
    System.arraycopy(t.shape(), 1, outShape, idx.rank(), t.rank() - 1);
    INDArray out = rows.reshape('c', outShape);
    return recordOp(GATHER, out, g -> {
      INDArray gt = Nd4j.zeros(t.dataType(), t.size(0), rowLen);
      INDArray g2 = g.reshape('c', flatIdx.length, rowLen);
      for (int i = 0; i < flatIdx.length; i++) {
        gt.getRow(flatIdx[i]).addi(g2.getRow(i));
      }
      return new INDArray[] {gt.reshape(t.shape()), null};
    }, table, indices);
  }

  /**
   * Constant padding: {@code pads[i] = {before, after}} for axis i.
   *
   * @param a the input
   * @param pads the {@code {before, after}} padding of each axis
   * @param value the value
   * @return the padded tensor
   */
  public static Tensor pad(Tensor a, long[][] pads, double value) {
    INDArray x = a.value();
    long[] out = x.shape().clone();
    INDArrayIndex[] inner = new INDArrayIndex[out.length];
    for (int i = 0; i < out.length; i++) {
      out[i] += pads[i][0] + pads[i][1];
      inner[i] = NDArrayIndex.interval(pads[i][0], pads[i][0] + x.size(i));
    }
    // Paddings come from configs: bound the output before allocating it.
    TensorLimit.check("the output of pad", out, a.dtype());
    INDArray y = Nd4j.valueArrayOf(out, value, x.dataType());
    y.put(inner, x);
    return recordOp(OpDesc.of("pad", "pads", flatPads(pads), "value", value), y, g -> new INDArray[] {g.get(inner).dup('c')}, a);
  }

  /**
   * Repeats each element {@code repeats} times along {@code axis} (numpy's repeat).
   *
   * @param a the input
   * @param repeats how many times each element is repeated
   * @param axis the axis, negative from the end
   * @return the repeated tensor
   */
  public static Tensor repeat(Tensor a, int repeats, int axis) {
    INDArray x = a.value();
    int ax = axis < 0 ? axis + x.rank() : axis;
    long[] s = x.shape();
    long[] expanded = new long[s.length + 1];
    for (int i = 0, j = 0; i < expanded.length; i++) {
      expanded[i] = i == ax + 1 ? repeats : s[j++];
    }
    // Repeat counts come from configs (RepeatVector, UpSampling): bound the output before allocating it.
    TensorLimit.check("the output of repeat", expanded, a.dtype());
    long[] out = s.clone();
    out[ax] *= repeats;
    long[] unit = expanded.clone();
    unit[ax + 1] = 1;
    INDArray y = x.reshape('c', unit).broadcast(expanded).dup('c').reshape('c', out);
    return recordOp(OpDesc.of("repeat", "repeats", repeats, "axis", ax), y,
        g -> new INDArray[] {g.reshape('c', expanded).sum(ax + 1).reshape(s)}, a);
  }

  static INDArrayIndex[] range(int rank, int axis, long start, long end) {
    INDArrayIndex[] idx = new INDArrayIndex[rank];
    for (int i = 0; i < rank; i++) {
      idx[i] = i == axis ? NDArrayIndex.interval(start, end) : NDArrayIndex.all();
    }
    return idx;
  }

  private static int[] toInt(long[] v) {
    int[] out = new int[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = Math.toIntExact(v[i]);
    }
    return out;
  }
}
