package org.jeras.saving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.ObjectFactory;
import org.jeras.core.layer.IncompatibleInputException;
import org.jeras.core.model.Functional;
import org.jeras.core.model.Input;
import org.jeras.core.model.InputLayer;
import org.jeras.core.model.Model;
import org.jeras.core.model.Sequential;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.layers.core.Dense;
import org.jeras.layers.rnn.ConvLSTM2D;
import org.jeras.layers.rnn.GRUCell;
import org.jeras.layers.rnn.LSTM;
import org.jeras.layers.rnn.MinimalCell;
import org.jeras.layers.rnn.RNN;
import org.jeras.layers.rnn.StackedRNNCells;
import org.jeras.layers.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Java-built recurrent models saved and reloaded: an {@code RNN} over a user-written cell
 * registered as a custom object (alone and inside {@code StackedRNNCells}), and stateful models
 * whose reloaded copy keeps states between calls as the original does.
 */
class RecurrentCellSavingTest {
  private static final Map<String, ObjectFactory<?>> CUSTOM =
      Map.of("tests>MinimalCell", (ObjectFactory<MinimalCell>) MinimalCell::fromConfig);

  @TempDir
  Path tmp;

  private static INDArray rand(long seed, long... shape) {
    return TestData.uniform(seed, -1.0, 1.0, shape).castTo(DataType.FLOAT);
  }

  @Test
  void userCellSavesAndReloadsAsACustomObject() throws IOException {
    Tensor in = Input.of(4, 3);
    Tensor a = new RNN(new MinimalCell(3)).returnSequences(true).apply(in);
    Tensor b = new RNN(new StackedRNNCells(List.of(new MinimalCell(2), new GRUCell(2)))).apply(a);
    Model m = new Functional(in, new Dense(1).apply(b), "user_cell");
    INDArray x = rand(1, 2, 4, 3);
    INDArray y = m.predictOnBatch(List.of(x)).get(0);

    Path file = tmp.resolve("user_cell.keras");
    KerasFile.save(m, file);
    ConfigException missing = assertThrows(ConfigException.class, () -> Models.load(file));
    assertTrue(missing.getMessage().contains("MinimalCell"), missing.getMessage());
    Model back = Models.load(file, LoadOptions.DEFAULT.withCustomObjects(CUSTOM));
    assertEquals(y, back.predictOnBatch(List.of(x)).get(0));
    Path again = tmp.resolve("again.keras");
    KerasFile.save(back, again);
    KerasSaveRoundTripTest.assertSameConfig(file, again, "user_cell");
  }

  @Test
  void statefulModelsKeepStatesAfterReloading() throws IOException {
    Model lstm = new Sequential("stateful_lstm", new InputLayer(Shape.of(2, 3, 2), DType.FLOAT32, null),
        new LSTM(3).stateful(true).returnSequences(true));
    Model conv = new Sequential("stateful_conv", new InputLayer(Shape.of(2, 2, 4, 4, 1), DType.FLOAT32, null),
        new ConvLSTM2D(2, 3).geometry(new int[] {1}, "same", null, new int[] {1}).stateful(true));
    Map<Model, long[]> shapes = Map.of(lstm, new long[] {2, 3, 2}, conv, new long[] {2, 2, 4, 4, 1});
    for (Model m : List.of(lstm, conv)) {
      long[] shape = shapes.get(m);
      INDArray x1 = rand(2, shape);
      INDArray x2 = rand(3, shape);
      INDArray y1 = m.predictOnBatch(List.of(x1)).get(0);
      INDArray y2 = m.predictOnBatch(List.of(x2)).get(0);
      assertTrue(!y2.equalsWithEps(freshCall(m, x2), 1e-6), m.name() + ": the second call starts from kept states");

      Path file = tmp.resolve(m.name() + ".keras");
      KerasFile.save(m, file);
      Model back = Models.load(file);
      assertEquals(y1, back.predictOnBatch(List.of(x1)).get(0), m.name());
      assertEquals(y2, back.predictOnBatch(List.of(x2)).get(0), m.name());
      INDArray wrong = Nd4j.zeros(DataType.FLOAT, withBatch(shape, 3));
      assertThrows(IncompatibleInputException.class, () -> back.predictOnBatch(List.of(wrong)));
    }
  }

  private static INDArray freshCall(Model m, INDArray x) {
    for (var l : m.layers()) {
      if (l instanceof RNN r) {
        r.resetStates();
      }
    }
    return m.predictOnBatch(List.of(x)).get(0);
  }

  private static long[] withBatch(long[] shape, long batch) {
    long[] s = shape.clone();
    s[0] = batch;
    return s;
  }
}
