package org.jeras.core.ops;

import static org.jeras.core.tensor.GradientTape.recordOp;

import org.jeras.core.config.ConfigException;
import org.jeras.core.graph.OpDesc;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Differentiable N-d convolutions over channels_last tensors with explicit padding, and Keras's
 * padding rules.
 *
 * <p>Ungrouped and depthwise 1-d and 2-d convolutions and 1-d/2-d transposed convolutions run on
 * ND4J's native ops ({@link NativeConv}), and so do ungrouped 3-d convolutions. Everything else
 * (grouped, 3-d depthwise and transposed, mixed dtypes) runs on one
 * portable loop nest ({@link ConvGeometry}) that serves the forward pass, the input gradient and
 * the kernel gradient in double precision; a transposed convolution is the input gradient of the
 * convolution it inverts, so it reuses the same three passes with roles swapped. The loop nest is
 * also the reference the native paths are tested against.
 */
public final class ConvOps {
  private ConvOps() {}

  /**
   * {@return convolution (cross-correlation, as Keras) of {@code x [N, s1..sr, Cin]} with
   * {@code kernel [k1..kr, Cin/groups, Cout]}} {@code pads[d] = {before, after}} zero padding per
   * spatial axis; output size per axis is {@code floor((s + before + after - dil*(k-1) - 1) / stride) + 1}.
   *
   * @param x the input
   * @param kernel the kernel
   * @param strides the stride of each spatial axis
   * @param pads the {@code {before, after}} padding of each axis
   * @param dilation the dilation of each spatial axis
   * @param groups the number of channel groups
   */
  public static Tensor conv(Tensor x, Tensor kernel, int[] strides, int[][] pads, int[] dilation, int groups) {
    Checks.spatial("conv", x.value(), kernel.value(), strides, pads, dilation);
    int r = x.rank() - 2;
    if (groups < 1 || kernel.value().size(r + 1) % groups != 0) {
      throw new OpShapeException("conv: " + groups + " groups do not divide the kernel's " + kernel.value().size(r + 1)
          + " output channels");
    }
    Checks.dim("conv", "the input", x.value(), -1, kernel.value().size(r) * groups);
    if (groups == 1 && x.value().dataType() == kernel.value().dataType()) {
      if (r == 1 || r == 2) {
        return NativeConv.conv(x, kernel, strides, pads, dilation);
      }
      if (r == 3) {
        return NativeConv.conv3d(x, kernel, strides, pads, dilation);
      }
    }
    return convReference(x, kernel, strides, pads, dilation, groups);
  }

  /**
   * {@return depthwise convolution of {@code x [N, s1..sr, C]} with {@code kernel [k1..kr, C, multiplier]}:
   * output channel {@code c * multiplier + m} convolves input channel {@code c} with filter
   * {@code m}} Other arguments as {@link #conv}.
   *
   * @param x the input
   * @param kernel the kernel
   * @param strides the stride of each spatial axis
   * @param pads the {@code {before, after}} padding of each axis
   * @param dilation the dilation of each spatial axis
   */
  public static Tensor depthwiseConv(Tensor x, Tensor kernel, int[] strides, int[][] pads, int[] dilation) {
    Checks.spatial("depthwise_conv", x.value(), kernel.value(), strides, pads, dilation);
    int r = x.rank() - 2;
    Checks.dim("depthwise_conv", "the input", x.value(), -1, kernel.value().size(r));
    if ((r == 1 || r == 2) && x.value().dataType() == kernel.value().dataType()) {
      return NativeConv.depthwise(x, kernel, strides, pads, dilation);
    }
    return depthwiseReference(x, kernel, strides, pads, dilation);
  }

  /** A depthwise convolution as a grouped one with one group per input channel. */
  static Tensor depthwiseReference(Tensor x, Tensor kernel, int[] strides, int[][] pads, int[] dilation) {
    long[] s = kernel.value().shape();
    int r = s.length - 2;
    long[] grouped = s.clone();
    grouped[r] = 1;
    grouped[r + 1] = s[r] * s[r + 1];
    return convReference(x, ArrayOps.reshape(kernel, grouped), strides, pads, dilation, (int) s[r]);
  }

