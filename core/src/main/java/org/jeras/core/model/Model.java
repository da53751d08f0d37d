package org.jeras.core.model;

import java.util.ArrayList;
import java.util.List;
import org.jeras.core.layer.CallArgs;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.Layer;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A layer with training and inference APIs, as Keras's {@code Model}. Build one as a
 * {@link Sequential}, a {@link Functional} graph, or by subclassing: extend {@code Model}, track
 * sub-layers with {@link #track(String, Object)} under the attribute names the Python class uses,
 * and override {@code call}.
 */
public abstract class Model extends Layer {
  protected Model() {}

  /** The model's layers (for functional models including its input layers, as Keras). */
  public List<Layer> layers() {
    return sublayers();
  }

  /** The layer called {@code name}; throws if there is none. */
  public Layer getLayer(String name) {
    for (Layer l : layers()) {
      if (l.name().equals(name)) {
        return l;
      }
    }
    throw new IllegalArgumentException("No such layer: " + name + ". Existing layers are: "
        + layers().stream().map(Layer::name).toList());
  }

  /** Predicts on one batch in inference mode. */
  public INDArray predictOnBatch(INDArray x) {
    return call(Tensor.of(x), false).value();
  }

  /** Predicts on several inputs (functional models with several inputs), returning every output. */
  public List<INDArray> predictOnBatch(List<INDArray> xs) {
    List<Tensor> in = new ArrayList<>();
    for (INDArray x : xs) {
      in.add(Tensor.of(x));
    }
    List<Tensor> out = apply(in.size() == 1 ? CallArgs.of(in.get(0)) : CallArgs.ofList(in), CallContext.INFERENCE);
    List<INDArray> values = new ArrayList<>();
    for (Tensor t : out) {
      values.add(t.value());
    }
    return values;
  }

  /** Predicts in batches of {@code batchSize} rows and concatenates the results. */
  public INDArray predict(INDArray x, int batchSize) {
    long n = x.size(0);
    if (n <= batchSize) {
      return predictOnBatch(x);
    }
    List<INDArray> parts = new ArrayList<>();
    for (long start = 0; start < n; start += batchSize) {
      long end = Math.min(n, start + batchSize);
      parts.add(predictOnBatch(slice(x, start, end)));
    }
    return Nd4j.concat(0, parts.toArray(new INDArray[0]));
  }

  static INDArray slice(INDArray x, long start, long end) {
    return x.get(NDArrayIndex.interval(start, end)).dup();
  }

  /** Calls the model on one concrete input, in training or inference mode. */
  public Tensor call(Tensor x, boolean training) {
    return apply(x, training);
  }

  /** Prints Keras's summary table to stdout. */
  public void summary() {
    System.out.print(Summary.of(this));
  }
}
