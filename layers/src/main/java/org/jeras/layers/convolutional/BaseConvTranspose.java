package org.jeras.layers.convolutional;

import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.ops.ConvOps;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;

/**
 * Keras's BaseConvTranspose: the transposed convolution with kernel {@code [k1..kr, filters, in]}
 * and bias {@code [filters]}. The output length per axis follows Keras's
 * {@code deconv_output_length}; {@code output_padding} (null by default) adds to it.
 */
public abstract class BaseConvTranspose extends ConvLayer {
  protected final int filters;
  protected int[] outputPadding;
  private Variable kernel;

  protected BaseConvTranspose(int rank, int filters, int... kernelSize) {
    super(rank, kernelSize, List.of("kernel"));
    if (filters <= 0) {
      throw new ConfigException("'filters' must be positive, got " + filters);
    }
    this.filters = filters;
  }

  /** Sets {@code output_padding} (null: inferred); each entry must be smaller than its stride. */
  public BaseConvTranspose outputPadding(int... p) {
    if (p != null) {
      p = checkOutputPadding(p);
    }
    this.outputPadding = p;
    return this;
  }

  private int[] checkOutputPadding(int[] p) {
    int[] v = p.length == 1 && rank > 1 ? java.util.Collections.nCopies(rank, p[0]).stream()
        .mapToInt(Integer::intValue).toArray() : p.clone();
    if (v.length != rank) {
      throw new ConfigException("'output_padding' needs " + rank + " integers, got " + java.util.Arrays.toString(p));
    }
    for (int d = 0; d < rank; d++) {
      if (v[d] < 0 || v[d] >= strides[d]) {
        throw new ConfigException("'output_padding' " + java.util.Arrays.toString(v)
            + " must be non-negative and smaller than strides " + java.util.Arrays.toString(strides));
      }
    }
    return v;
  }

  public Variable kernel() {
    return kernel;
  }

  @Override
  protected long buildKernels(long inChannels) {
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
  protected Tensor convolve(Tensor x) {
    long[] outSpatial = new long[rank];
    int[] padBefore = new int[rank];
    for (int d = 0; d < rank; d++) {
      Integer op = outputPadding == null ? null : outputPadding[d];
      outSpatial[d] = ConvOps.transposeOutputLength(x.shape().get(d + 1), kernelSize[d], strides[d], dilationRate[d],
          padding, op);
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

  /** Reads the keys after {@code filters} and {@code kernel_size}. */
  protected final <L extends BaseConvTranspose> L readTranspose(Config c) {
    L self = readCommon(c);
    outputPadding(c.isSet("output_padding") ? c.getInts("output_padding", rank) : null);
    return self;
  }
}
