package org.jeras.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jeras.core.io.Npz;
import org.jeras.core.model.Functional;
import org.jeras.core.model.Input;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.layers.core.Dense;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** {@code jeras predict} refuses a batch that does not fit the model's Input, with Keras's message (issue #9). */
public class PredictInputCheckTest {
  @TempDir
  Path dir;

  private int predict(Path model, long[] shape, ByteArrayOutputStream err) throws IOException {
    Path in = dir.resolve("in.npz");
    Npz.write(in, Map.of("x", Nd4j.ones(DataType.FLOAT, shape)));
    return Main.run(new String[] {"predict", model.toString(), "--input", in.toString(), "--output",
        dir.resolve("out.npz").toString()}, new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void predictRefusesAWrongWidthAndAcceptsTheRightOne() throws IOException {
    Tensor x = Input.of(Shape.of(8), DType.FLOAT32, "input_layer");
    Functional m = new Functional(x, new Dense(3).apply(x), "functional");
    Path file = dir.resolve("dense.keras");
    m.save(file);
    for (long[] bad : new long[][] {{4, 5}, {4, 12}, {4, 2_000_000}, {2, 4, 8}}) {
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      assertEquals(1, predict(file, bad, err));
      assertEquals("jeras: Input 0 with name 'input_layer' of layer 'functional' is incompatible with the layer:"
          + " expected shape=(None, 8), found shape=" + Shape.of(bad) + "\n", err.toString(StandardCharsets.UTF_8));
    }
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(0, predict(file, new long[] {4, 8}, err), err.toString(StandardCharsets.UTF_8));
    assertEquals(m.predict(Nd4j.ones(DataType.FLOAT, 4, 8), 32), Npz.read(dir.resolve("out.npz")).get("y"));
    assertEquals(true, Files.exists(dir.resolve("out.npz")));
  }
}
