package org.jeras.core.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.jeras.core.config.Serialization;
import org.jeras.core.metrics.Mean;
import org.jeras.core.ops.LinalgOps;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.NnOps;
import org.jeras.core.tensor.GradientTape;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;
import org.jeras.conformance.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Real Keras training runs: for each step the model (Dense relu -> Dense) is evaluated by hand at
 * the pre-step weights on the step's batch; the loss must equal Keras's {@code batch_loss_ref},
 * its gradient Keras's {@code grad<s>_<i>}, and the running {@code "loss"} mean Keras's logged loss.
 */
class LossTrajectoryTest {
  private static final int BATCH = 4;
  private static final int STEPS_PER_EPOCH = 3;

  @ParameterizedTest
  @ValueSource(strings = {"sgd", "sgd_mse", "adam_sparse_cce", "adam_sample_weight", "sgd_class_weight"})
  void lossMatchesKeras(String name) throws IOException {
    Map<String, INDArray> npz = Fixtures.npz("trajectories/" + name + ".npz");
    Loss loss = Serialization.deserialize(caseOf(name).get("loss"), Loss.class);
    INDArray weights = npz.containsKey("sample_weight") ? npz.get("sample_weight")
        : npz.get("effective_sample_weight");
    INDArray ref = npz.get("batch_loss_ref");
    INDArray logged = npz.get("loss_logged");
    Mean tracker = Mean.lossTracker();
    for (int step = 1; step <= ref.length(); step++) {
      int batch = (step - 1) % STEPS_PER_EPOCH;
      if (batch == 0) {
        tracker.resetState();
      }
      List<Variable> vars = List.of(
          variable(npz, step - 1, 0), variable(npz, step - 1, 1), variable(npz, step - 1, 2), variable(npz, step - 1, 3));
      Tensor x = Tensor.of(rows(npz.get("x"), batch));
      Tensor y = Tensor.of(rows(npz.get("y"), batch));
      Tensor w = weights == null ? null : Tensor.of(rows(weights, batch));
      List<INDArray> grads;
      Tensor value;
      try (GradientTape tape = GradientTape.record()) {
        Tensor hidden = NnOps.relu(MathOps.add(LinalgOps.matmul(x, vars.get(0).read()), vars.get(1).read()));
        Tensor out = MathOps.add(LinalgOps.matmul(hidden, vars.get(2).read()), vars.get(3).read());
        value = loss.apply(y, out, w);
        grads = tape.gradient(value, vars);
      }
      assertEquals(DataType.FLOAT, value.value().dataType());
      assertEquals(0, value.rank());
      double got = value.value().getDouble(0);
      assertEquals(ref.getDouble(step - 1), got, 1e-5, name + " step " + step + " batch loss");
      for (int i = 0; i < vars.size(); i++) {
        INDArray expected = npz.get("grad" + step + "_" + i);
        INDArray diff = grads.get(i).castTo(DataType.DOUBLE).sub(expected.castTo(DataType.DOUBLE));
        double err = diff.amaxNumber().doubleValue();
        if (err > 1e-5 + 1e-4 * expected.amaxNumber().doubleValue()) {
          fail(name + " step " + step + " gradient " + i + " differs from Keras by " + err);
        }
      }
      tracker.update(got, BATCH);
      assertEquals(logged.getDouble(step - 1), tracker.result(), 1e-5, name + " step " + step + " logged loss");
    }
  }

  private static Variable variable(Map<String, INDArray> npz, int step, int index) {
    return new Variable("w" + index, "w" + index, npz.get("w" + step + "_" + index).dup(), true);
  }

  private static INDArray rows(INDArray a, int batch) {
    INDArray r = a.get(NDArrayIndex.interval(batch * BATCH, (batch + 1) * BATCH)).dup();
    return a.rank() == 1 ? r.reshape(BATCH) : r;
  }

  private static JsonObject caseOf(String name) throws IOException {
    JsonObject manifest = JsonParser.parseString(Files.readString(Fixtures.file("trajectories/manifest.json")))
        .getAsJsonObject();
    for (JsonElement c : manifest.getAsJsonArray("cases")) {
      if (c.getAsJsonObject().get("name").getAsString().equals(name)) {
        return c.getAsJsonObject();
      }
    }
    throw new AssertionError("No trajectory case " + name);
  }
}
