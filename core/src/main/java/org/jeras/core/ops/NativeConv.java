package org.jeras.core.ops;

import static org.jeras.core.tensor.GradientTape.recordOp;

import java.util.Arrays;
import org.jeras.core.graph.OpDesc;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Ungrouped and depthwise 1-d and 2-d convolutions through ND4J's native {@code conv2d} and
 * {@code depthwise_conv2d} with their {@code _bp} ops (NHWC input, YXIO kernel: Keras's layouts). A 1-d convolution runs as a 2-d one of height 1.
 * ND4J pads symmetrically, so uneven padding (Keras's "same" with an even window, "causal") is
 * applied to the input first and its gradient cropped afterwards.
 */
final class NativeConv {
  private NativeConv() {}

  static Tensor conv(Tensor x, Tensor kernel, int[] strides, int[][] pads, int[] dilation) {
    return run("conv2d", x, kernel, strides, pads, dilation);
  }

  /** Depthwise: kernel {@code [k.., in, multiplier]}, output channel {@code c * multiplier + m}. */
  static Tensor depthwise(Tensor x, Tensor kernel, int[] strides, int[][] pads, int[] dilation) {
    return run("depthwise_conv2d", x, kernel, strides, pads, dilation);
  }

  /** Ungrouped 3-d: kernel {@code [kd, kh, kw, in, out]}. */
  static Tensor conv3d(Tensor x, Tensor kernel, int[] strides, int[][] pads, int[] dilation) {
    return run("conv3dnew", x, kernel, strides, pads, dilation);
  }

  private static Tensor run(String op, Tensor x, Tensor kernel, int[] strides, int[][] pads, int[] dilation) {
    INDArray xv = x.value();
    INDArray wv = kernel.value();
    boolean oneD = xv.rank() == 3;
    long[] xShape = xv.shape();
    long[] wShape = wv.shape();
    INDArray xn = contiguous(oneD ? xv.reshape(xShape[0], 1, xShape[1], xShape[2]) : xv);
    INDArray wn = contiguous(oneD ? wv.reshape(1, wShape[0], wShape[1], wShape[2]) : wv);
    int[][] p = oneD ? new int[][] {{0, 0}, pads[0]} : pads;
    int[] s = oneD ? new int[] {1, strides[0]} : strides;
    int[] d = oneD ? new int[] {1, dilation[0]} : dilation;
    int r = p.length;
    boolean symmetric = true;
    for (int[] pair : p) {
      symmetric &= pair[0] == pair[1];
    }
    INDArray in = symmetric ? xn : padded(xn, p);
    // [k.., s.., p.., d..] then (2-d) isSame, NHWC, YXIO or (3-d) padding mode, NDHWC, kernel [k.., in, out].
    int[] iArgs = new int[4 * r + 3];
    long[] outShape = new long[r + 2];
    outShape[0] = in.size(0);
    for (int i = 0; i < r; i++) {
      iArgs[i] = (int) wn.size(i);
      iArgs[r + i] = s[i];
      iArgs[2 * r + i] = symmetric ? p[i][0] : 0;
      iArgs[3 * r + i] = d[i];
      outShape[i + 1] = (in.size(i + 1) + 2L * iArgs[2 * r + i] - (long) d[i] * (wn.size(i) - 1) - 1) / s[i] + 1;
      if (outShape[i + 1] <= 0) {
        throw new IllegalArgumentException("Convolution output would be empty: input " + Arrays.toString(xShape)
            + ", kernel " + Arrays.toString(wShape));
      }
    }
    iArgs[4 * r + 1] = 1;
    outShape[r + 1] = "depthwise_conv2d".equals(op) ? wn.size(r) * wn.size(r + 1) : wn.size(r + 1);
    INDArray out = Nd4j.createUninitialized(xv.dataType(), outShape);
    Nd4j.exec(DynamicCustomOp.builder(op).addInputs(in, wn).addOutputs(out).addIntegerArguments(iArgs).build());
    INDArray y = oneD ? out.reshape(out.size(0), out.size(2), out.size(3)) : out;
    boolean even = symmetric;
    OpDesc desc = "depthwise_conv2d".equals(op) ? ConvOps.convDesc("depthwise_conv", strides, pads, dilation, 1)
        : ConvOps.convDesc("conv", strides, pads, dilation, 1);
    return recordOp(desc, y, g -> {
      INDArray gn = contiguous(oneD ? g.reshape(out.shape()) : g);
      INDArray gIn = Nd4j.createUninitialized(in.dataType(), in.shape());
      INDArray gW = Nd4j.createUninitialized(wn.dataType(), wn.shape());
      Nd4j.exec(DynamicCustomOp.builder(op + "_bp").addInputs(in, wn, gn).addOutputs(gIn, gW)
          .addIntegerArguments(iArgs).build());
      INDArray gx = even ? gIn : gIn.get(interior(xn, p)).dup('c');
      return new INDArray[] {gx.reshape(xShape), gW.reshape(wShape)};
    }, x, kernel);
  }

  /**
   * Transposed convolution (kernel {@code [k.., out, in]}, which is ND4J's {@code deconv2d} weight
   * format 0): ND4J computes the full, uncropped output; the {@code outSpatial} window starting
   * {@code padBefore} into it is kept, and positions past its end (output padding) are zeros.
   */
  static Tensor transpose(Tensor x, Tensor kernel, int[] strides, long[] outSpatial, int[] padBefore, int[] dilation) {
    INDArray xv = x.value();
    INDArray wv = kernel.value();
    boolean oneD = xv.rank() == 3;
    long[] xShape = xv.shape();
    long[] wShape = wv.shape();
    INDArray x4 = contiguous(oneD ? xv.reshape(xShape[0], 1, xShape[1], xShape[2]) : xv);
    INDArray w4 = contiguous(oneD ? wv.reshape(1, wShape[0], wShape[1], wShape[2]) : wv);
    int[] s = oneD ? new int[] {1, strides[0]} : strides;
    int[] d = oneD ? new int[] {1, dilation[0]} : dilation;
    long[] want = oneD ? new long[] {1, outSpatial[0]} : outSpatial;
    int[] from = oneD ? new int[] {0, padBefore[0]} : padBefore;
    long[] full = new long[2];
    for (int i = 0; i < 2; i++) {
      full[i] = (x4.size(i + 1) - 1) * s[i] + (long) d[i] * (w4.size(i) - 1) + 1;
    }
    int[] iArgs = {(int) w4.size(0), (int) w4.size(1), s[0], s[1], 0, 0, d[0], d[1], 0, 1, 0};
    INDArray fullOut = Nd4j.createUninitialized(xv.dataType(), x4.size(0), full[0], full[1], w4.size(2));
    Nd4j.exec(DynamicCustomOp.builder("deconv2d").addInputs(x4, w4).addOutputs(fullOut).addIntegerArguments(iArgs)
        .build());
    INDArray z = Nd4j.zeros(xv.dataType(), x4.size(0), want[0], want[1], w4.size(2));
    INDArrayIndex[][] windows = overlap(full, want, from);
    z.put(windows[1], fullOut.get(windows[0]));
    long[] zShape = oneD ? new long[] {xShape[0], want[1], w4.size(2)} : z.shape();
    return recordOp(ConvOps.transposeDesc(strides, outSpatial, padBefore, dilation), oneD ? z.reshape(zShape) : z, g -> {
      INDArray gFull = Nd4j.zeros(xv.dataType(), fullOut.shape());
      gFull.put(windows[0], g.reshape(z.shape()).get(windows[1]));
      INDArray gx = Nd4j.createUninitialized(x4.dataType(), x4.shape());
      INDArray gw = Nd4j.createUninitialized(w4.dataType(), w4.shape());
      Nd4j.exec(DynamicCustomOp.builder("deconv2d_bp").addInputs(x4, w4, gFull).addOutputs(gx, gw)
          .addIntegerArguments(iArgs).build());
      return new INDArray[] {gx.reshape(xShape), gw.reshape(wShape)};
    }, x, kernel);
  }

  /** The matching windows {full, wanted} of a full output and the wanted one starting {@code from} into it. */
  private static INDArrayIndex[][] overlap(long[] full, long[] want, int[] from) {
    INDArrayIndex[] inFull = new INDArrayIndex[4];
    INDArrayIndex[] inWant = new INDArrayIndex[4];
    inFull[0] = inWant[0] = NDArrayIndex.all();
    inFull[3] = inWant[3] = NDArrayIndex.all();
    for (int i = 0; i < 2; i++) {
      long n = Math.min(want[i], full[i] - from[i]);
      inFull[i + 1] = NDArrayIndex.interval(from[i], from[i] + n);
      inWant[i + 1] = NDArrayIndex.interval(0, n);
    }
    return new INDArrayIndex[][] {inFull, inWant};
  }

  private static INDArray contiguous(INDArray a) {
    return a.isView() || a.ordering() != 'c' ? a.dup('c') : a;
  }

  private static INDArray padded(INDArray x, int[][] p) {
    long[] shape = x.shape().clone();
    for (int i = 0; i < p.length; i++) {
      shape[i + 1] += p[i][0] + p[i][1];
    }
    INDArray out = Nd4j.zeros(x.dataType(), shape);
    out.put(interior(x, p), x);
    return out;
  }

  private static INDArrayIndex[] interior(INDArray x, int[][] p) {
    INDArrayIndex[] idx = new INDArrayIndex[x.rank()];
    idx[0] = NDArrayIndex.all();
    idx[idx.length - 1] = NDArrayIndex.all();
    for (int i = 0; i < p.length; i++) {
      idx[i + 1] = NDArrayIndex.interval(p[i][0], p[i][0] + x.size(i + 1));
    }
    return idx;
  }
}
