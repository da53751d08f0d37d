package org.jeras.layers.rnn;

import com.google.gson.JsonElement;
import java.util.ArrayList;
import java.util.List;
import org.jeras.core.activations.Activation;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.Serialization;
import org.jeras.core.layer.CallArgs;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.DTypePolicy;
import org.jeras.core.layer.HasWeightSpecs;
import org.jeras.core.layer.Layer;
import org.jeras.core.layer.WeightSpecs;
import org.jeras.core.ops.ArrayOps;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.RnnOps;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Keras's {@code RNN} loop around a cell (tracked as attribute {@code cell}, so the cell's weights
 * are saved under {@code <layer>/cell/vars}). Call with a sequence {@code [batch, time, features]}
 * and optionally the keywords {@code initial_state} (a list of {@code [batch, units]} tensors) and
 * {@code mask} ({@code [batch, time]}, else the input's mask).
 *
 * <p>As Keras's backend loop: a masked step keeps the previous states and repeats the previous
 * output (zeros before the first step, or zeros always with {@code zero_output_for_mask});
 * {@code go_backwards} walks the time axis from the end and returns the sequence in that walking
 * order; with {@code return_state} the outputs are the output followed by the final states. The
 * outputs carry no mask (see {@link SequenceLayer}).
 * {@code stateful} is not supported; {@code unroll} changes nothing here.
 *
 * <p>The named layers ({@link SimpleRNN}, {@link LSTM}, {@link GRU}) write the cell's keys
 * flattened into their own config, as Keras does; the generic form writes the cell's dict under
 * {@code cell} (a list of cells, Keras's {@code StackedRNNCells}, is not supported).
 */
public class RNN extends SequenceLayer implements HasWeightSpecs<RNN> {
  /** The cell run at each time step. */
  protected final RnnCell cell;
  private boolean returnSequences;
  private boolean returnState;
  private boolean goBackwards;
  private boolean unroll;
  private boolean zeroOutputForMask;

  private final boolean flatConfig;

  /**
   * Keras's generic {@code RNN(cell)}; its config holds the cell under key {@code cell}.
   *
   * @param cell the recurrent cell
   */
  public RNN(RnnCell cell) {
    this(cell, false);
  }

  /**
   * For layers whose config holds the cell's keys flattened ({@code LSTM}, {@code GRU}, {@code SimpleRNN}).
   *
   * @param cell the cell
   * @param flatConfig whether the config holds the cell's keys flattened
   */
  protected RNN(RnnCell cell, boolean flatConfig) {
    this.cell = track("cell", cell);
    this.flatConfig = flatConfig;
  }

  /** {@return the cell run at each time step} */
  public RnnCell cell() {
    return cell;
  }

  /** {@return whether the whole output sequence is returned (Keras's {@code return_sequences})} */
  public boolean returnSequences() {
    return returnSequences;
  }

  /** {@return whether the final states are returned too (Keras's {@code return_state})} */
  public boolean returnState() {
    return returnState;
  }

  /** {@return whether the sequence is processed in reverse (Keras's {@code go_backwards})} */
  public boolean goBackwards() {
    return goBackwards;
  }

  /** {@return whether masked steps output zeros (Keras's {@code zero_output_for_mask})} */
  public boolean zeroOutputForMask() {
    return zeroOutputForMask;
  }

  /**
   * Sets {@code return_sequences}; returns this layer.
   *
   * @param v whether to return the whole sequence
   * @return this layer
   */
  public RNN returnSequences(boolean v) {
    this.returnSequences = v;
    return this;
  }

  /**
   * Sets {@code return_state}.
   *
   * @param v whether to return the final states too
   * @return this layer
   */
  public RNN returnState(boolean v) {
    this.returnState = v;
    return this;
  }

  /**
   * Sets {@code go_backwards}.
   *
   * @param v whether to process the sequence in reverse
   * @return this layer
   */
  public RNN goBackwards(boolean v) {
    this.goBackwards = v;
    return this;
  }

  /**
   * Sets {@code zero_output_for_mask}.
   *
   * @param v whether masked steps output zeros
   * @return this layer
   */
  public RNN zeroOutputForMask(boolean v) {
    this.zeroOutputForMask = v;
    return this;
  }

  /**
   * Sets the cell's {@code dropout} and {@code recurrent_dropout} rates.
   *
   * @param dropout the dropout rate of the inputs
   * @param recurrentDropout the dropout rate of the recurrent state
   * @return this layer
   */
  public RNN dropout(double dropout, double recurrentDropout) {
    cell.setDropout(dropout, recurrentDropout);
    return this;
  }

  /**
   * Sets the dropout seed of the cell.
   *
   * @param seed the seed, or null
   * @return this layer
   */
  public RNN seed(Long seed) {
    cell.setSeed(seed);
    return this;
  }

  /**
   * Sets the cell's {@code activation}; returns this layer.
   *
   * @param a the activation
   * @return this layer
   */
  public RNN activation(Activation a) {
    cell.activation = a;
    return this;
  }

  /**
   * Sets the cell's {@code recurrent_activation} (LSTM and GRU gates); returns this layer.
   *
   * @param a the activation of the gates
   * @return this layer
   */
  public RNN recurrentActivation(Activation a) {
    cell.recurrentActivation = a;
    return this;
  }

  /**
   * Sets the cell's {@code use_bias}.
   *
   * @param v whether a bias is added
   * @return this layer
   */
  public RNN useBias(boolean v) {
    cell.useBias = v;
    return this;
  }

  /** The cell's settings: {@code kernel}, {@code recurrent} (the recurrent kernel) and {@code bias}. */
  @Override
  public WeightSpecs weightSpecs() {
    return cell.weightSpecs();
  }

  @Override
  public <L extends Layer> L setDtypePolicy(DTypePolicy policy) {
    cell.setDtypePolicy(policy);
    return super.setDtypePolicy(policy);
  }

  // ------------------------------------------------------------------ building

  @Override
  protected void build(Shape sequencesShape) {
    if (sequencesShape.rank() < 3) {
      throw new IllegalArgumentException("Layer '" + name() + "' (" + className()
          + ") expects inputs [batch, time, features], got " + sequencesShape);
    }
    cell.setDtypePolicy(dtypePolicy());
    long[] d = sequencesShape.dims();
    long[] step = new long[d.length - 1];
    step[0] = d[0];
    System.arraycopy(d, 2, step, 1, d.length - 2);
    cell.build(Shape.of(step), false);
  }

  // ------------------------------------------------------------------ calling

  @Override
  protected List<Tensor> call(CallArgs args, CallContext ctx) {
    // Only the mask argument counts, as in Keras: its __call__ fills it from the input's mask when
    // the sequence is the only tensor argument, not when initial states come with it.
    return run(args.tensor(0), args.kwTensors("initial_state"), args.kwTensor("mask"), ctx.training());
  }

  private List<Tensor> run(Tensor seq, List<Tensor> initialState, Tensor mask, boolean training) {
    long[] d = seq.shape().dims();
    long batch = d[0];
    int time = (int) d[1];
    List<Tensor> states = new ArrayList<>();
    if (initialState != null) {
      if (initialState.size() != cell.stateCount()) {
        throw new IllegalArgumentException("Layer '" + name() + "' expects " + cell.stateCount()
            + " initial states, got " + initialState.size());
      }
      for (Tensor s : initialState) {
        states.add(MathOps.cast(s, computeDtype()));
      }
    } else {
      for (int i = 0; i < cell.stateCount(); i++) {
        states.add(zeros(seq));
      }
    }
    List<Tensor> inMasks = training ? cell.dropoutMasks(batch, d[2], cell.dropout()) : null;
    List<Tensor> recMasks = training ? cell.dropoutMasks(batch, cell.units(), cell.recurrentDropout()) : null;
    if (mask == null && recMasks == null) {
      Tensor in = inMasks == null ? seq : MathOps.mul(seq, ArrayOps.expandDims(inMasks.get(0), 1));
      List<Tensor> fused = cell.fusedSequence(goBackwards ? RnnOps.reverse(in, 1) : in, states);
      if (fused != null) {
        List<Tensor> result = new ArrayList<>();
        result.add(returnSequences ? fused.get(0) : ArrayOps.take(fused.get(0), 1, time - 1));
        if (returnState) {
          result.addAll(fused.subList(1, fused.size()));
        }
        return result;
      }
    }
    Tensor projected = cell.projectInputs(seq, inMasks);
    // By ops, so a traced graph computes the mask's steps from the model's inputs.
    Tensor keep = mask == null ? null : MathOps.cast(mask, computeDtype());
    Tensor zero = zeros(seq);
    Tensor previous = zero;
    List<Tensor> outputs = new ArrayList<>(time);
    for (int k = 0; k < time; k++) {
      int t = goBackwards ? time - 1 - k : k;
      List<Tensor> r = cell.step(ArrayOps.take(projected, 1, t), states, recMasks);
      Tensor out = r.get(0);
      List<Tensor> next = r.subList(1, r.size());
      if (keep != null) {
        Tensor m = ArrayOps.slice(keep, 1, t, t + 1);
        out = MathOps.where(m, out, zeroOutputForMask ? zero : previous);
        List<Tensor> kept = new ArrayList<>(next.size());
        for (int i = 0; i < next.size(); i++) {
          kept.add(MathOps.where(m, next.get(i), states.get(i)));
        }
        next = kept;
      }
      outputs.add(out);
      previous = out;
      states = next;
    }
    Tensor output = returnSequences ? ArrayOps.stack(outputs, 1) : outputs.get(time - 1);
    List<Tensor> result = new ArrayList<>();
    result.add(output);
    if (returnState) {
      result.addAll(states);
    }
    return result;
  }

  /** Zeros {@code [batch, units]}, the batch taken from {@code seq} by an op (so a traced graph keeps it dynamic). */
  private Tensor zeros(Tensor seq) {
    return MathOps.zeros(seq, 1, computeDtype(), cell.units());
  }

  // ------------------------------------------------------------------ config

  @Override
  public Config getConfig() {
    Config c = super.getConfig();
    JsonElement activity = c.getOrNull("activity_regularizer");
    c.put("return_sequences", returnSequences)
        .put("return_state", returnState)
        .put("go_backwards", goBackwards)
        .put("stateful", false)
        .put("unroll", unroll)
        .put("zero_output_for_mask", zeroOutputForMask);
    if (flatConfig) {
      cell.putLayerConfig(c, activity);
    } else {
      c.put("cell", Serialization.serialize(cell));
    }
    return c;
  }

  /**
   * {@return Keras's generic {@code RNN} from its config (with the cell's dict under {@code cell})}
   *
   * @param c the layer's config
   */
  public static RNN fromConfig(Config c) {
    if (!c.isSet("cell") || !c.get("cell").isJsonObject()) {
      throw new ConfigException("RNN config needs key 'cell' holding one cell's dict (stacked cells are not supported)");
    }
    Layer cell = Serialization.deserialize(c.get("cell"), Layer.class);
    if (!(cell instanceof RnnCell rc)) {
      throw new ConfigException("RNN key 'cell' must be a recurrent cell, got " + cell.className());
    }
    return readConfig(new RNN(rc), c);
  }

  /**
   * Reads the RNN and cell keys of {@code c} into {@code layer}, then its base keys.
   *
   * @param <L> the layer's class
   * @param layer the layer
   * @param c the layer's config
   * @return {@code layer}
   */
  protected static <L extends RNN> L readConfig(L layer, Config c) {
    if (c.getBoolean("stateful", false)) {
      throw new ConfigException("Layer '" + c.getString("name", "?") + "': stateful=true is not supported (key 'stateful')");
    }
    RNN r = layer;
    r.returnSequences = c.getBoolean("return_sequences", false);
    r.returnState = c.getBoolean("return_state", false);
    r.goBackwards = c.getBoolean("go_backwards", false);
    r.unroll = c.getBoolean("unroll", false);
    r.zeroOutputForMask = c.getBoolean("zero_output_for_mask", false);
    if (r.flatConfig) {
      r.cell.readLayerConfig(c);
    }
    return layer.withBaseConfig(c);
  }
}