  /** {@link #conv} on the portable loop nest, whatever the rank; the reference for the ND4J path. */
  static Tensor convReference(Tensor x, Tensor kernel, int[] strides, int[][] pads, int[] dilation, int groups) {
    INDArray xv = x.value();
    INDArray wv = kernel.value();
    int r = xv.rank() - 2;
    long[] in = spatial(xv.shape());
    long[] out = new long[r];
    int[] padBefore = new int[r];
    for (int d = 0; d < r; d++) {
      long effective = (long) dilation[d] * (wv.size(d) - 1) + 1;
      out[d] = Math.floorDiv(in[d] + pads[d][0] + pads[d][1] - effective, strides[d]) + 1;
      if (out[d] <= 0) {
        throw new IllegalArgumentException("Convolution output would be empty on spatial axis " + d
            + ": input " + in[d] + ", kernel " + wv.size(d) + ", dilation " + dilation[d] + ", padding "
            + pads[d][0] + "+" + pads[d][1]);
      }
      padBefore[d] = pads[d][0];
    }
    ConvGeometry geo = new ConvGeometry(xv.size(0), in, out, kernelSpatial(wv.shape()),
        wv.size(r) * groups, wv.size(r + 1), groups, strides, dilation, padBefore);
    double[] xd = doubles(xv);
    double[] wd = doubles(wv);
    double[] yd = new double[(int) (geo.batch * geo.outVolume * geo.cout)];
    geo.forward(xd, wd, yd);
    INDArray y = array(yd, outShape(xv.shape(), out, geo.cout), xv);
    return recordOp(convDesc("conv", strides, pads, dilation, groups), y, g -> {
      double[] gd = doubles(g);
      double[] gx = new double[xd.length];
      double[] gw = new double[wd.length];
      geo.gradInput(gx, wd, gd);
      geo.gradKernel(xd, gw, gd);
      return new INDArray[] {array(gx, xv.shape(), xv), array(gw, wv.shape(), wv)};
    }, x, kernel);
  }

  /**
   * {@return transposed convolution of {@code x [N, s1..sr, Cin]} with Keras's transpose kernel
   * {@code [k1..kr, Cout, Cin]}: the input gradient of the convolution that maps an
   * {@code outSpatial}-sized tensor with {@code Cout} channels to {@code x}, with
   * {@code padBefore} zeros before each axis}
   *
   * @param x the input
   * @param kernel the kernel
   * @param strides the stride of each spatial axis
   * @param outSpatial the output's spatial sizes
   * @param padBefore the zeros before each spatial axis
   * @param dilation the dilation of each spatial axis
   */
  public static Tensor convTranspose(Tensor x, Tensor kernel, int[] strides, long[] outSpatial, int[] padBefore,
      int[] dilation) {
    Checks.spatial("conv_transpose", x.value(), kernel.value(), strides, null, dilation);
    int r = x.rank() - 2;
    Checks.dim("conv_transpose", "the input", x.value(), -1, kernel.value().size(r + 1));
    if (outSpatial.length != r || padBefore.length != r) {
      throw new OpShapeException("conv_transpose: expected " + r + " output sizes and paddings, got "
          + outSpatial.length + " and " + padBefore.length);
    }
    if ((r == 1 || r == 2) && x.value().dataType() == kernel.value().dataType()) {
      return NativeConv.transpose(x, kernel, strides, outSpatial, padBefore, dilation);
    }
    return convTransposeReference(x, kernel, strides, outSpatial, padBefore, dilation);
  }

  /** {@link #convTranspose} on the portable loop nest, whatever the rank; the reference for the ND4J path. */
  static Tensor convTransposeReference(Tensor x, Tensor kernel, int[] strides, long[] outSpatial, int[] padBefore,
      int[] dilation) {
    INDArray xv = x.value();
    INDArray wv = kernel.value();
    int r = xv.rank() - 2;
    ConvGeometry geo = new ConvGeometry(xv.size(0), outSpatial, spatial(xv.shape()), kernelSpatial(wv.shape()),
        wv.size(r), wv.size(r + 1), 1, strides, dilation, padBefore);
    double[] xd = doubles(xv);
    double[] wd = doubles(wv);
    double[] zd = new double[(int) (geo.batch * geo.inVolume * geo.cin)];
    geo.gradInput(zd, wd, xd);
    INDArray z = array(zd, outShape(xv.shape(), outSpatial, geo.cin), xv);
    return recordOp(transposeDesc(strides, outSpatial, padBefore, dilation), z, g -> {
      double[] gd = doubles(g);
      double[] gx = new double[xd.length];
      double[] gw = new double[wd.length];
      geo.forward(gd, wd, gx);
      geo.gradKernel(gd, gw, xd);
      return new INDArray[] {array(gx, xv.shape(), xv), array(gw, wv.shape(), wv)};
    }, x, kernel);
  }

  /**
   * {@return Keras's {@code "same"} padding (TensorFlow's rule): output {@code ceil(in / stride)}, total
   * padding split with the smaller half before} Returns {@code {before, after}}.
   *
   * @param in the input size
   * @param kernel the kernel
   * @param stride the stride
   * @param dilation the dilation of each spatial axis
   */
  public static int[] samePadding(long in, int kernel, int stride, int dilation) {
    long effective = (long) dilation * (kernel - 1) + 1;
    long out = (in + stride - 1) / stride;
    long total = Math.max((out - 1) * stride + effective - in, 0);
    return new int[] {(int) (total / 2), (int) (total - total / 2)};
  }

