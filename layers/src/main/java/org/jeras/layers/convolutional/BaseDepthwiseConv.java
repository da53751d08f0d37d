package org.jeras.layers.convolutional;

import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.layer.Args;
import org.jeras.core.ops.ConvOps;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;

/**
 * Keras's BaseDepthwiseConv: each input channel convolved with its own {@code depth_multiplier}
 * filters; kernel {@code [k1..kr, in, depth_multiplier]}, bias {@code [in * depth_multiplier]},
 * output channel {@code c * depth_multiplier + m}.
 */
public abstract class BaseDepthwiseConv<L extends BaseDepthwiseConv<L>> extends ConvLayer<L> {
  /** Output channels per input channel (Keras's {@code depth_multiplier}). */
  protected int depthMultiplier = 1;
  private Variable kernel;

  /**
   * A depthwise convolution of {@code rank} spatial axes.
   *
   * @param rank the number of spatial axes
   * @param kernelSize the window size of each spatial axis
   */
  protected BaseDepthwiseConv(int rank, int... kernelSize) {
    super(rank, kernelSize, List.of("depthwise"));
  }

  /**
   * Sets how many output channels each input channel gets (default 1).
   *
   * @param m the multiplier
   * @return this layer
   */
  public L depthMultiplier(int m) {
    this.depthMultiplier = Args.positive(className(), "depth_multiplier", m);
    return self();
  }

  /** {@return the depthwise kernel (Keras's {@code kernel})} */
  public Variable kernel() {
    return kernel;
  }

  @Override
  protected long buildKernels(long inChannels) {
    kernel = addKernel("depthwise", "kernel", depthwiseShape(kernelSize, inChannels, depthMultiplier));
    return inChannels * depthMultiplier;
  }

  @Override
  protected Tensor convolve(Tensor x) {
    return ConvOps.depthwiseConv(x, kernel.read(), strides, pads(x), dilationRate);
  }

  static long[] depthwiseShape(int[] kernelSize, long inChannels, int depthMultiplier) {
    int r = kernelSize.length;
    long[] shape = new long[r + 2];
    for (int d = 0; d < r; d++) {
      shape[d] = kernelSize[d];
    }
    shape[r] = inChannels;
    shape[r + 1] = depthMultiplier;
    return shape;
  }

  @Override
  protected void putHead(Config c) {
    c.put("depth_multiplier", depthMultiplier);
  }
}
