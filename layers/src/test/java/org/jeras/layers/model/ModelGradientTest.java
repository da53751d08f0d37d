package org.jeras.layers.model;

import static org.jeras.layers.testing.TestData.f64;

import java.util.List;
import org.jeras.core.model.Functional;
import org.jeras.core.model.Input;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.testing.GradCheck;
import org.jeras.layers.core.Dense;
import org.jeras.layers.merging.Concatenate;
import org.jeras.layers.testing.TestData;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A functional graph is differentiable end to end: with respect to both inputs and every weight. */
class ModelGradientTest {
  @Test
  void functionalModelGradients() {
    Tensor a = Input.of(Shape.of(3), DType.FLOAT64, "a");
    Tensor b = Input.of(Shape.of(2), DType.FLOAT64, "b");
    Tensor shared = f64(new Dense(4, "tanh")).apply(a);
    Tensor merged = f64(new Concatenate()).apply(List.of(shared, b));
    // The model keeps its float32 policy: as in Keras, a Functional feeds each input in its Input's dtype.
    Functional model = new Functional(List.of(a, b), List.of(f64(new Dense(2, "softmax")).apply(merged)), "graph");
    INDArray xa = TestData.uniform(1, -1, 1, 5, 3);
    INDArray xb = TestData.uniform(2, -1, 1, 5, 2);
    GradCheck.check(t -> model.apply(List.of(t.get(0), t.get(1))), xa, xb);
    GradCheck.checkVariables(() -> model.apply(List.of(Tensor.of(xa), Tensor.of(xb))), model.trainableWeights());
  }
}
