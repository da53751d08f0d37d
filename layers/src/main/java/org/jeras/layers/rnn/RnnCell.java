package org.jeras.layers.rnn;

import com.google.gson.JsonElement;
import java.util.ArrayList;
import java.util.List;
import org.jeras.core.activations.Activation;
import org.jeras.core.activations.Activations;
import org.jeras.core.config.Config;
import org.jeras.core.layer.Args;
import org.jeras.core.layer.HasWeightSpecs;
import org.jeras.core.layer.WeightSpecs;
import org.jeras.core.ops.ArrayOps;
import org.jeras.core.ops.LinalgOps;
import org.jeras.core.ops.MathOps;
import org.jeras.core.random.RandomOps;
import org.jeras.core.random.SeedGenerator;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The shared part of Keras's {@code SimpleRNNCell}, {@code LSTMCell} and {@code GRUCell}: weights
 * {@code kernel [in, G*units]}, {@code recurrent_kernel [units, G*units]} and {@code bias} (G gate
 * blocks side by side), their initializers/regularizers/constraints, dropout, and the config keys
 * the recurrent layers flatten into their own config.
 *
 * <p>The input projection {@code x @ kernel + input bias} is done for all time steps at once by
 * {@link #projectInputs}; {@link #step} then adds the recurrent part for one time step. Gate blocks
 * lie side by side on the last axis ({@link #block}), so a convolutional cell ({@link ConvLSTMCell})
 * reuses the gate math with its own projections.
 */
public abstract class RnnCell extends RecurrentCell implements HasWeightSpecs<RnnCell> {
  /** The output size (Keras's {@code units}). */
  protected final int units;
  /** The activation of the output (Keras's {@code activation}). */
  protected Activation activation = Activations.TANH;
  /** The activation of the gates (Keras's {@code recurrent_activation}). */
  protected Activation recurrentActivation = Activations.SIGMOID;
  /** Whether biases are added (Keras's {@code use_bias}). */
  protected boolean useBias = true;
  private final WeightSpecs specs =
      new WeightSpecs("kernel", "glorot_uniform", "recurrent", "orthogonal", "bias", "zeros");
  /** The dropout rate of the inputs. */
  protected double dropout;
  /** The dropout rate of the recurrent state. */
  protected double recurrentDropout;
  /** The dropout seed, or null. */
  protected Long seed;
  private SeedGenerator seedGenerator = new SeedGenerator(null);

  /** The input kernel. */
  protected Variable kernel;
  /** The recurrent kernel. */
  protected Variable recurrentKernel;
  /** The bias, or null without {@code use_bias}. */
  protected Variable bias;

  /**
   * A cell of {@code units} outputs.
   *
   * @param units the output size
   */
  protected RnnCell(int units) {
    this.units = Args.positive(className(), "units", units);
  }

  /** Settings of {@code kernel}, {@code recurrent} (the recurrent kernel) and {@code bias}. */
  @Override
  public WeightSpecs weightSpecs() {
    return specs;
  }

  /** {@return the output size} */
  public int units() {
    return units;
  }

  /** {@return the number of gate blocks in the kernels (1 for SimpleRNN, 4 for LSTM, 3 for GRU)} */
  protected abstract int gates();

  /** Each state is {@code [units]} per sample. */
  @Override
  public long[] stateShape(int i) {
    return new long[] {units};
  }

  /** {@return whether this cell has a {@code recurrent_activation} key} */
  protected boolean hasRecurrentActivation() {
    return true;
  }

  /** {@return whether this cell's layer config has a {@code seed} key} */
  protected boolean hasSeed() {
    return true;
  }

  /** {@return the bias's shape} */
  protected long[] biasShape() {
    return new long[] {(long) gates() * units};
  }

  /**
   * Gives the freshly created bias its initial value (LSTM's {@code unit_forget_bias} overrides).
   *
   * @param b the bias
   */
  protected void initBias(Variable b) {}

  /** {@return the bias added to the input projection (GRU with reset_after uses its first row)} */
  protected Tensor inputBias() {
    return bias.read();
  }

  @Override
  protected void build(Shape stepInputShape) {
    long inputDim = stepInputShape.get(-1);
    long width = (long) gates() * units;
    kernel = addWeight("kernel", new long[] {inputDim, width}, specs, "kernel");
    recurrentKernel = addWeight("recurrent_kernel", new long[] {units, width}, specs, "recurrent");
    if (useBias) {
      bias = addWeight("bias", biasShape(), specs, "bias");
      initBias(bias);
    }
    // Initializers may hand back f-ordered arrays (Orthogonal's transpose); keep the weights in C order.
    for (Variable v : ownVariables()) {
      v.assign(v.array().dup('c'));
    }
  }

  /** {@return the input kernel (Keras's {@code kernel})} */
  public Variable kernel() {
    return kernel;
  }

  /** {@return the recurrent kernel (Keras's {@code recurrent_kernel})} */
  public Variable recurrentKernel() {
    return recurrentKernel;
  }

  /** {@return the bias, or null without {@code use_bias}} */
  public Variable bias() {
    return bias;
  }

  // ------------------------------------------------------------------ math

  /**
   * Keras drops inputs and states once per call (the same mask at every step). With recurrent
   * dropout Keras switches to {@code implementation=1}: one mask per gate for both; otherwise one
   * input mask shared by all gates.
   */
  @Override
  protected List<Tensor> inputDropoutMasks(Tensor sequence) {
    long[] d = sequence.shape().dims();
    long[] step = new long[d.length - 1];
    step[0] = d[0];
    System.arraycopy(d, 2, step, 1, d.length - 2);
    return dropoutMasks(step, dropout);
  }

  @Override
  protected List<Tensor> recurrentDropoutMasks(List<Tensor> states) {
    return dropoutMasks(states.get(0).shape().dims(), recurrentDropout);
  }

  /** {@return how many dropout masks a call draws: one per gate with recurrent dropout (Keras's implementation 1), else one} */
  protected int dropoutMaskCount() {
    return recurrentDropout > 0 ? gates() : 1;
  }

  private List<Tensor> dropoutMasks(long[] shape, double rate) {
    if (rate <= 0 || rate >= 1) {
      return null;
    }
    int count = dropoutMaskCount();
    List<Tensor> masks = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Tensor ones = Tensor.of(Nd4j.ones(computeDtype().nd4j(), shape));
      masks.add(Tensor.of(RandomOps.dropout(ones, rate, null, seedGenerator).value()));
    }
    return masks;
  }

  double dropout() {
    return dropout;
  }

  double recurrentDropout() {
    return recurrentDropout;
  }

  /**
   * {@code x @ kernel + input bias} for a whole sequence {@code x [batch, time, in]}; with per-gate
   * dropout masks each gate block sees its own dropped copy of the inputs.
   */
  @Override
  protected Tensor projectInputs(Tensor x, List<Tensor> masks) {
    Tensor k = kernel.read();
    Tensor z;
    if (masks == null) {
      z = LinalgOps.matmul(x, k);
    } else if (masks.size() == 1) {
      z = LinalgOps.matmul(MathOps.mul(x, ArrayOps.expandDims(masks.get(0), 1)), k);
    } else {
      List<Tensor> parts = new ArrayList<>();
      for (int g = 0; g < masks.size(); g++) {
        Tensor xg = MathOps.mul(x, ArrayOps.expandDims(masks.get(g), 1));
        parts.add(LinalgOps.matmul(xg, ArrayOps.slice(k, 1, (long) g * units, (long) (g + 1) * units)));
      }
      z = ArrayOps.concat(parts, -1);
    }
    return useBias ? MathOps.add(z, inputBias()) : z;
  }

  /**
   * {@code h @ recurrent_kernel[:, gate blocks from..to)}; with per-gate recurrent dropout masks,
   * gate block g sees {@code h * mask[g]}.
   *
   * @param h the previous output
   * @param masks the recurrent dropout masks, or null
   * @param from the first gate block
   * @param to the block after the last
   * @return the projection
   */
  protected Tensor recurrent(Tensor h, List<Tensor> masks, int from, int to) {
    Tensor rk = recurrentKernel.read();
    if (masks == null) {
      Tensor w = from == 0 && to == gates() ? rk : ArrayOps.slice(rk, 1, (long) from * units, (long) to * units);
      return LinalgOps.matmul(h, w);
    }
    List<Tensor> parts = new ArrayList<>();
    for (int g = from; g < to; g++) {
      Tensor hg = MathOps.mul(h, masks.get(Math.min(g, masks.size() - 1)));
      parts.add(LinalgOps.matmul(hg, ArrayOps.slice(rk, 1, (long) g * units, (long) (g + 1) * units)));
    }
    return parts.size() == 1 ? parts.get(0) : ArrayOps.concat(parts, -1);
  }

  /**
   * Gate block {@code g} of a tensor whose last axis holds the {@code G*units} gate blocks.
   *
   * @param z the tensor
   * @param g the block's index
   * @return the block
   */
  protected Tensor block(Tensor z, int g) {
    return ArrayOps.slice(z, -1, (long) g * units, (long) (g + 1) * units);
  }

  // ------------------------------------------------------------------ config

  /**
   * LSTM's {@code unit_forget_bias}: after use_bias in a cell's config, after the initializers in the layer's.
   *
   * @param c the layer's config
   */
  protected void putGateOptions(Config c) {}

  /**
   * Keys written after {@code recurrent_dropout} and before {@code seed} (GRU's reset_after).
   *
   * @param c the layer's config
   */
  protected void putAfterDropout(Config c) {}

  /**
   * Reads what {@link #putGateOptions} and {@link #putAfterDropout} write.
   *
   * @param c the layer's config
   */
  protected void readExtras(Config c) {}

  /** The cell's own config (Keras's {@code LSTMCell.get_config()}, etc.). */
  @Override
  public Config getConfig() {
    Config c = super.getConfig();
    putKeys(c, null, true);
    return c;
  }

  /**
   * Writes the cell's keys in the order Keras's LSTM/GRU/SimpleRNN layers list them, with the
   * layer's {@code activity_regularizer} at its place among the regularizers.
   */
  void putLayerConfig(Config c, JsonElement activityRegularizer) {
    // Keras's LSTM/GRU/SimpleRNN get_config serializes the cell (then drops that dict), so in a
    // saving scope the initializers, regularizers and constraints are seen twice and their dicts
    // carry a shared_object_id; serializing them once more here reproduces that.
    Config seen = Config.empty();
    specs.putInitializers(seen);
    specs.putRegularizers(seen);
    specs.putConstraints(seen);
    putKeys(c, activityRegularizer, false);
  }

  /**
   * The keys before {@code activation}: {@code units} (a convolutional cell writes its geometry).
   *
   * @param c the config
   */
  protected void putHead(Config c) {
    c.put("units", units);
  }

  /** {@return whether a standalone cell's config has {@link #putGateOptions}'s keys right after use_bias} */
  protected boolean gateOptionsFirstInCell() {
    return true;
  }

  private void putKeys(Config c, JsonElement activityRegularizer, boolean standalone) {
    putHead(c);
    c.put("activation", Activations.serialize(activation));
    if (hasRecurrentActivation()) {
      c.put("recurrent_activation", Activations.serialize(recurrentActivation));
    }
    c.put("use_bias", useBias);
    boolean first = standalone && gateOptionsFirstInCell();
    if (first) {
      putGateOptions(c);
    }
    specs.putInitializers(c);
    if (!first) {
      putGateOptions(c);
    }
    specs.putRegularizers(c);
    if (!standalone) {
      c.put("activity_regularizer", activityRegularizer);
    }
    specs.putConstraints(c)
        .put("dropout", dropout)
        .put("recurrent_dropout", recurrentDropout);
    putAfterDropout(c);
    if (standalone || hasSeed()) {
      c.put("seed", seed == null ? null : seed.intValue());
    }
  }

  /** Reads the keys {@link #putLayerConfig} writes (absent keys keep Keras's defaults). */
  void readLayerConfig(Config c) {
    if (c.has("activation")) {
      activation = Activations.deserialize(c.getOrNull("activation"));
    }
    if (hasRecurrentActivation() && c.has("recurrent_activation")) {
      recurrentActivation = Activations.deserialize(c.getOrNull("recurrent_activation"));
    }
    useBias = c.getBoolean("use_bias", true);
    specs.read(c);
    setDropout(c.getDouble("dropout", 0.0), c.getDouble("recurrent_dropout", 0.0));
    setSeed(c.getLongOrNull("seed"));
    readExtras(c);
  }

  void setDropout(double dropout, double recurrentDropout) {
    // Keras clips both rates into [0, 1].
    // Keras clips the rates into [0, 1]; only a non-number has no meaning.
    this.dropout = Math.min(1.0, Math.max(0.0, Args.finite(className(), "dropout", dropout)));
    this.recurrentDropout = Math.min(1.0, Math.max(0.0, Args.finite(className(), "recurrent_dropout", recurrentDropout)));
  }

  void setSeed(Long seed) {
    this.seed = seed;
    this.seedGenerator = new SeedGenerator(seed);
  }
}
