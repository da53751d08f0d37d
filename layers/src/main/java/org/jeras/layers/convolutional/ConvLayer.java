package org.jeras.layers.convolutional;

import org.jeras.core.layer.InputSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jeras.core.activations.Activation;
import org.jeras.core.activations.Activations;
import org.jeras.core.config.Config;
import org.jeras.core.config.Serialization;
import org.jeras.core.layer.Args;
import org.jeras.core.layer.CallArgs;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.HasWeightSpecs;
import org.jeras.core.layer.Layer;
import org.jeras.core.layer.WeightSpecs;
import org.jeras.core.ops.MathOps;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;

/**
 * What every Keras convolution layer shares (Keras's BaseConv, BaseConvTranspose,
 * BaseDepthwiseConv and BaseSeparableConv): the geometry ({@code kernel_size}, {@code strides},
 * {@code padding}, {@code data_format}, {@code dilation_rate}), the activation, the optional bias
 * added last, and one initializer/regularizer/constraint triple per kernel. Subclasses create
 * their kernels and compute the bias-free convolution on channels_last inputs.
 */
public abstract class ConvLayer<L extends ConvLayer<L>> extends Layer implements HasWeightSpecs<L> {
  /** The number of spatial axes. */
  protected final int rank;
  /** The window size of each spatial axis (Keras's {@code kernel_size}). */
  protected int[] kernelSize;
  /** The stride of each spatial axis (Keras's {@code strides}). */
  protected int[] strides;
  /** Keras's {@code padding}: {@code "valid"}, {@code "same"} or {@code "causal"}. */
  protected String padding = "valid";
  /** Keras's {@code data_format}. */
  protected String dataFormat = Spatial.CHANNELS_LAST;
  /** The dilation of each spatial axis (Keras's {@code dilation_rate}). */
  protected int[] dilationRate;
  /** The activation applied to the output. */
  protected Activation activation = Activations.LINEAR;
  /** Whether a bias is added (Keras's {@code use_bias}). */
  protected boolean useBias = true;
  /** The kernels' settings in Keras's config order, then {@code "bias"}. */
  private final WeightSpecs specs;
  private Variable bias;
  private long outChannels;

  /**
   * A convolution-like layer of {@code rank} spatial axes.
   *
   * @param rank the number of spatial axes
   * @param kernelSize the window size of each spatial axis
   * @param kernelPrefixes the config prefixes of its kernels, e.g. {@code "kernel"}
   */
  protected ConvLayer(int rank, int[] kernelSize, List<String> kernelPrefixes) {
    this.rank = rank;
    setInputSpec(InputSpec.minNdim(rank + 2));
    this.kernelSize = checkTuple("kernel_size", kernelSize, rank);
    this.strides = Spatial.ones(rank);
    this.dilationRate = Spatial.ones(rank);
    List<String> defaults = new ArrayList<>();
    for (String p : kernelPrefixes) {
      defaults.addAll(List.of(p, "glorot_uniform"));
    }
    defaults.addAll(List.of("bias", "zeros"));
    this.specs = new WeightSpecs(defaults.toArray(String[]::new));
  }

  // ------------------------------------------------------------------ fluent configuration

  /**
   * Sets the strides (Keras's {@code strides}).
   *
   * @param s one stride for all axes, or one per axis
   * @return this layer
   */
  public L strides(int... s) {
    this.strides = checkTuple("strides", s, rank);
    return self();
  }

  /**
   * Sets the padding (Keras's {@code padding}).
   *
   * @param p {@code "valid"}, {@code "same"} or, where accepted, {@code "causal"}
   * @return this layer
   */
  public L padding(String p) {
    this.padding = Spatial.padding(p, allowedPaddings());
    return self();
  }

  /**
   * Sets the data format (Keras's {@code data_format}).
   *
   * @param f {@code "channels_last"} or {@code "channels_first"}
   * @return this layer
   */
  public L dataFormat(String f) {
    this.dataFormat = Spatial.dataFormat(f);
    return self();
  }

  /**
   * Sets the dilation (Keras's {@code dilation_rate}).
   *
   * @param d one rate for all axes, or one per axis
   * @return this layer
   */
  public L dilationRate(int... d) {
    this.dilationRate = checkTuple("dilation_rate", d, rank);
    return self();
  }

  /**
   * Sets the activation by name.
   *
   * @param name the activation's name, e.g. {@code "relu"}
   * @return this layer
   */
  public L activation(String name) {
    this.activation = Activations.get(name);
    return self();
  }

  /**
   * Sets the activation.
   *
   * @param a the activation
   * @return this layer
   */
  public L activation(Activation a) {
    this.activation = a;
    return self();
  }

  /**
   * Sets whether a bias is added (Keras's {@code use_bias}).
   *
   * @param b whether it is
   * @return this layer
   */
  public L useBias(boolean b) {
    this.useBias = b;
    return self();
  }

  /** Settings by prefix: {@code "kernel"} (or {@code "depthwise"} and {@code "pointwise"}) and {@code "bias"}. */
  @Override
  public WeightSpecs weightSpecs() {
    return specs;
  }

  /** {@return this layer, typed as its own class} */
  @SuppressWarnings("unchecked")
  protected final L self() {
    return (L) this;
  }

  /** {@return the bias, or null without {@code use_bias}} */
  public Variable bias() {
    return bias;
  }

  // ------------------------------------------------------------------ math

  /**
   * Paddings this layer accepts.
   *
   * @return the padding modes
   */
  protected String[] allowedPaddings() {
    return new String[] {"valid", "same"};
  }

