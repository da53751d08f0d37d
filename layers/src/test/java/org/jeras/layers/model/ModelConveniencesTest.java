package org.jeras.layers.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jeras.core.layer.CallContext;
import org.jeras.core.model.Model;
import org.jeras.core.model.Sequential;
import org.jeras.core.random.Seeds;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.training.FitOptions;
import org.jeras.layers.core.Dense;
import org.jeras.layers.merging.Concatenate;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** {@code predict(x)}, {@code evaluate(x, y)} and {@code fit(x, y)} with Keras's default batch size, 32. */
class ModelConveniencesTest {
  /** A model that records the number of rows of every concrete batch it is called on. */
  static final class BatchRecorder extends Model {
    final Dense head = track("head", new Dense(1));
    final List<Long> batchRows = new ArrayList<>();

    @Override
    protected Tensor call(Tensor x, CallContext ctx) {
      if (!x.isSymbolic()) {
        batchRows.add(x.value().size(0));
      }
      return head.apply(x);
    }
  }

  private static BatchRecorder recorder() {
    Seeds.setGlobalSeed(3);
    BatchRecorder model = new BatchRecorder();
    // Eager calls only, so that every batch reaches call().
    model.inferencePlans().setEnabled(false);
    model.predict(rows(1), 1);
    model.batchRows.clear();
    return model;
  }

  private static INDArray rows(int n) {
    return Nd4j.linspace(DataType.FLOAT, 0, 0.01, 2 * n).reshape(n, 2);
  }

  @Test
  void predictWithoutBatchSizeUsesBatchesOf32() {
    BatchRecorder model = recorder();
    INDArray x = rows(70);
    INDArray all = model.predict(x);
    assertEquals(List.of(32L, 32L, 6L), model.batchRows);
    assertEquals(model.predict(x, 70), all);
  }

  @Test
  void evaluateWithoutBatchSizeUsesBatchesOf32() {
    BatchRecorder model = recorder();
    model.compile("sgd", "mse");
    INDArray x = rows(40);
    INDArray y = Nd4j.ones(DataType.FLOAT, 40, 1);
    Map<String, Double> logs = model.evaluate(x, y);
    assertEquals(List.of(32L, 8L), model.batchRows);
    assertEquals(model.evaluate(x, y, 40).get("loss"), logs.get("loss"), 1e-6);
  }

  @Test
  void fitWithoutOptionsRunsOneEpochInBatchesOf32() {
    BatchRecorder model = recorder();
    model.compile("sgd", "mse");
    INDArray x = rows(33);
    INDArray y = Nd4j.ones(DataType.FLOAT, 33, 1);
    var history = model.fit(x, y);
    assertEquals(List.of(32L, 1L), model.batchRows);
    assertEquals(1, history.history().get("loss").size());
  }

  @Test
  void fitWithDefaultsMatchesFitWithDefaultOptions() {
    INDArray x = rows(50);
    INDArray y = Nd4j.ones(DataType.FLOAT, 50, 1);
    BatchRecorder a = recorder();
    a.compile("sgd", "mse");
    a.fit(x, y);
    BatchRecorder b = recorder();
    b.compile("sgd", "mse");
    b.fit(x, y, FitOptions.defaults().verbose(1));
    assertEquals(a.predict(x), b.predict(x));
  }

  @Test
  void predictOnSeveralInputsBatchesEveryInputAndOutput() {
    Seeds.setGlobalSeed(5);
    Tensor a = org.jeras.core.model.Input.of(2);
    Tensor b = org.jeras.core.model.Input.of(3);
    Tensor joined = new Concatenate().apply(a, b);
    org.jeras.core.model.Functional model = new org.jeras.core.model.Functional(List.of(a, b),
        List.of(new Dense(1).apply(joined), new Dense(2).apply(joined)), "two_in_two_out");
    INDArray xa = rows(45);
    INDArray xb = Nd4j.linspace(DataType.FLOAT, 1, -0.01, 135).reshape(45, 3);
    List<INDArray> whole = model.predictOnBatch(List.of(xa, xb));
    List<INDArray> batched = model.predict(List.of(xa, xb));
    assertEquals(2, batched.size());
    assertArrayEquals(new long[] {45, 2}, batched.get(1).shape());
    for (int i = 0; i < 2; i++) {
      assertTrue(whole.get(i).equalsWithEps(batched.get(i), 1e-6), "output " + i);
    }
    assertThrows(IllegalArgumentException.class, () -> model.predict(List.of(xa, xb.get(
        org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 44)))));
  }

  @Test
  void layerSettersChainAndKeepTheLayerClass() {
    Dense dense = new Dense(3).setName("head").setTrainable(false);
    assertEquals("head", dense.name());
    assertFalse(dense.isTrainable());
    Sequential model = new Sequential(new Dense(2)).setName("net");
    assertEquals("net", model.name());
    Dense same = dense.setTrainable(true);
    assertSame(dense, same);
    assertTrue(same.isTrainable());
    assertThrows(ClassCastException.class, () -> {
      Concatenate wrong = new Dense(1).setName("d");
      wrong.name();
    });
  }

  @Test
  void multiInputLayersTakeTheirTensorsDirectly() {
    Tensor a = Tensor.of(new float[][] {{1, 2}});
    Tensor b = Tensor.of(new float[][] {{3}});
    Tensor c = Tensor.of(new float[][] {{4, 5, 6}});
    Tensor joined = new Concatenate().apply(a, b, c);
    assertEquals(Nd4j.createFromArray(new float[][] {{1, 2, 3, 4, 5, 6}}), joined.value());
    Tensor sum = new org.jeras.layers.merging.Add().apply(a, Tensor.of(new float[][] {{10, 20}}));
    assertEquals(Nd4j.createFromArray(new float[][] {{11, 22}}), sum.value());
    assertInstanceOf(Tensor.class, new Concatenate().apply(List.of(a, b)));
  }
}
