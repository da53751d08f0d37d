package org.jeras.layers.convolutional;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.layer.Args;
import org.jeras.core.ops.ConvOps;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;

/**
 * Keras's BaseConvTranspose: the transposed convolution with kernel {@code [k1..kr, filters, in]}
 * and bias {@code [filters]}. The output length per axis follows Keras's
 * {@code deconv_output_length}; {@code output_padding} (null by default) adds to it.
 */
public abstract class BaseConvTranspose<L extends BaseConvTranspose<L>> extends ConvLayer<L> {
  /** The number of output channels (Keras's {@code filters}). */
  protected final int filters;
  /** Keras's {@code output_padding}, or null to infer it. */
  protected int[] outputPadding;
  private Variable kernel;

  /**
   * A transposed convolution of {@code rank} spatial axes.
   *
   * @param rank the number of spatial axes
   * @param filters the number of output channels
   * @param kernelSize the window size of each spatial axis
   */
  protected BaseConvTranspose(int rank, int filters, int... kernelSize) {
    super(rank, kernelSize, List.of("kernel"));
    this.filters = Args.positive(className(), "filters", filters);
  }

  /**
   * Sets {@code output_padding} (null: inferred); each entry must be smaller than its stride.
   *
   * @param p the output padding of each spatial axis, or none
   * @return this layer
   */
  public L outputPadding(int... p) {
    if (p != null) {
      int[] v = p.length == 1 && rank > 1 ? Collections.nCopies(rank, p[0]).stream()
          .mapToInt(Integer::intValue).toArray() : p.clone();
      p = Args.nonNegative(className(), "output_padding", v, rank);
    }
    this.outputPadding = p;
    return self();
  }

  private void checkOutputPadding() {
    for (int d = 0; outputPadding != null && d < rank; d++) {
      if (outputPadding[d] >= strides[d]) {
        throw Args.invalid(className(), "output_padding", "values smaller than strides " + Arrays.toString(strides),
            Arrays.toString(outputPadding));
      }
    }
  }

  /** {@return the kernel (Keras's {@code kernel})} */
  public Variable kernel() {
    return kernel;
  }

  @Override
  protected long buildKernels(long inChannels) {
    checkOutputPadding();
    long[] shape = new long[rank + 2];
    for (int d = 0; d < rank; d++) {
      shape[d] = kernelSize[d];
    }
    shape[rank] = filters;
    shape[rank + 1] = inChannels;
    kernel = addKernel("kernel", "kernel", shape);
    return filters;
  }

  @Override
  protected long outputLength(int axis, long in) {
    return ConvOps.transposeOutputLength(in, kernelSize[axis], strides[axis], dilationRate[axis], padding,
        outputPadding == null ? null : outputPadding[axis]);
  }

  @Override
  protected Tensor convolve(Tensor x) {
    long[] outSpatial = new long[rank];
    int[] padBefore = new int[rank];
    for (int d = 0; d < rank; d++) {
      Integer op = outputPadding == null ? null : outputPadding[d];
      outSpatial[d] = outputLength(d, x.shape().get(d + 1));
      padBefore[d] = ConvOps.transposePadBefore(kernelSize[d], strides[d], dilationRate[d], padding, op);
    }
    return ConvOps.convTranspose(x, kernel.read(), strides, outSpatial, padBefore, dilationRate);
  }

  @Override
  protected void putHead(Config c) {
    c.put("filters", filters);
  }

  @Override
  protected void putAfterPadding(Config c) {
    if (outputPadding == null) {
      c.put("output_padding", (String) null);
    } else {
      c.putInts("output_padding", outputPadding);
    }
  }

  /**
   * Reads the keys after {@code filters} and {@code kernel_size}.
   *
   * @param c the layer's config
   * @return this layer
   */
  protected final L readTranspose(Config c) {
    readCommon(c);
    outputPadding(c.isSet("output_padding") ? c.getInts("output_padding", rank) : null);
    checkOutputPadding();
    return self();
  }
}
