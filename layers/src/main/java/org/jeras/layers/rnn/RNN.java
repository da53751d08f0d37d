package org.jeras.layers.rnn;

import com.google.gson.JsonElement;
import java.util.ArrayList;
import java.util.List;
import org.jeras.core.activations.Activation;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.Serialization;
import org.jeras.core.graph.TraceException;
import org.jeras.core.graph.Tracer;
import org.jeras.core.layer.CallArgs;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.DTypePolicy;
import org.jeras.core.layer.HasWeightSpecs;
import org.jeras.core.layer.IncompatibleInputException;
import org.jeras.core.layer.Layer;
import org.jeras.core.layer.WeightSpecs;
import org.jeras.core.ops.ArrayOps;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.RnnOps;
import org.jeras.core.tensor.Scratch;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;

/**
 * Keras's {@code RNN} loop around a cell (tracked as attribute {@code cell}, so the cell's weights
 * are saved under {@code <layer>/cell/vars}). Call with a sequence {@code [batch, time, features]}
 * and optionally the keywords {@code initial_state} (a list of tensors, {@code [batch, ...state shape]}) and
 * {@code mask} ({@code [batch, time]}, else the input's mask).
 *
 * <p>As Keras's backend loop: a masked step keeps the previous states and repeats the previous
 * output (zeros before the first step, or zeros always with {@code zero_output_for_mask});
 * {@code go_backwards} walks the time axis from the end and returns the sequence in that walking
 * order; with {@code return_state} the outputs are the output followed by the final states. The
 * outputs carry no mask (see {@link SequenceLayer}).
 * With {@code stateful} each call starts from the final states of the previous one (see
 * {@link #stateful(boolean)}); as in Keras the kept states are no weights and are not saved.
 * {@code unroll} changes nothing here.
 *
 * <p>The named layers ({@link SimpleRNN}, {@link LSTM}, {@link GRU}) write the cell's keys
 * flattened into their own config, as Keras does; the generic form writes the cell's dict under
 * {@code cell}: one of Keras's cells, a {@link StackedRNNCells}, or a {@link RecurrentCell} of
 * your own registered as a custom object.
 */
public class RNN extends SequenceLayer implements HasWeightSpecs<RNN> {
  /** The cell run at each time step. */
  protected final RecurrentCell cell;
  private boolean returnSequences;
  private boolean returnState;
  private boolean goBackwards;
  private boolean unroll;
  private boolean zeroOutputForMask;

  private boolean stateful;
  private final boolean flatConfig;
  /** A stateful layer's batch size, from its built input shape. */
  private long statefulBatch = -1;
  /** A stateful layer's final states of its last call, or null for zeros. */
  private List<Tensor> keptStates;
  private boolean specPass;

  /**
   * Keras's generic {@code RNN(cell)}; its config holds the cell under key {@code cell}.
   *
   * @param cell the recurrent cell
   */
  public RNN(RecurrentCell cell) {
    this(cell, false);
  }

  /**
   * For layers whose config holds the cell's keys flattened ({@code LSTM}, {@code GRU}, {@code SimpleRNN}).
   *
   * @param cell the cell
   * @param flatConfig whether the config holds the cell's keys flattened
   */
  protected RNN(RecurrentCell cell, boolean flatConfig) {
    this.cell = track("cell", cell);
    this.flatConfig = flatConfig;
  }

  /** {@return the cell run at each time step} */
  public RecurrentCell cell() {
    return cell;
  }

  /** The cell as one of Keras's gated cells, for the setters that configure one. */
  private RnnCell gated(String what) {
    if (cell instanceof RnnCell rc) {
      return rc;
    }
    throw new IllegalStateException("Layer '" + name() + "': " + what + " needs one of Keras's cells, not "
        + cell.className());
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
    gated("dropout").setDropout(dropout, recurrentDropout);
    return this;
  }

  /**
   * Sets the dropout seed of the cell.
   *
   * @param seed the seed, or null
   * @return this layer
   */
  public RNN seed(Long seed) {
    gated("seed").setSeed(seed);
    return this;
  }

  /**
   * Sets the cell's {@code activation}; returns this layer.
   *
   * @param a the activation
   * @return this layer
   */
  public RNN activation(Activation a) {
    gated("activation").activation = a;
    return this;
  }

  /**
   * Sets the cell's {@code recurrent_activation} (LSTM and GRU gates); returns this layer.
   *
   * @param a the activation of the gates
   * @return this layer
   */
  public RNN recurrentActivation(Activation a) {
    gated("recurrent_activation").recurrentActivation = a;
    return this;
  }

