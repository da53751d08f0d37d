package org.jeras.saving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jeras.core.model.Functional;
import org.jeras.core.model.Input;
import org.jeras.core.model.Model;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.testing.ConcurrentInference;
import org.jeras.layers.core.Dense;
import org.jeras.saving.custom.LoadedScale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A custom layer's {@code computeOutputShape} gives its symbolic output, as Keras's
 * {@code compute_output_spec} does, so a model is rebuilt from its config without running a call
 * that needs state the load has not brought yet.
 */
class ComputeOutputShapeTest {
  @TempDir
  Path tmp;

  @Test
  void aModelIsRebuiltWithoutCallingALayerThatCanTellItsShape() {
    Nd4j.getRandom().setSeed(4);
    Tensor in = Input.of(3);
    LoadedScale scale = new LoadedScale();
    Tensor hidden = scale.apply(in);
    assertEquals(Shape.of(Shape.UNKNOWN, 3), hidden.shape());
    Model m = new Functional(in, new Dense(2).apply(hidden), "gated");
    INDArray x = Nd4j.rand(DataType.FLOAT, 5, 3);
    assertThrows(IllegalStateException.class, () -> m.predictOnBatch(x));
    scale.setScale(0.5f, -2f, 3f);
    INDArray expected = m.predictOnBatch(x);

    Path file = tmp.resolve("gated.keras");
    m.save(file);
    Model loaded = Models.load(file, LoadOptions.DEFAULT.withCustomObjects(Map.of("LoadedScale",
        (org.jeras.core.config.ObjectFactory<LoadedScale>) LoadedScale::fromConfig)));
    ConcurrentInference.assertSame(List.of(expected), List.of(loaded.predictOnBatch(x)), "reloaded model");
  }
}
