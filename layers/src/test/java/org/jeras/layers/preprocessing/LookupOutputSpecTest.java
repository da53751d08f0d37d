package org.jeras.layers.preprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import java.util.List;
import org.jeras.core.layer.CallArgs;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The lookup layers' symbolic outputs and build config as Keras declares them: int64 indices in
 * {@code "int"} mode, floatx encodings otherwise, and an empty {@code build_config}.
 */
class LookupOutputSpecTest {
  private static Tensor symbolicIds() {
    return Tensor.symbolic(Shape.of(-1, 1), DType.INT64, null);
  }

  private static IntegerLookup lookup(String outputMode) {
    return new IntegerLookup(IndexLookup.Options.defaults().withOutputMode(outputMode), null, -1L, List.of(0L, 1L, 2L), null);
  }

  @Test
  void encodingsAreFloatxAndIndicesInt64() {
    Tensor oneHot = lookup("one_hot").computeOutputSpec(CallArgs.of(symbolicIds())).get(0);
    assertEquals(DType.FLOAT32, oneHot.dtype());
    assertEquals(Shape.of(-1, 4), oneHot.shape());
    assertEquals(DType.FLOAT32, lookup("multi_hot").computeOutputSpec(CallArgs.of(symbolicIds())).get(0).dtype());
    assertEquals(DType.INT64, lookup("int").computeOutputSpec(CallArgs.of(symbolicIds())).get(0).dtype());
  }

  @Test
  void buildConfigIsEmptyAfterACall() {
    IntegerLookup l = lookup("one_hot");
    l.apply(symbolicIds());
    assertEquals(new JsonObject(), l.getBuildConfig());
  }
}