  /**
   * Sets the cell's {@code use_bias}.
   *
   * @param v whether a bias is added
   * @return this layer
   */
  public RNN useBias(boolean v) {
    gated("use_bias").useBias = v;
    return this;
  }

  /** The cell's settings: {@code kernel}, {@code recurrent} (the recurrent kernel) and {@code bias}. */
  @Override
  public WeightSpecs weightSpecs() {
    return gated("weightSpecs").weightSpecs();
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
    if (stateful && sequencesShape.get(0) < 0) {
      throw new IncompatibleInputException("Layer '" + name() + "' is stateful: its batch size must be fixed "
          + "(give the Input a batch_shape), got " + sequencesShape);
    }
    if (flatConfig) {
      // A generic RNN's cell keeps the policy its own config gave it.
      cell.setDtypePolicy(dtypePolicy());
    }
    long[] d = sequencesShape.dims();
    long[] step = new long[d.length - 1];
    step[0] = d[0];
    System.arraycopy(d, 2, step, 1, d.length - 2);
    cell.build(Shape.of(step), false);
    if (stateful) {
      statefulBatch = d[0];
      keptStates = null;
    }
  }

  // ------------------------------------------------------------------ calling

  @Override
  protected List<Tensor> call(CallArgs args, CallContext ctx) {
    // Only the mask argument counts, as in Keras: its __call__ fills it from the input's mask when
    // the sequence is the only tensor argument, not when initial states come with it.
    return run(args.tensor(0), args.kwTensors("initial_state"), args.kwTensor("mask"), ctx.training());
  }

  @Override
  public List<Tensor> computeOutputSpec(CallArgs args) {
    // The dummy calls that find the output shapes must neither read nor move the kept states.
    specPass = true;
    try {
      return super.computeOutputSpec(args);
    } finally {
      specPass = false;
    }
  }

  /**
   * Runs the cell over {@code seq}; the outputs are the output (sequence or last step) followed,
   * with {@code return_state}, by the final states.
   *
   * @param seq the input sequence {@code [batch, time, ...]}
   * @param initialState the initial states, or null (zeros, or a stateful layer's kept states)
   * @param mask the {@code [batch, time]} mask, or null
   * @param training whether dropout applies
   * @return the outputs
   */
  protected List<Tensor> run(Tensor seq, List<Tensor> initialState, Tensor mask, boolean training) {
    long[] d = seq.shape().dims();
    boolean keep = stateful && !specPass;
    if (keep && Tracer.isActive()) {
      // A plan replays ops: it would neither read nor move the kept states.
      throw new TraceException(name(), null, "stateful RNN '" + name() + "' carries states between calls");
    }
    if (keep && d[0] != statefulBatch) {
      throw new IncompatibleInputException("Layer '" + name() + "' is stateful with batch size " + statefulBatch
          + " (from its input's batch_shape); got a batch of " + d[0]);
    }
    List<Tensor> states = new ArrayList<>();
    if (initialState != null) {
      if (initialState.size() != cell.stateCount()) {
        throw new IllegalArgumentException("Layer '" + name() + "' expects " + cell.stateCount()
            + " initial states, got " + initialState.size());
      }
      for (Tensor s : initialState) {
        states.add(MathOps.cast(s, computeDtype()));
      }
    } else if (keep && keptStates != null) {
      states.addAll(keptStates);
    } else {
      states.addAll(cell.zeroStates(seq));
    }
    List<Tensor> result = loop(seq, states, mask, training);
    if (keep) {
      // Kept as plain values: the next call starts from them, gradients stop at the batch boundary.
      List<Tensor> last = result.subList(result.size() - cell.stateCount(), result.size());
      List<Tensor> kept = new ArrayList<>(last.size());
      for (Tensor t : last) {
        kept.add(Tensor.of(Scratch.keep(t.value().dup())));
      }
      keptStates = kept;
    }
    return returnState ? result : result.subList(0, 1);
  }

