package org.jeras.layers.rnn;

import java.util.ArrayList;
import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.layer.InputSpec;
import org.jeras.core.ops.ArrayOps;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.layers.convolutional.Spatial;

/**
 * Keras's ConvLSTM base: an {@link RNN} over a {@link ConvLSTMCell} on sequences
 * {@code [batch, time, s1..sr, channels]} (channels_first: {@code [batch, time, channels, s1..sr]});
 * the config holds the cell's keys flattened, as Keras's. A channels_first layer runs channels_last
 * between transposes of its input, initial states and outputs.
 *
 * @param <L> the concrete class, for the fluent setters
 */
public abstract class ConvLSTM<L extends ConvLSTM<L>> extends RNN {
  /**
   * A layer of {@code rank} spatial axes.
   *
   * @param rank the number of spatial axes
   * @param filters the output channels
   * @param kernelSize the window size of each spatial axis (one value for all)
   */
  protected ConvLSTM(int rank, int filters, int... kernelSize) {
    super(new ConvLSTMCell(rank, filters, kernelSize), true);
    setInputSpec(InputSpec.ndim(rank + 3));
    // Keras gives the wrapped cell this fixed name (the vars group's name attribute in the file).
    cell.setName("conv_lstm_cell");
  }

  @Override
  public ConvLSTMCell cell() {
    return (ConvLSTMCell) cell;
  }

  @SuppressWarnings("unchecked")
  private L self() {
    return (L) this;
  }

  /**
   * Sets the input convolution's geometry (Keras's {@code strides}, {@code padding},
   * {@code data_format}, {@code dilation_rate}); strides above one exclude dilations above one.
   *
   * @param strides one stride for all axes, or one per axis
   * @param padding {@code "valid"} or {@code "same"}
   * @param dataFormat {@code "channels_last"} or {@code "channels_first"}
   * @param dilationRate one dilation for all axes, or one per axis
   * @return this layer
   */
  public L geometry(int[] strides, String padding, String dataFormat, int[] dilationRate) {
    cell().setGeometry(strides, padding, dataFormat, dilationRate);
    return self();
  }

  /**
   * Sets {@code unit_forget_bias} (forget-gate bias starts at one).
   *
   * @param v whether the forget-gate bias starts at one
   * @return this layer
   */
  public L unitForgetBias(boolean v) {
    cell().setUnitForgetBias(v);
    return self();
  }

  private boolean channelsFirst() {
    return Spatial.CHANNELS_FIRST.equals(cell().dataFormat());
  }

  @Override
  protected void build(Shape sequencesShape) {
    if (!channelsFirst() || sequencesShape.rank() < 3) {
      super.build(sequencesShape);
      return;
    }
    long[] d = sequencesShape.dims();
    long[] last = new long[d.length];
    int[] perm = sequencePerm(d.length, true);
    for (int i = 0; i < d.length; i++) {
      last[i] = d[perm[i]];
    }
    super.build(Shape.of(last));
  }

  @Override
  protected List<Tensor> run(Tensor seq, List<Tensor> initialState, Tensor mask, boolean training) {
    if (!channelsFirst()) {
      return super.run(seq, initialState, mask, training);
    }
    List<Tensor> init = null;
    if (initialState != null) {
      init = new ArrayList<>();
      for (Tensor s : initialState) {
        init.add(Spatial.toChannelsLast(s, Spatial.CHANNELS_FIRST));
      }
    }
    List<Tensor> out = super.run(ArrayOps.transpose(seq, sequencePerm(seq.rank(), true)), init, mask, training);
    List<Tensor> result = new ArrayList<>(out.size());
    for (int i = 0; i < out.size(); i++) {
      Tensor t = out.get(i);
      result.add(i == 0 && returnSequences()
          ? ArrayOps.transpose(t, sequencePerm(t.rank(), false))
          : Spatial.fromChannelsLast(t, Spatial.CHANNELS_FIRST));
    }
    return result;
  }

  /** The axes of {@code [batch, time, C, s..]} to channels_last ({@code toLast}), or back. */
  private static int[] sequencePerm(int rank, boolean toLast) {
    int[] p = new int[rank];
    p[0] = 0;
    p[1] = 1;
    for (int i = 2; i < rank; i++) {
      p[i] = toLast ? (i == rank - 1 ? 2 : i + 1) : (i == 2 ? rank - 1 : i - 1);
    }
    return p;
  }

  /**
   * Reads a ConvLSTM config into {@code layer}: geometry and cell keys, then the RNN's and base keys.
   *
   * @param <L> the layer's class
   * @param layer the layer
   * @param c the config
   * @return {@code layer}
   */
  protected static <L extends ConvLSTM<L>> L readConvConfig(L layer, Config c) {
    layer.cell().readConvConfig(c);
    return readConfig(layer, c);
  }

  /**
   * {@return the {@code kernel_size} of a config as {@code rank} ints}
   *
   * @param c the config
   * @param rank the number of spatial axes
   */
  protected static int[] kernelSize(Config c, int rank) {
    return Spatial.tuple(c, "kernel_size", rank);
  }
}
