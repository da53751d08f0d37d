package org.jeras.layers.convolutional;

import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.ops.ConvOps;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;

/**
 * Keras's BaseConv: {@code activation(conv(x, kernel) + bias)} with kernel
 * {@code [k1..kr, in/groups, filters]} and bias {@code [filters]}; weights kernel then bias.
 */
public abstract class BaseConv<L extends BaseConv<L>> extends ConvLayer<L> {
  protected final int filters;
  protected int groups = 1;
  private Variable kernel;

  protected BaseConv(int rank, int filters, int... kernelSize) {
    super(rank, kernelSize, List.of("kernel"));
    if (filters <= 0) {
      throw new ConfigException("'filters' must be positive, got " + filters);
    }
    this.filters = filters;
  }

  public L groups(int g) {
    if (g <= 0 || filters % g != 0) {
      throw new ConfigException("'groups' must be a positive divisor of filters=" + filters + ", got " + g);
    }
    this.groups = g;
    return self();
  }

  public int filters() {
    return filters;
  }

  public Variable kernel() {
    return kernel;
  }

  @Override
  protected long buildKernels(long inChannels) {
    if (inChannels % groups != 0) {
      throw new IllegalArgumentException(className() + " '" + name() + "': input channels " + inChannels
          + " are not divisible by groups=" + groups);
    }
    long[] shape = new long[rank + 2];
    for (int d = 0; d < rank; d++) {
      shape[d] = kernelSize[d];
    }
    shape[rank] = inChannels / groups;
    shape[rank + 1] = filters;
    kernel = addKernel("kernel", "kernel", shape);
    return filters;
  }

  @Override
  protected Tensor convolve(Tensor x) {
    return ConvOps.conv(x, kernel.read(), strides, pads(x), dilationRate, groups);
  }

  @Override
  protected void putHead(Config c) {
    c.put("filters", filters);
  }

  @Override
  protected void putAfterDilation(Config c) {
    c.put("groups", groups);
  }

  /** Reads the keys after {@code filters} and {@code kernel_size}. */
  protected final L readConv(Config c) {
    groups(c.getInt("groups", 1));
    return readCommon(c);
  }
}
