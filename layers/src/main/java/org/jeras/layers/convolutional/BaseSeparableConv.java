package org.jeras.layers.convolutional;

import java.util.Arrays;
import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.layer.Args;
import org.jeras.core.ops.ConvOps;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;

/**
 * Keras's BaseSeparableConv: a depthwise convolution (kernel {@code [k1..kr, in, depth_multiplier]},
 * with the layer's strides, padding and dilation) followed by a 1x..x1 pointwise convolution
 * (kernel {@code [1..1, in * depth_multiplier, filters]}); weights depthwise kernel, pointwise
 * kernel, then bias {@code [filters]}.
 */
public abstract class BaseSeparableConv<L extends BaseSeparableConv<L>> extends ConvLayer<L> {
  /** Depthwise output channels per input channel (Keras's {@code depth_multiplier}). */
  protected int depthMultiplier = 1;
  /** The number of output channels (Keras's {@code filters}). */
  protected final int filters;
  private Variable depthwiseKernel;
  private Variable pointwiseKernel;

  /**
   * A separable convolution of {@code rank} spatial axes.
   *
   * @param rank the number of spatial axes
   * @param filters the number of output channels
   * @param kernelSize the window size of each spatial axis
   */
  protected BaseSeparableConv(int rank, int filters, int... kernelSize) {
    super(rank, kernelSize, List.of("depthwise", "pointwise"));
    this.filters = Args.positive(className(), "filters", filters);
  }

  /**
   * Sets how many depthwise output channels each input channel gets (default 1).
   *
   * @param m the multiplier
   * @return this layer
   */
  public L depthMultiplier(int m) {
    this.depthMultiplier = Args.positive(className(), "depth_multiplier", m);
    return self();
  }

  /** {@return the depthwise kernel (Keras's {@code depthwise_kernel})} */
  public Variable depthwiseKernel() {
    return depthwiseKernel;
  }

  /** {@return the pointwise kernel (Keras's {@code pointwise_kernel})} */
  public Variable pointwiseKernel() {
    return pointwiseKernel;
  }

  @Override
  protected long buildKernels(long inChannels) {
    depthwiseKernel = addKernel("depthwise", "depthwise_kernel",
        BaseDepthwiseConv.depthwiseShape(kernelSize, inChannels, depthMultiplier));
    long[] pointwise = new long[rank + 2];
    Arrays.fill(pointwise, 1);
    pointwise[rank] = inChannels * depthMultiplier;
    pointwise[rank + 1] = filters;
    pointwiseKernel = addKernel("pointwise", "pointwise_kernel", pointwise);
    return filters;
  }

  @Override
  protected Tensor convolve(Tensor x) {
    Tensor y = ConvOps.depthwiseConv(x, depthwiseKernel.read(), strides, pads(x), dilationRate);
    int[] ones = Spatial.ones(rank);
    return ConvOps.conv(y, pointwiseKernel.read(), ones, new int[rank][2], ones, 1);
  }

  @Override
  protected void putHead(Config c) {
    c.put("depth_multiplier", depthMultiplier).put("filters", filters);
  }
}
