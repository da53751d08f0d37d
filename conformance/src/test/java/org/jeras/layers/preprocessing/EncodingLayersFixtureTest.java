package org.jeras.layers.preprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.jeras.conformance.KerasModels;
import org.jeras.core.model.Model;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class EncodingLayersFixtureTest {
  @Test
  void fixturesMatchKeras() {
    for (String dir : List.of("", "jax/")) {
      KerasModels.assertReproduces(dir + "pre_discretization");
      KerasModels.assertReproduces(dir + "pre_category_encoding");
      Model m = KerasModels.load(dir + "pre_discretization");
      List<INDArray> out = m.predictOnBatch(KerasModels.inputs(dir + "pre_discretization"));
      assertEquals(DataType.INT, out.get(0).dataType(), "int mode gives int32 as Keras 3.16");
      assertEquals(DataType.FLOAT, out.get(2).dataType());
    }
    assertEquals(3, KerasModels.assertLayerConfigsRoundTrip("pre_discretization", Set.of("Discretization")));
    assertEquals(3, KerasModels.assertLayerConfigsRoundTrip("pre_category_encoding", Set.of("CategoryEncoding")));
  }
}
