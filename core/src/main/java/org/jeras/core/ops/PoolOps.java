package org.jeras.core.ops;

import static org.jeras.core.tensor.GradientTape.recordOp;

import java.util.Arrays;
import org.jeras.core.graph.OpDesc;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Differentiable N-d max and average pooling over channels_last tensors {@code [N, s1..sr, C]}
 * with explicit padding. Padded positions never take part: max ignores them and the average
 * divides by the number of real elements in the window, as Keras does for {@code "same"}.
 * 1-d and 2-d pooling with even padding runs on ND4J's native ops; the rest on a portable loop.
 */
public final class PoolOps {
  private PoolOps() {}

  /**
   * {@return max pooling; the gradient flows to the first maximum of each window}
   *
   * @param x the input
   * @param poolSize the window size of each spatial axis
   * @param strides the stride of each spatial axis
   * @param pads the {@code {before, after}} padding of each axis
   */
  public static Tensor maxPool(Tensor x, int[] poolSize, int[] strides, int[][] pads) {
    return pool(x, poolSize, strides, pads, true);
  }

  /**
   * Average pooling over the real (unpadded) elements of each window.
   *
   * @param x the input
   * @param poolSize the window size of each spatial axis
   * @param strides the stride of each spatial axis
   * @param pads the {@code {before, after}} padding of each axis
   * @return the pooled tensor
   */
  public static Tensor avgPool(Tensor x, int[] poolSize, int[] strides, int[][] pads) {
    return pool(x, poolSize, strides, pads, false);
  }

  private static Tensor pool(Tensor x, int[] poolSize, int[] strides, int[][] pads, boolean max) {
    String op = max ? "max_pool" : "average_pool";
    Checks.spatial(op, x.value(), null, strides, pads, null);
    int r = x.rank() - 2;
    Checks.positive(op, "pool sizes", poolSize, r);
    boolean symmetric = true;
    for (int[] p : pads) {
      symmetric &= p[0] == p[1];
    }
    if (r == 2 && symmetric) {
      return nativePool2d(x, poolSize, strides, pads, max);
    }
    if (r == 1 && symmetric) {
      // A 1-d window is a 2-d one of height 1.
      long[] s = x.value().shape();
      Tensor y = nativePool2d(ArrayOps.reshape(x, s[0], 1, s[1], s[2]), new int[] {1, poolSize[0]},
          new int[] {1, strides[0]}, new int[][] {{0, 0}, pads[0]}, max);
      long[] o = y.value().shape();
      return ArrayOps.reshape(y, o[0], o[2], o[3]);
    }
    return poolReference(x, poolSize, strides, pads, max);
  }

  /**
   * 2-d pooling on ND4J's {@code maxpool2d} / {@code avgpool2d} (NHWC; the average excludes
   * padding) and their {@code _bp} ops; ND4J pads symmetrically, so only even padding comes here.
   */
  private static Tensor nativePool2d(Tensor x, int[] poolSize, int[] strides, int[][] pads, boolean max) {
    INDArray xv = x.value();
    INDArray in = xv.isView() || xv.ordering() != 'c' ? xv.dup('c') : xv;
    String op = max ? "maxpool2d" : "avgpool2d";
    int[] iArgs = {poolSize[0], poolSize[1], strides[0], strides[1], pads[0][0], pads[1][0], 1, 1, 0, 0, 1};
    // floorDiv: a window larger than the input must give an empty output, not round up to 1.
    long oH = Math.floorDiv(in.size(1) + 2L * pads[0][0] - poolSize[0], strides[0]) + 1;
    long oW = Math.floorDiv(in.size(2) + 2L * pads[1][0] - poolSize[1], strides[1]) + 1;
    if (oH <= 0 || oW <= 0) {
      throw new IllegalArgumentException("Pooling output would be empty: input " + Arrays.toString(
          in.shape()) + ", pool " + Arrays.toString(poolSize));
    }
    INDArray out = Nd4j.createUninitialized(in.dataType(), in.size(0), oH, oW, in.size(3));
    Nd4j.exec(DynamicCustomOp.builder(op).addInputs(in).addOutputs(out).addIntegerArguments(iArgs).build());
    return recordOp(poolDesc(max, poolSize, strides, pads), out, g -> {
      INDArray gx = Nd4j.createUninitialized(in.dataType(), in.shape());
      INDArray gc = g.isView() || g.ordering() != 'c' ? g.dup('c') : g;
      Nd4j.exec(DynamicCustomOp.builder(op + "_bp").addInputs(in, gc).addOutputs(gx).addIntegerArguments(iArgs)
          .build());
      return new INDArray[] {gx};
    }, x);
  }

