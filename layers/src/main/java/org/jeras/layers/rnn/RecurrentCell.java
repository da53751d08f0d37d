package org.jeras.layers.rnn;

import java.util.ArrayList;
import java.util.List;
import org.jeras.core.layer.Layer;
import org.jeras.core.ops.ArrayOps;
import org.jeras.core.ops.MathOps;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;

/**
 * What {@link RNN} needs of a cell (Keras's cell protocol: {@code state_size}, {@code call(inputs,
 * states)} returning the output and the new states). Subclass it for a cell of your own: give the
 * per-sample shape of each state, build the weights from the step input's shape, and compute one
 * time step; register the class as a custom object to save and load it inside an {@code RNN}.
 *
 * <p>{@link RNN} runs every cell through the same loop: {@link #projectInputs} once for the whole
 * sequence (the identity unless a cell can batch its input transform over all time steps), then
 * {@link #step} per time step.
 */
public abstract class RecurrentCell extends Layer {
  /** {@return the number of state tensors (Keras's {@code len(state_size)})} */
  public int stateCount() {
    return 1;
  }

  /**
   * {@return the per-sample shape of state {@code i} (Keras's {@code state_size[i]}); known once built}
   *
   * @param i the state's index
   */
  public abstract long[] stateShape(int i);

  /** {@return the per-sample shape of the output (Keras's {@code output_size}, else the first state's)} */
  public long[] outputShape() {
    return stateShape(0);
  }

  /**
   * Builds the weights for one time step's input ({@code [batch, features...]}).
   *
   * @param stepInputShape the shape of one time step's input
   */
  @Override
  protected void build(Shape stepInputShape) {}

  /**
   * Builds the cell for one time step's input unless already built (what {@link RNN} calls).
   *
   * @param stepInputShape the shape of one time step's input
   */
  final void buildForStep(Shape stepInputShape) {
    if (!isBuilt()) {
      build(stepInputShape, false);
    }
  }

  /**
   * The input transform of the whole sequence {@code [batch, time, ...]} at once, each time step
   * then handed to {@link #step}; this default hands the steps on unchanged (dropout masks, if
   * {@link #inputDropoutMasks} gave any, multiplied in).
   *
   * @param sequence the input sequence
   * @param inputMasks the input dropout masks, or null
   * @return the transformed sequence
   */
  protected Tensor projectInputs(Tensor sequence, List<Tensor> inputMasks) {
    return inputMasks == null ? sequence : MathOps.mul(sequence, ArrayOps.expandDims(inputMasks.get(0), 1));
  }

  /**
   * One time step: {@code x} is this step's (projected) input, {@code states} the previous states;
   * returns the output followed by the new states.
   *
   * @param x the step's input, as {@link #projectInputs} made it
   * @param states the previous states
   * @param recurrentMasks the recurrent dropout masks, or null (outside training)
   * @return the output and the new states
   */
  protected abstract List<Tensor> step(Tensor x, List<Tensor> states, List<Tensor> recurrentMasks);

  /**
   * One time step from the step's raw input, as a stacked cell runs its inner cells (inference:
   * no dropout masks).
   *
   * @param x the step's raw input {@code [batch, features...]}
   * @param states the previous states
   * @return the output and the new states
   */
  protected final List<Tensor> stepRaw(Tensor x, List<Tensor> states) {
    Tensor projected = projectInputs(ArrayOps.expandDims(x, 1), null);
    return step(ArrayOps.take(projected, 1, 0), states, null);
  }

  /**
   * Input dropout masks for one call in training, drawn once per call; null (the default) for none.
   *
   * @param sequence the input sequence {@code [batch, time, ...]}
   * @return the masks, each shaped like one time step's input, or null
   */
  protected List<Tensor> inputDropoutMasks(Tensor sequence) {
    return null;
  }

  /**
   * Recurrent dropout masks for one call in training, drawn once per call; null (the default) for none.
   *
   * @param states the initial states
   * @return the masks, each shaped like the first state, or null
   */
  protected List<Tensor> recurrentDropoutMasks(List<Tensor> states) {
    return null;
  }

  /**
   * The whole unmasked sequence {@code x [batch, time, in]} (already dropped out, walked from t = 0)
   * in one fused op: the outputs {@code [batch, time, ...]} followed by the final states; null
   * (the default) when this cell has no fused form for its settings (the step loop is used then).
   *
   * @param x the input sequence
   * @param states the initial states
   * @return the outputs and final states, or null
   */
  protected List<Tensor> fusedSequence(Tensor x, List<Tensor> states) {
    return null;
  }

  /**
   * Zero initial states for a sequence, the batch taken from {@code sequence} by an op (so a traced
   * graph keeps it dynamic).
   *
   * @param sequence the input sequence
   * @return one zero tensor per state
   */
  protected List<Tensor> zeroStates(Tensor sequence) {
    List<Tensor> states = new ArrayList<>(stateCount());
    for (int i = 0; i < stateCount(); i++) {
      states.add(MathOps.zeros(sequence, 1, computeDtype(), stateShape(i)));
    }
    return states;
  }
}
