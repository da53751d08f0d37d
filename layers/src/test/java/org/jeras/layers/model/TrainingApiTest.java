package org.jeras.layers.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jeras.core.callbacks.EarlyStopping;
import org.jeras.core.callbacks.History;
import org.jeras.core.layer.CallContext;
import org.jeras.core.losses.MeanSquaredError;
import org.jeras.core.model.Functional;
import org.jeras.core.model.Input;
import org.jeras.core.model.Model;
import org.jeras.core.model.Sequential;
import org.jeras.core.ops.MathOps;
import org.jeras.core.optimizers.Adam;
import org.jeras.core.optimizers.SGD;
import org.jeras.core.random.Seeds;
import org.jeras.core.regularizers.Regularizers;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.GradientTape;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;
import org.jeras.core.training.Batch;
import org.jeras.core.training.CompileOptions;
import org.jeras.core.training.Dataset;
import org.jeras.core.training.FitOptions;
import org.jeras.layers.core.Dense;
import org.jeras.layers.merging.Concatenate;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class TrainingApiTest {
  /** A subclassed model with its own call and its own train step, as in Keras's guides. */
  static final class Regressor extends Model {
    final Dense hidden = track("hidden", new Dense(16, "tanh"));
    final Dense head = track("head", new Dense(1));
    final MeanSquaredError mse = new MeanSquaredError();
    int customSteps;

    @Override
    protected Tensor call(Tensor x, CallContext ctx) {
      return head.apply(hidden.apply(x));
    }

    @Override
    public Map<String, Double> trainStep(Batch batch) {
      customSteps++;
      List<Variable> vars = trainableWeights();
      Tensor loss;
      List<INDArray> grads;
      try (GradientTape tape = GradientTape.record()) {
        Tensor pred = apply(Tensor.of(batch.x().get(0)), true);
        loss = mse.apply(Tensor.of(batch.y().get(0)), pred, null);
        grads = tape.gradient(loss, vars);
      }
      optimizer().applyGradients(grads, vars);
      return Map.of("loss", loss.value().getDouble(0));
    }
  }

  private static INDArray[] regressionData(int n) {
    Nd4j.getRandom().setSeed(11);
    INDArray x = Nd4j.rand(DataType.FLOAT, n, 3).subi(0.5).muli(2);
    INDArray y = x.getColumn(0).mul(2).sub(x.getColumn(1)).add(x.getColumn(2).mul(x.getColumn(0))).reshape(n, 1);
    return new INDArray[] {x, y};
  }

  @Test
  void subclassedModelWithCustomTrainStepTrains() {
    Seeds.setGlobalSeed(1);
    INDArray[] d = regressionData(256);
    Regressor model = new Regressor();
    model.compile(new Adam(0.02), "mse");
    double before = model.evaluate(d[0], d[1], 64).get("loss");
    History h = model.fit(d[0], d[1], FitOptions.defaults().epochs(30).batchSize(32).verbose(0));
    double after = model.evaluate(d[0], d[1], 64).get("loss");
    assertEquals(30 * 8, model.customSteps, "fit must use the overridden train step");
    assertEquals(30, h.get("loss").size());
    assertTrue(after < before * 0.1, "loss " + before + " -> " + after);
    assertEquals(List.of("head", "hidden"), List.copyOf(new TreeSet<>(model.trackedAttributes().keySet())));
  }

  @Test
  void functionalMultiOutputWithPerOutputLossesTrains() {
    Seeds.setGlobalSeed(2);
    Tensor a = Input.of(Shape.of(3), DType.FLOAT32, "in_a");
    Tensor b = Input.of(Shape.of(2), DType.FLOAT32, "in_b");
    Tensor h = new Dense(16, "relu").apply(new Concatenate().apply(List.of(a, b)));
    Tensor reg = new Dense(1).setName("out_reg").apply(h);
    Tensor cls = new Dense(2, "softmax").setName("out_cls").apply(h);
    Functional model = new Functional(List.of(a, b), List.of(reg, cls), "multi");

    int n = 256;
    Nd4j.getRandom().setSeed(3);
    INDArray xa = Nd4j.rand(DataType.FLOAT, n, 3).subi(0.5);
    INDArray xb = Nd4j.rand(DataType.FLOAT, n, 2).subi(0.5);
    INDArray yReg = xa.getColumn(0).add(xb.getColumn(1)).reshape(n, 1);
    INDArray yCls = Nd4j.zeros(DataType.FLOAT, n, 2);
    for (int i = 0; i < n; i++) {
      yCls.putScalar(i, xa.getDouble(i, 1) > 0 ? 1 : 0, 1f);
    }
    model.compile(CompileOptions.of(new Adam(0.01))
        .lossesByOutput(Map.of("out_reg", "mse", "out_cls", "categorical_crossentropy"))
        .lossWeightsByOutput(Map.of("out_reg", 1.0, "out_cls", 0.5))
        .metricsByOutput(Map.of("out_reg", List.of("mae"), "out_cls", List.of("accuracy"))));
    Dataset data = new Dataset(List.of(xa, xb), List.of(yReg, yCls), null);
    Map<String, Double> before = model.evaluate(data, 64);
    History hist = model.fit(data, FitOptions.defaults().epochs(40).batchSize(32).verbose(0));
    Map<String, Double> after = model.evaluate(data, 64);
    assertTrue(after.get("loss") < before.get("loss") * 0.5, before + " -> " + after);
    assertTrue(after.get("out_cls_accuracy") > 0.9, after.toString());
    double combined = after.get("out_reg_loss") + 0.5 * after.get("out_cls_loss");
    assertEquals(combined, after.get("loss"), 1e-5, "total loss = weighted sum of output losses");
    assertTrue(hist.history().containsKey("out_reg_mae"));
  }

  @Test
  void fitsFromABatchSourceAndFromJavaArrays() {
    Seeds.setGlobalSeed(6);
    INDArray[] d = regressionData(128);
    List<Batch> batches = new ArrayList<>();
    for (int i = 0; i < 128; i += 16) {
      batches.add(Batch.of(d[0].get(NDArrayIndex.interval(i, i + 16)),
          d[1].get(NDArrayIndex.interval(i, i + 16))));
    }
    Regressor fromSource = new Regressor();
    fromSource.compile(new Adam(0.02), "mse");
    double before = fromSource.evaluate(batches).get("loss");
    History h = fromSource.fit(batches, -1, batches, FitOptions.defaults().epochs(20).verbose(0));
    assertEquals(20 * 8, fromSource.customSteps);
    assertTrue(h.get("val_loss").get(19) < before * 0.2, before + " -> " + h.get("val_loss"));

    Sequential fromArrays = new Sequential();
    fromArrays.add(Input.of(3));
    fromArrays.add(new Dense(1));
    fromArrays.compile(new SGD(0.1), "mse");
    History h2 = fromArrays.fit(d[0].toFloatMatrix(), d[1].toFloatMatrix(), FitOptions.defaults().epochs(5).verbose(0));
    assertTrue(h2.get("loss").get(4) < h2.get("loss").get(0));
  }

  @Test
  void earlyStoppingStopsOnPlateauAndValidationSplitIsLogged() {
    Seeds.setGlobalSeed(4);
    INDArray[] d = regressionData(128);
    Sequential model = new Sequential();
    model.add(Input.of(3));
    model.add(new Dense(1));
    model.compile(new SGD(0.0), "mse");
    History h = model.fit(d[0], d[1], FitOptions.defaults().epochs(20).verbose(0).validationSplit(0.25)
        .callbacks(new EarlyStopping("val_loss", 2)));
    assertEquals(3, h.get("val_loss").size(), "zero learning rate: no improvement after the first epoch");
  }

  @Test
  void trainOnBatchAndRegularizationLosses() {
    Seeds.setGlobalSeed(5);
    Sequential model = new Sequential();
    model.add(Input.of(3));
    model.add(new Dense(2).regularizer("kernel", Regularizers.get("l2")));
    model.compile(new SGD(0.1), "mse");
    INDArray x = Nd4j.ones(DataType.FLOAT, 4, 3);
    INDArray y = Nd4j.zeros(DataType.FLOAT, 4, 2);
    Map<String, Double> logs = model.testOnBatch(x, y);
    INDArray k = model.weights().get(0).array().dup();
    INDArray pred = model.predictOnBatch(x);
    double mse = pred.mul(pred).meanNumber().doubleValue();
    double l2 = 0.01 * k.mul(k).sumNumber().doubleValue();
    assertEquals(mse + l2, logs.get("loss"), 1e-5);
    model.trainOnBatch(x, y);
    assertTrue(MathOps.abs(Tensor.of(model.weights().get(0).array().sub(k))).value().sumNumber().doubleValue() > 0);
  }
}