  /**
   * Creates the kernels for {@code inChannels} input channels; returns the number of output channels.
   *
   * @param inChannels the number of input channels
   * @return the number of output channels
   */
  protected abstract long buildKernels(long inChannels);

  /**
   * The convolution without bias or activation, on a channels_last input.
   *
   * @param channelsLast the input, channels last
   * @return the convolution
   */
  protected abstract Tensor convolve(Tensor channelsLast);

  /**
   * Adds a kernel weight configured by {@code prefix}'s spec.
   *
   * @param prefix the weight's config prefix
   * @param weightName the weight's name
   * @param shape its shape
   * @return the weight
   */
  protected final Variable addKernel(String prefix, String weightName, long[] shape) {
    return addWeight(weightName, shape, specs, prefix);
  }

  @Override
  protected void build(Shape inputShape) {
    if (inputShape.rank() != rank + 2) {
      throw new IllegalArgumentException(className() + " '" + name() + "' expects inputs of rank " + (rank + 2)
          + ", got shape " + inputShape);
    }
    long in = inputShape.get(Spatial.channelAxis(rank + 2, dataFormat));
    if (in < 0) {
      throw new IllegalArgumentException(className() + " '" + name() + "' needs a known channel dimension, got shape "
          + inputShape);
    }
    // Keras names the channels axis -1 for channels_last, 1 for channels_first.
    int specAxis = Spatial.CHANNELS_LAST.equals(dataFormat) ? -1 : 1;
    setInputSpec(InputSpec.builder().minNdim(rank + 2).axis(specAxis, in).build());
    long out = buildKernels(in);
    outChannels = out;
    if (useBias) {
      bias = addKernel("bias", "bias", new long[] {out});
    }
  }

  @Override
  protected Tensor call(Tensor x, CallContext ctx) {
    Tensor y = convolve(Spatial.toChannelsLast(x, dataFormat));
    if (bias != null) {
      y = MathOps.add(y, bias.read());
    }
    return Spatial.fromChannelsLast(activation.apply(y), dataFormat);
  }

  /**
   * {@return the output length of spatial axis {@code axis} for an input length {@code in}}
   *
   * @param axis the axis, negative from the end
   * @param in the input size
   */
  protected long outputLength(int axis, long in) {
    long effective = (long) dilationRate[axis] * (kernelSize[axis] - 1) + 1;
    return "valid".equals(padding) ? Math.floorDiv(in - effective, strides[axis]) + 1
        : (in + strides[axis] - 1) / strides[axis];
  }

  /** Computed from the geometry, so that inputs with unknown (or small) spatial sizes work symbolically. */
  @Override
  public List<Tensor> computeOutputSpec(CallArgs args) {
    return List.of(Spatial.outputSpec(args.tensor(0), dataFormat, computeDtype(), this::outputLength, outChannels));
  }

  /**
   * Keras's padding of a channels_last input for this layer's kernel.
   *
   * @param channelsLast the input, channels last
   * @return the {@code {before, after}} zeros of each spatial axis
   */
  protected final int[][] pads(Tensor channelsLast) {
    return Spatial.pads(padding, channelsLast.value().shape(), kernelSize, strides, dilationRate);
  }

  // ------------------------------------------------------------------ config

  /**
   * Keys Keras writes before {@code kernel_size} ({@code filters}, {@code depth_multiplier}).
   *
   * @param c the layer's config
   */
  protected abstract void putHead(Config c);

  /**
   * Keys Keras writes between {@code padding} and {@code data_format} (none by default).
   *
   * @param c the layer's config
   */
  protected void putAfterPadding(Config c) {}

  /**
   * Keys Keras writes between {@code dilation_rate} and {@code activation} (none by default).
   *
   * @param c the layer's config
   */
  protected void putAfterDilation(Config c) {}

  @Override
  public Config getConfig() {
    // A set activity_regularizer stays where the base config put it, as Python's dict update keeps it.
    Config c = super.getConfig();
    putHead(c);
    c.putInts("kernel_size", kernelSize).putInts("strides", strides).put("padding", padding);
    putAfterPadding(c);
    c.put("data_format", dataFormat).putInts("dilation_rate", dilationRate);
    putAfterDilation(c);
    c.put("activation", Activations.serialize(activation)).put("use_bias", useBias);
    specs.putInitializers(c);
    specs.putRegularizers(c).put("activity_regularizer", Serialization.serialize(activityRegularizer()));
    return specs.putConstraints(c);
  }

  /**
   * Reads the shared keys of {@code c} into this layer (the subclass's {@code fromConfig} reads its head).
   *
   * @param c the layer's config
   * @return this layer
   */
  protected final L readCommon(Config c) {
    if (c.isSet("strides")) {
      strides(Spatial.tuple(c, "strides", rank));
    }
    if (c.isSet("padding")) {
      padding(c.getString("padding"));
    }
    dataFormat(Spatial.dataFormat(c));
    if (c.isSet("dilation_rate")) {
      dilationRate(Spatial.tuple(c, "dilation_rate", rank));
    }
    activation = Activations.deserialize(c.getOrNull("activation"));
    useBias = c.getBoolean("use_bias", true);
    specs.read(c);
    return withBaseConfig(c);
  }

  final int[] checkTuple(String key, int[] v, int rank) {
    return Args.positive(className(), key, v.length == 1 && rank > 1 ? repeat(v[0], rank) : v, rank);
  }

  private static int[] repeat(int x, int n) {
    int[] a = new int[n];
    Arrays.fill(a, x);
    return a;
  }
}
