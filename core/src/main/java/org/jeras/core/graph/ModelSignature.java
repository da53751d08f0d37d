package org.jeras.core.graph;

import java.util.ArrayList;
import java.util.List;
import org.jeras.core.model.Functional;
import org.jeras.core.model.Model;
import org.jeras.core.model.Sequential;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A model's input signature: one {@link TensorSpec} per input, named {@code args_i}, batch unknown. */
public final class ModelSignature {
  private ModelSignature() {}

  /**
   * The inputs of a functional model or the input layer of a sequential one; throws
   * {@link IllegalArgumentException} for a model without known inputs (subclassed, or not built).
   *
   * @param model a built model
   * @return one spec per input, with an unknown batch dimension
   */
  public static List<TensorSpec> of(Model model) {
    List<TensorSpec> out = new ArrayList<>();
    if (model instanceof Functional f) {
      for (int i = 0; i < f.inputs().size(); i++) {
        Tensor in = f.inputs().get(i);
        out.add(new TensorSpec("args_" + i, batchless(in.shape().dims()), in.dtype()));
      }
    } else if (model instanceof Sequential s && s.inputLayer() != null) {
      out.add(new TensorSpec("args_0", batchless(s.inputLayer().batchShape().dims()), s.inputLayer().dtype()));
    } else {
      throw new IllegalArgumentException("The input signature of model '" + model.name() + "' is unknown; pass an"
          + " input signature to export it");
    }
    return out;
  }

  /**
   * Random inputs for {@code model} with {@code batch} rows (see {@link TensorSpec#randomInput}),
   * e.g. to time {@code predictOnBatch}.
   *
   * @param model a built model
   * @param batch the number of rows
   * @return one array per input
   */
  public static List<INDArray> randomInputs(Model model, long batch) {
    List<INDArray> xs = new ArrayList<>();
    for (TensorSpec spec : of(model)) {
      xs.add(spec.randomInput(batch));
    }
    return xs;
  }

  private static long[] batchless(long[] dims) {
    long[] s = dims.clone();
    if (s.length > 0) {
      s[0] = -1;
    }
    return s;
  }
}