  /** {@link #maxPool} / {@link #avgPool} on the portable loop nest; the reference for the native path. */
  static Tensor poolReference(Tensor x, int[] poolSize, int[] strides, int[][] pads, boolean max) {
    INDArray xv = x.value();
    long[] shape = xv.shape();
    int r = shape.length - 2;
    long[] in = ConvOps.spatial(shape);
    long[] out = new long[r];
    for (int d = 0; d < r; d++) {
      out[d] = Math.floorDiv(in[d] + pads[d][0] + pads[d][1] - poolSize[d], strides[d]) + 1;
      if (out[d] <= 0) {
        throw new IllegalArgumentException("Pooling output would be empty on spatial axis " + d + ": input "
            + in[d] + ", pool " + poolSize[d]);
      }
    }
    int channels = (int) shape[shape.length - 1];
    long outVolume = 1;
    for (long o : out) {
      outVolume *= o;
    }
    double[] xd = ConvOps.doubles(xv);
    double[] yd = new double[(int) (shape[0] * outVolume * channels)];
    // For each output element: the input element it came from (max) or the window size (average).
    int[] argmax = max ? new int[yd.length] : null;
    int[] counts = max ? null : new int[(int) (shape[0] * outVolume)];
    int[] o = new int[r];
    int[] w = new int[r];
    int windowVolume = Arrays.stream(poolSize).reduce(1, (a, c) -> a * c);
    long inVolume = xd.length / shape[0] / channels;
    for (long b = 0; b < shape[0]; b++) {
      Arrays.fill(o, 0);
      for (long of = 0; of < outVolume; of++) {
        int yBase = (int) ((b * outVolume + of) * channels);
        if (max) {
          Arrays.fill(yd, yBase, yBase + channels, Double.NEGATIVE_INFINITY);
        }
        int count = 0;
        Arrays.fill(w, 0);
        for (int k = 0; k < windowVolume; k++) {
          long inFlat = 0;
          boolean inside = true;
          for (int d = 0; d < r; d++) {
            long p = (long) o[d] * strides[d] + w[d] - pads[d][0];
            if (p < 0 || p >= in[d]) {
              inside = false;
              break;
            }
            inFlat = inFlat * in[d] + p;
          }
          if (inside) {
            count++;
            int xBase = (int) ((b * inVolume + inFlat) * channels);
            for (int c = 0; c < channels; c++) {
              double v = xd[xBase + c];
              if (!max) {
                yd[yBase + c] += v;
              } else if (v > yd[yBase + c] || Double.isNaN(v)) {
                yd[yBase + c] = v;
                argmax[yBase + c] = xBase + c;
              }
            }
          }
          advance(w, poolSize);
        }
        if (!max) {
          counts[(int) (b * outVolume + of)] = count;
          for (int c = 0; c < channels; c++) {
            yd[yBase + c] /= count;
          }
        }
        advance(o, out);
      }
    }
    INDArray y = ConvOps.array(yd, ConvOps.outShape(shape, out, channels), xv);
    if (max) {
      return recordOp(poolDesc(true, poolSize, strides, pads), y, g -> {
        double[] gd = ConvOps.doubles(g);
        double[] gx = new double[xd.length];
        for (int i = 0; i < gd.length; i++) {
          gx[argmax[i]] += gd[i];
        }
        return new INDArray[] {ConvOps.array(gx, shape, xv)};
      }, x);
    }
    return recordOp(poolDesc(false, poolSize, strides, pads), y, g -> {
      // The adjoint of the average: each window spreads its gradient over its real elements.
      double[] gd = ConvOps.doubles(g);
      for (int i = 0; i < gd.length; i++) {
        gd[i] /= counts[i / channels];
      }
      double[] gx = new double[xd.length];
      ConvGeometry geo = new ConvGeometry(shape[0], in, out, toLong(poolSize), channels, channels, channels,
          strides, ones(r), padBefore(pads));
      double[] unit = new double[windowVolume * channels];
      Arrays.fill(unit, 1.0);
      geo.gradInput(gx, unit, gd);
      return new INDArray[] {ConvOps.array(gx, shape, xv)};
    }, x);
  }

  private static OpDesc poolDesc(boolean max, int[] poolSize, int[] strides, int[][] pads) {
    return OpDesc.of(max ? "max_pool" : "avg_pool", "pool_size", poolSize.clone(), "strides", strides.clone(),
        "pads", pads.clone());
  }

  private static void advance(int[] index, long[] limits) {
    for (int d = index.length - 1; d >= 0; d--) {
      if (++index[d] < limits[d]) {
        return;
      }
      index[d] = 0;
    }
  }

  private static void advance(int[] index, int[] limits) {
    for (int d = index.length - 1; d >= 0; d--) {
      if (++index[d] < limits[d]) {
        return;
      }
      index[d] = 0;
    }
  }

  private static long[] toLong(int[] a) {
    return Arrays.stream(a).asLongStream().toArray();
  }

  private static int[] ones(int n) {
    int[] a = new int[n];
    Arrays.fill(a, 1);
    return a;
  }

  private static int[] padBefore(int[][] pads) {
    int[] p = new int[pads.length];
    for (int d = 0; d < pads.length; d++) {
      p[d] = pads[d][0];
    }
    return p;
  }
}
