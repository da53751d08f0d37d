package org.jeras.layers.merging;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jeras.core.layer.CallArgs;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.Layer;
import org.jeras.core.ops.Broadcast;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.layers.ops.MaskOps;

/**
 * The shared mechanism of Keras's element-wise merging layers: folds a list of equally shaped (or
 * broadcastable) inputs with one binary op; the output mask is the OR of the input masks when
 * every input has one, else none.
 */
public abstract class Merge extends Layer {
  /** A merge layer; it passes masks through. */
  protected Merge() {
    this.supportsMasking = true;
  }

  /**
   * Combines two inputs.
   *
   * @param a the running combination
   * @param b the next input
   * @return the combination
   */
  protected abstract Tensor combine(Tensor a, Tensor b);

  /**
   * The final step after folding {@code n} inputs (Average divides); identity by default.
   *
   * @param folded the folded inputs
   * @param n the number of inputs
   * @return the output
   */
  protected Tensor finish(Tensor folded, int n) {
    return folded;
  }

  /** Checks that the inputs can be combined (their non-batch dims broadcast), as Keras's Merge does. */
  @Override
  protected void build(List<Shape> inputShapes) {
    if (inputShapes.size() < 2) {
      throw new IllegalArgumentException(className() + " '" + name() + "' needs at least 2 inputs, got " + inputShapes.size());
    }
    long[] out = inputShapes.get(0).dropFirst().dims();
    for (Shape s : inputShapes.subList(1, inputShapes.size())) {
      out = broadcastKnown(out, s.dropFirst().dims());
    }
  }

  private long[] broadcastKnown(long[] a, long[] b) {
    long[] unknownAsOne = a.clone();
    long[] other = b.clone();
    for (int i = 0; i < unknownAsOne.length; i++) {
      unknownAsOne[i] = Math.max(unknownAsOne[i], 1);
    }
    for (int i = 0; i < other.length; i++) {
      other[i] = Math.max(other[i], 1);
    }
    try {
      return Broadcast.shape(unknownAsOne, other);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(className() + " '" + name() + "': inputs of shapes "
          + Arrays.toString(a) + " and " + Arrays.toString(b) + " cannot be combined", e);
    }
  }

  @Override
  protected Tensor call(List<Tensor> inputs, CallContext ctx) {
    if (inputs.size() < 2) {
      throw new IllegalArgumentException(className() + " needs at least 2 inputs, got " + inputs.size());
    }
    Tensor out = inputs.get(0);
    for (int i = 1; i < inputs.size(); i++) {
      out = combine(out, inputs.get(i));
    }
    return finish(out, inputs.size());
  }

  @Override
  protected Tensor computeMask(CallArgs args, List<Tensor> outputs) {
    // Keras's Merge.compute_mask: no mask unless every input has one, then their OR.
    List<Tensor> inputs = args.tensors(0);
    if (!MaskedMerge.allMasked(inputs)) {
      return null;
    }
    Tensor mask = inputs.get(0).mask();
    for (Tensor t : inputs.subList(1, inputs.size())) {
      mask = MaskOps.logicalOr(mask, t.mask());
    }
    return mask;
  }

  /**
   * Keras's {@code Merge.compute_output_spec}: the inputs' non-batch shapes broadcast (an unknown
   * dim against anything is unknown), the batch size when all known ones agree; the compute dtype.
   */
  @Override
  public List<Tensor> computeOutputSpec(CallArgs args) {
    List<Tensor> inputs = args.tensors(0);
    long[] out = inputs.get(0).shape().dropFirst().dims();
    Set<Long> batches = new HashSet<>();
    for (Tensor t : inputs) {
      long b = t.shape().get(0);
      if (b != Shape.UNKNOWN) {
        batches.add(b);
      }
    }
    for (Tensor t : inputs.subList(1, inputs.size())) {
      out = elementwise(out, t.shape().dropFirst().dims());
    }
    long[] d = new long[out.length + 1];
    d[0] = batches.size() == 1 ? batches.iterator().next() : Shape.UNKNOWN;
    System.arraycopy(out, 0, d, 1, out.length);
    return List.of(Tensor.symbolic(Shape.of(d), computeDtype(), null));
  }

  private long[] elementwise(long[] a, long[] b) {
    if (a.length < b.length) {
      return elementwise(b, a);
    }
    long[] out = a.clone();
    int lead = a.length - b.length;
    for (int k = 0; k < b.length; k++) {
      long i = a[lead + k];
      long j = b[k];
      if (i == Shape.UNKNOWN || j == Shape.UNKNOWN) {
        out[lead + k] = Shape.UNKNOWN;
      } else if (i == 1) {
        out[lead + k] = j;
      } else if (j != 1 && i != j) {
        throw new IllegalArgumentException(className() + " '" + name() + "': inputs of shapes "
            + Arrays.toString(a) + " and " + Arrays.toString(b) + " cannot be combined");
      }
    }
    return out;
  }
}