  /**
   * Explicit {@code {before, after}} zeros per spatial axis of a channels_last input for Keras's
   * {@code "valid"}, {@code "same"} or {@code "causal"} (all zeros before) padding.
   *
   * @param padding Keras's {@code padding}
   * @param channelsLastShape the input's shape, channels last
   * @param kernel the kernel size of each spatial axis
   * @param strides the stride of each spatial axis
   * @param dilation the dilation of each spatial axis
   * @return {@code {before, after}} per spatial axis
   */
  public static int[][] explicitPads(String padding, long[] channelsLastShape, int[] kernel, int[] strides,
      int[] dilation) {
    int r = kernel.length;
    int[][] pads = new int[r][2];
    for (int d = 0; d < r; d++) {
      switch (padding) {
        case "valid" -> { }
        case "same" -> pads[d] = samePadding(channelsLastShape[d + 1], kernel[d], strides[d], dilation[d]);
        case "causal" -> pads[d][0] = dilation[d] * (kernel[d] - 1);
        default -> throw new ConfigException("Unknown padding '" + padding + "'");
      }
    }
    return pads;
  }

  /**
   * {@return output size of Keras's transposed convolution on one axis ({@code deconv_output_length});
   * {@code outputPadding} may be null}
   *
   * @param in the input size
   * @param kernel the kernel
   * @param stride the stride
   * @param dilation the dilation of each spatial axis
   * @param padding Keras's {@code padding}, {@code "valid"} or {@code "same"}
   * @param outputPadding Keras's {@code output_padding}, or null
   */
  public static long transposeOutputLength(long in, int kernel, int stride, int dilation, String padding,
      Integer outputPadding) {
    long effective = (long) dilation * (kernel - 1) + 1;
    if (outputPadding == null) {
      return switch (padding) {
        case "valid" -> in * stride + Math.max(effective - stride, 0);
        case "same" -> in * stride;
        default -> throw new IllegalArgumentException("Unknown padding '" + padding + "'");
      };
    }
    long pad = "same".equals(padding) ? effective / 2 : 0;
    return (in - 1) * stride + effective - 2 * pad + outputPadding;
  }

  /**
   * {@return zeros before each axis of the convolution a Keras transposed convolution inverts (derived from
   * the left padding Keras's jax backend gives its dilated-input convolution)}
   *
   * @param kernel the kernel
   * @param stride the stride
   * @param dilation the dilation of each spatial axis
   * @param padding Keras's {@code padding}, {@code "valid"} or {@code "same"}
   * @param outputPadding Keras's {@code output_padding}, or null
   */
  public static int transposePadBefore(int kernel, int stride, int dilation, String padding, Integer outputPadding) {
    int effective = dilation * (kernel - 1) + 1;
    if ("valid".equals(padding)) {
      return 0;
    }
    int padLength = outputPadding == null ? stride + effective - 2 : effective + effective % 2 - 2 + outputPadding;
    int left = Math.min(padLength / 2 + padLength % 2, effective - 1);
    return effective - 1 - left;
  }

  /** The description of a convolution: {@code conv} (grouped) or {@code depthwise_conv}. */
  static OpDesc convDesc(String name, int[] strides, int[][] pads, int[] dilation, int groups) {
    return OpDesc.of(name, "strides", strides.clone(), "pads", pads.clone(), "dilation", dilation.clone(),
        "groups", groups);
  }

  static OpDesc transposeDesc(int[] strides, long[] outSpatial, int[] padBefore, int[] dilation) {
    return OpDesc.of("conv_transpose", "strides", strides.clone(), "out_spatial", outSpatial.clone(),
        "pad_before", padBefore.clone(), "dilation", dilation.clone());
  }

  static long[] spatial(long[] shape) {
    long[] s = new long[shape.length - 2];
    System.arraycopy(shape, 1, s, 0, s.length);
    return s;
  }

  private static long[] kernelSpatial(long[] shape) {
    long[] s = new long[shape.length - 2];
    System.arraycopy(shape, 0, s, 0, s.length);
    return s;
  }

  static long[] outShape(long[] inShape, long[] spatial, long channels) {
    long[] s = new long[inShape.length];
    s[0] = inShape[0];
    System.arraycopy(spatial, 0, s, 1, spatial.length);
    s[s.length - 1] = channels;
    return s;
  }

  static double[] doubles(INDArray a) {
    return a.dup('c').data().asDouble();
  }

  static INDArray array(double[] data, long[] shape, INDArray like) {
    return Nd4j.create(data, shape, 'c').castTo(like.dataType());
  }
}