  /** The output (sequence or last step) followed by the final states. */
  private List<Tensor> loop(Tensor seq, List<Tensor> states, Tensor mask, boolean training) {
    int time = (int) seq.shape().get(1);
    List<Tensor> inMasks = training ? cell.inputDropoutMasks(seq) : null;
    List<Tensor> recMasks = training ? cell.recurrentDropoutMasks(states) : null;
    if (mask == null && recMasks == null) {
      Tensor in = inMasks == null ? seq : MathOps.mul(seq, ArrayOps.expandDims(inMasks.get(0), 1));
      List<Tensor> fused = cell.fusedSequence(goBackwards ? RnnOps.reverse(in, 1) : in, states);
      if (fused != null) {
        List<Tensor> result = new ArrayList<>();
        result.add(returnSequences ? fused.get(0) : ArrayOps.take(fused.get(0), 1, time - 1));
        result.addAll(fused.subList(1, fused.size()));
        return result;
      }
    }
    Tensor projected = cell.projectInputs(seq, inMasks);
    // By ops, so a traced graph computes the mask's steps from the model's inputs.
    Tensor keep = mask == null ? null : MathOps.cast(mask, computeDtype());
    Tensor zero = MathOps.zeros(seq, 1, computeDtype(), cell.outputShape());
    Tensor previous = zero;
    List<Tensor> outputs = new ArrayList<>(time);
    for (int k = 0; k < time; k++) {
      int t = goBackwards ? time - 1 - k : k;
      List<Tensor> r = cell.step(ArrayOps.take(projected, 1, t), states, recMasks);
      Tensor out = r.get(0);
      List<Tensor> next = r.subList(1, r.size());
      if (keep != null) {
        Tensor m = stepMask(ArrayOps.slice(keep, 1, t, t + 1), out.rank());
        out = MathOps.where(m, out, zeroOutputForMask ? zero : previous);
        List<Tensor> kept = new ArrayList<>(next.size());
        for (int i = 0; i < next.size(); i++) {
          kept.add(MathOps.where(stepMask(m, next.get(i).rank()), next.get(i), states.get(i)));
        }
        next = kept;
      }
      outputs.add(out);
      previous = out;
      states = next;
    }
    List<Tensor> result = new ArrayList<>();
    result.add(returnSequences ? ArrayOps.stack(outputs, 1) : outputs.get(time - 1));
    result.addAll(states);
    return result;
  }

  /** A step's {@code [batch, 1]} mask with trailing unit axes up to {@code rank}, to broadcast over a state. */
  static Tensor stepMask(Tensor m, int rank) {
    Tensor r = m;
    while (r.rank() < rank) {
      r = ArrayOps.expandDims(r, -1);
    }
    return r;
  }

  /** {@return whether the final states carry over to the next call (Keras's {@code stateful})} */
  public boolean stateful() {
    return stateful;
  }

  /**
   * Sets {@code stateful}: each call starts from the states the previous call ended with (zeros at
   * first and after {@link #resetStates}); the batch size is then fixed by the input's batch shape.
   *
   * @param v whether states carry over between calls
   * @return this layer
   */
  public RNN stateful(boolean v) {
    this.stateful = v;
    return this;
  }

  /** Zeroes a stateful layer's kept states (Keras's {@code reset_states}); nothing for another layer. */
  public void resetStates() {
    keptStates = null;
  }

  /** {@return the states a stateful layer carries to its next call, or an empty list before its first call} */
  public List<Tensor> states() {
    return keptStates == null ? List.of() : List.copyOf(keptStates);
  }

  // ------------------------------------------------------------------ config

  @Override
  public Config getConfig() {
    Config c = super.getConfig();
    JsonElement activity = c.getOrNull("activity_regularizer");
    c.put("return_sequences", returnSequences)
        .put("return_state", returnState)
        .put("go_backwards", goBackwards)
        .put("stateful", stateful)
        .put("unroll", unroll)
        .put("zero_output_for_mask", zeroOutputForMask);
    if (flatConfig) {
      gated("a flat config").putLayerConfig(c, activity);
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
      throw new ConfigException("RNN config needs key 'cell' holding one cell's dict");
    }
    Layer cell = Serialization.deserialize(c.get("cell"), Layer.class);
    if (!(cell instanceof RecurrentCell rc)) {
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
    RNN r = layer;
    r.stateful = c.getBoolean("stateful", false);
    r.returnSequences = c.getBoolean("return_sequences", false);
    r.returnState = c.getBoolean("return_state", false);
    r.goBackwards = c.getBoolean("go_backwards", false);
    r.unroll = c.getBoolean("unroll", false);
    r.zeroOutputForMask = c.getBoolean("zero_output_for_mask", false);
    if (r.flatConfig) {
      r.gated("a flat config").readLayerConfig(c);
    }
    return layer.withBaseConfig(c);
  }
}
