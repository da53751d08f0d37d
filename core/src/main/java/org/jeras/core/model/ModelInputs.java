package org.jeras.core.model;

import java.util.ArrayList;
import java.util.List;
import org.jeras.core.layer.IncompatibleInputException;
import org.jeras.core.layer.InputSpec;
import org.jeras.core.ops.ArrayOps;
import org.jeras.core.ops.MathOps;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;

/**
 * The model boundary shared by {@link Functional} and {@link Sequential}: the spec each {@link Input}
 * declares, and the standardization of concrete inputs before the graph runs, as Keras's
 * {@code Functional._standardize_inputs}: a trailing axis of size 1 is squeezed or added to reach the
 * Input's rank, any other rank is refused, and values take the Input's dtype.
 */
final class ModelInputs {
  private ModelInputs() {}

  /** Keras's {@code Functional.input_spec}: the Input's shape with any batch size, a trailing 1 optional. */
  static InputSpec spec(Tensor input) {
    Shape s = input.shape();
    return InputSpec.builder()
        .shape(s.rank() == 0 ? s : s.with(0, Shape.UNKNOWN))
        .allowLastAxisSqueeze(true)
        .name(name(input))
        .build();
  }

  /** The specs of {@code inputs} (the model's symbolic inputs), in order. */
  static List<InputSpec> specs(List<Tensor> inputs) {
    List<InputSpec> out = new ArrayList<>(inputs.size());
    for (Tensor in : inputs) {
      out.add(spec(in));
    }
    return out;
  }

  private static String name(Tensor input) {
    return input.history() == null ? null : input.history().layer().name();
  }

  /**
   * {@code given} brought to the ranks and dtypes of {@code inputs}; refuses a wrong count, a rank
   * no trailing 1 fixes, and a string tensor for a numeric Input (or the reverse). With {@code cast}
   * the values are converted to each Input's dtype (a functional model's inputs; a Sequential's layers
   * cast for themselves).
   */
  static List<Tensor> standardize(List<Tensor> given, List<Tensor> inputs, String modelPath, boolean cast) {
    if (given.size() != inputs.size()) {
      throw new IncompatibleInputException("Layer '" + modelPath + "' expects " + inputs.size()
          + " input(s), but it received " + given.size() + " input tensors. Inputs received: "
          + given.stream().map(t -> t.shape().toString()).toList());
    }
    List<Tensor> out = new ArrayList<>(given.size());
    for (int i = 0; i < given.size(); i++) {
      out.add(standardize(given.get(i), i, inputs.get(i), modelPath, cast));
    }
    return out;
  }

  private static Tensor standardize(Tensor x, int index, Tensor in, String modelPath, boolean cast) {
    Shape ref = in.shape();
    int rank = x.rank();
    Tensor adjusted = x;
    if (rank == ref.rank() + 1 && x.shape().get(rank - 1) == 1) {
      adjusted = ArrayOps.squeeze(x, -1).withMask(x.mask());
    } else if (rank == ref.rank() - 1 && ref.rank() > 0 && ref.get(ref.rank() - 1) == 1) {
      adjusted = ArrayOps.expandDims(x, -1).withMask(x.mask());
    } else if (rank != ref.rank()) {
      throw new IncompatibleInputException("Invalid input shape for input " + x.shape() + " with name '"
          + name(in) + "' of layer '" + modelPath + "'. Expected shape " + ref
          + ", but input has incompatible shape " + x.shape());
    }
    // Keras's spec lets a trailing 1 stand for any size (a (4, 1) batch passes an Input of (None, 8))
    // and leaves the rest to the layers; here every known dim of the Input must match once the rank is.
    Shape got = adjusted.shape();
    for (int k = 1; k < ref.rank(); k++) {
      if (ref.get(k) != Shape.UNKNOWN && got.get(k) != ref.get(k)) {
        throw new IncompatibleInputException("Input " + index + " with name '" + name(in) + "' of layer '" + modelPath
            + "' is incompatible with the layer: expected shape=" + ref.with(0, Shape.UNKNOWN) + ", found shape="
            + x.shape());
      }
    }
    DType want = in.dtype();
    if ((x.dtype() == DType.STRING) != (want == DType.STRING)) {
      throw new IncompatibleInputException("Input '" + name(in) + "' of layer '" + modelPath
          + "' expects dtype=" + want.kerasName() + ", found dtype=" + x.dtype().kerasName());
    }
    return !cast || adjusted.dtype() == want ? adjusted : MathOps.cast(adjusted, want).withMask(adjusted.mask());
  }
}
