package org.jeras.layers.rnn;

import java.util.ArrayList;
import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.config.InvalidConfigException;
import org.jeras.core.layer.Args;
import org.jeras.core.ops.ArrayOps;
import org.jeras.core.ops.ConvOps;
import org.jeras.core.ops.MathOps;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;
import org.jeras.layers.convolutional.Spatial;

/**
 * Keras's {@code ConvLSTMCell}: the {@link LSTMCell} gate math with convolutions for the two
 * products, {@code kernel [k1..kr, in, 4*filters]} over the input (the layer's strides, padding
 * and dilation) and {@code recurrent_kernel [k1..kr, filters, 4*filters]} over h ("same" padding,
 * stride 1). States h and c are {@code [out1..outr, filters]} per sample.
 *
 * <p>The cell computes channels_last; its {@code data_format} is carried for the config, the
 * {@link ConvLSTM} layer moving channels_first tensors to channels_last and back. Dropout draws
 * one mask per gate, each shaped like a time step (Keras's {@code dropout_mask_count = 4}).
 */
public class ConvLSTMCell extends LSTMCell {
  private final int rank;
  private final int[] kernelSize;
  private int[] strides;
  private String padding = "valid";
  private String dataFormat = Spatial.CHANNELS_LAST;
  private int[] dilationRate;
  /** The spatial sizes of the states, set when built. */
  private long[] outSpatial;

  /**
   * A cell of {@code rank} spatial axes.
   *
   * @param rank the number of spatial axes (1, 2 or 3)
   * @param filters the output channels
   * @param kernelSize the window size of each spatial axis (one value for all)
   */
  public ConvLSTMCell(int rank, int filters, int... kernelSize) {
    super(filters);
    if (rank < 1 || rank > 3) {
      throw new IllegalArgumentException(className() + ": rank must be 1, 2 or 3, got " + rank);
    }
    this.rank = rank;
    this.kernelSize = tuple("kernel_size", kernelSize);
    this.strides = Spatial.ones(rank);
    this.dilationRate = Spatial.ones(rank);
  }

  private int[] tuple(String key, int[] v) {
    int[] t = v.length == 1 && rank > 1 ? repeat(v[0]) : v;
    return Args.positive(className(), key, t, rank);
  }

  private int[] repeat(int v) {
    int[] a = new int[rank];
    java.util.Arrays.fill(a, v);
    return a;
  }

  /** {@return the number of spatial axes} */
  public int rank() {
    return rank;
  }

  /** {@return the output channels (Keras's {@code filters})} */
  public int filters() {
    return units;
  }

  /** {@return the data format of the layer's tensors} */
  public String dataFormat() {
    return dataFormat;
  }

  void setGeometry(int[] strides, String padding, String dataFormat, int[] dilationRate) {
    int[] s = tuple("strides", strides);
    int[] d = tuple("dilation_rate", dilationRate);
    if (max(s) > 1 && max(d) > 1) {
      throw new InvalidConfigException("strides", className() + ": strides > 1 cannot be combined with dilation_rate > 1"
          + " (config keys 'strides' and 'dilation_rate')");
    }
    this.strides = s;
    this.dilationRate = d;
    this.padding = Spatial.padding(padding, "valid", "same");
    this.dataFormat = Spatial.dataFormat(dataFormat);
  }

  private static int max(int[] a) {
    int m = 0;
    for (int v : a) {
      m = Math.max(m, v);
    }
    return m;
  }

  @Override
  public long[] stateShape(int i) {
    if (outSpatial == null) {
      throw new IllegalStateException(className() + " '" + name() + "': state shapes are known once built");
    }
    long[] s = java.util.Arrays.copyOf(outSpatial, rank + 1);
    s[rank] = units;
    return s;
  }

  /** Builds for one channels_last time step {@code [batch, s1..sr, channels]}. */
  @Override
  protected void build(Shape stepInputShape) {
    long[] d = stepInputShape.dims();
    if (d.length != rank + 2) {
      throw new IllegalArgumentException(className() + " '" + name() + "' expects time steps of rank " + (rank + 2)
          + ", got " + stepInputShape);
    }
    for (int i = 1; i < d.length; i++) {
      if (d[i] < 0) {
        throw new IllegalArgumentException(className() + " '" + name() + "' needs known spatial sizes and channels, got "
            + stepInputShape);
      }
    }
    int[][] pads = ConvOps.explicitPads(padding, d, kernelSize, strides, dilationRate);
    outSpatial = new long[rank];
    for (int a = 0; a < rank; a++) {
      long span = d[a + 1] + pads[a][0] + pads[a][1] - (long) dilationRate[a] * (kernelSize[a] - 1) - 1;
      if (span < 0) {
        throw new IllegalArgumentException(className() + " '" + name() + "': spatial axis " + a + " of " + stepInputShape
            + " is smaller than the kernel " + kernelSize[a] + " (dilation " + dilationRate[a] + ")");
      }
      outSpatial[a] = span / strides[a] + 1;
    }
    long width = 4L * units;
    kernel = addWeight("kernel", kernelShape(d[rank + 1], width), weightSpecs(), "kernel");
    recurrentKernel = addWeight("recurrent_kernel", kernelShape(units, width), weightSpecs(), "recurrent");
    if (useBias) {
      bias = addWeight("bias", new long[] {width}, weightSpecs(), "bias");
      initBias(bias);
    }
    for (Variable v : ownVariables()) {
      v.assign(v.array().dup('c'));
    }
  }

