package org.jeras.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jeras.core.model.Functional;
import org.jeras.core.model.Input;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.layers.convolutional.Conv1D;
import org.jeras.layers.core.Dense;
import org.jeras.layers.pooling.GlobalAveragePooling1D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.tensorflow.proto.SavedModel;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.proto.TensorShapeProto;

/**
 * Every {@code None} dimension of the model's input stays unknown in the SavedModel: the signature's
 * shapes, and a graph whose ops take the size at run time (a Conv1D and a global pooling over any
 * number of steps). Kept for the Python check at a length other than the traced ones.
 */
class SavedModelDynamicDimsTest {
  @TempDir
  Path dir;

  @Test
  void noneDimensionsOfTheInputStayDynamic() throws Exception {
    Tensor in = Input.of(Shape.UNKNOWN, 4);
    Tensor out = new Dense(2).apply(new GlobalAveragePooling1D().apply(new Conv1D(3, 2).apply(in)));
    Functional model = new Functional(in, out, "steps");
    Exporter.export(model, dir, ExportFormat.TF_SAVED_MODEL);
    SavedModel saved = SavedModel.parseFrom(Files.readAllBytes(dir.resolve("saved_model.pb")));
    SignatureDef sig = saved.getMetaGraphs(0).getSignatureDefOrThrow("serving_default");
    TensorShapeProto shape = sig.getInputsOrThrow("args_0").getTensorShape();
    assertEquals(3, shape.getDimCount());
    assertEquals(-1, shape.getDim(0).getSize(), "batch");
    assertEquals(-1, shape.getDim(1).getSize(), "steps");
    assertEquals(4, shape.getDim(2).getSize());
    Nd4j.getRandom().setSeed(3);
    INDArray x = Nd4j.randn(DataType.FLOAT, 3, 11, 4);
    KeptSavedModels.keep(dir, "dynamic_steps", "serve", Map.of("x0", x, "y0", model.predict(x, 3)));
  }
}