  private long[] kernelShape(long in, long out) {
    long[] s = new long[rank + 2];
    for (int a = 0; a < rank; a++) {
      s[a] = kernelSize[a];
    }
    s[rank] = in;
    s[rank + 1] = out;
    return s;
  }

  /** Keras draws four masks (one per gate) whatever the recurrent dropout. */
  @Override
  protected int dropoutMaskCount() {
    return 4;
  }

  /**
   * The input convolution of all time steps at once (time folded into the batch), plus the bias;
   * with dropout each gate convolves its own dropped copy of the inputs.
   */
  @Override
  protected Tensor projectInputs(Tensor x, List<Tensor> masks) {
    long[] d = x.shape().dims();
    long[] folded = new long[d.length - 1];
    folded[0] = -1;
    System.arraycopy(d, 2, folded, 1, d.length - 2);
    Tensor k = kernel.read();
    Tensor z;
    if (masks == null) {
      z = inputConv(ArrayOps.reshape(x, folded), k);
    } else {
      List<Tensor> parts = new ArrayList<>();
      for (int g = 0; g < 4; g++) {
        Tensor xg = MathOps.mul(x, ArrayOps.expandDims(masks.get(g), 1));
        parts.add(inputConv(ArrayOps.reshape(xg, folded), block(k, g)));
      }
      z = ArrayOps.concat(parts, -1);
    }
    if (useBias) {
      z = MathOps.add(z, bias.read());
    }
    long[] out = new long[rank + 3];
    out[0] = -1;
    out[1] = d[1];
    for (int a = 0; a < rank; a++) {
      out[a + 2] = outSpatial[a];
    }
    out[rank + 2] = 4L * units;
    return ArrayOps.reshape(z, out);
  }

  private Tensor inputConv(Tensor x, Tensor k) {
    int[][] pads = ConvOps.explicitPads(padding, x.shape().dims(), kernelSize, strides, dilationRate);
    return ConvOps.conv(x, k, strides, pads, dilationRate, 1);
  }

  /** {@code conv(h, recurrent_kernel)} over gate blocks {@code from..to}, "same" padding, stride 1. */
  @Override
  protected Tensor recurrent(Tensor h, List<Tensor> masks, int from, int to) {
    Tensor rk = recurrentKernel.read();
    int[] ones = Spatial.ones(rank);
    int[][] pads = ConvOps.explicitPads("same", h.shape().dims(), kernelSize, ones, ones);
    if (masks == null) {
      Tensor w = from == 0 && to == 4 ? rk : ArrayOps.slice(rk, -1, (long) from * units, (long) to * units);
      return ConvOps.conv(h, w, ones, pads, ones, 1);
    }
    List<Tensor> parts = new ArrayList<>();
    for (int g = from; g < to; g++) {
      parts.add(ConvOps.conv(MathOps.mul(h, masks.get(g)), block(rk, g), ones, pads, ones, 1));
    }
    return parts.size() == 1 ? parts.get(0) : ArrayOps.concat(parts, -1);
  }

  /** ND4J's fused LSTM has no convolutional form. */
  @Override
  protected List<Tensor> fusedSequence(Tensor x, List<Tensor> states) {
    return null;
  }

  // ------------------------------------------------------------------ config

  @Override
  protected void putHead(Config c) {
    c.put("filters", units)
        .putInts("kernel_size", kernelSize)
        .putInts("strides", strides)
        .put("padding", padding)
        .put("data_format", dataFormat)
        .putInts("dilation_rate", dilationRate);
  }

  @Override
  protected boolean gateOptionsFirstInCell() {
    return false;
  }

  /**
   * Reads the geometry keys ({@code strides}, {@code padding}, {@code data_format},
   * {@code dilation_rate}) of a config (the LSTM keys are read with the layer's).
   *
   * @param c the config
   */
  void readConvConfig(Config c) {
    setGeometry(c.isSet("strides") ? Spatial.tuple(c, "strides", rank) : Spatial.ones(rank),
        c.isSet("padding") ? c.getString("padding") : "valid", Spatial.dataFormat(c),
        c.isSet("dilation_rate") ? Spatial.tuple(c, "dilation_rate", rank) : Spatial.ones(rank));
  }
}
