package org.jeras.core.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jeras.core.initializers.Ones;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.Layer;
import org.jeras.core.ops.ArrayOps;
import org.jeras.core.ops.LinalgOps;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.NnOps;
import org.jeras.core.random.RandomOps;
import org.jeras.core.random.SeedGenerator;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class TracerTest {
  private static final List<TensorSpec> SIG = List.of(TensorSpec.batched("x", 3));

  @Test
  void recordsOpsVariablesAndDynamicBatch() {
    Variable w = new Variable("kernel", "dense/kernel", Nd4j.rand(DataType.FLOAT, 3, 4), true);
    Variable b = new Variable("bias", "dense/bias", Nd4j.rand(DataType.FLOAT, 4), true);
    OpGraph g = Tracer.trace(SIG, args -> List.of(
        NnOps.relu(MathOps.add(LinalgOps.matmul(args.get(0), w.read()), b.read()))));

    assertEquals(1, g.inputs().size());
    assertEquals("x", g.inputs().get(0).name());
    assertArrayEquals(new long[] {-1, 3}, g.inputs().get(0).value().shape());
    assertEquals(List.of(w, b), g.variables());
    assertEquals(List.of("matmul", "add", "relu"), g.nodes().stream().map(n -> n.op().name()).toList());
    OpGraph.Node matmul = g.nodes().get(0);
    assertArrayEquals(new int[] {g.inputs().get(0).value().id(), g.constants().get(0).value().id()}, matmul.inputs());
    assertArrayEquals(new int[] {matmul.output().id(), g.constants().get(1).value().id()}, g.nodes().get(1).inputs());
    assertEquals(g.nodes().get(2).output(), g.outputs().get(0));
    assertArrayEquals(new long[] {-1, 4}, g.outputs().get(0).shape());
    assertEquals(DType.FLOAT32, g.outputs().get(0).dtype());
    assertFalse(Tracer.isActive());
  }

  @Test
  void batchDependentDimensionListsBecomeDynamic() {
    OpGraph g = Tracer.trace(List.of(TensorSpec.batched("x", 3, 4)), args -> {
      Tensor x = args.get(0);
      return List.of(ArrayOps.reshape(x, x.shape().get(0), 12));
    });
    assertArrayEquals(new long[] {-1, 12}, g.nodes().get(0).op().getLongs("shape"));
    assertArrayEquals(new long[] {-1, 12}, g.outputs().get(0).shape());
  }

  @Test
  void scalarAttributesAreRecorded() {
    OpGraph g = Tracer.trace(SIG, args -> List.of(NnOps.softmax(MathOps.mul(args.get(0), 0.5), -1)));
    assertEquals(OpDesc.of("multiply_scalar", "value", 0.5), g.nodes().get(0).op());
    assertEquals(OpDesc.of("softmax", "axis", 1L), g.nodes().get(1).op());
  }

  /** Adds {@code 2x} computed outside the ops when {@code leak}: tracing must refuse to bake it in. */
  static final class Scale extends Layer {
    private final boolean leak;
    private Variable w;

    Scale(boolean leak) {
      this.leak = leak;
      setName("scale");
    }

    @Override
    protected void build(Shape inputShape) {
      w = addWeight("w", new long[] {inputShape.get(inputShape.rank() - 1)}, new Ones());
    }

    @Override
    protected Tensor call(Tensor x, CallContext ctx) {
      Tensor y = MathOps.mul(x, w.read());
      return leak ? MathOps.add(y, Tensor.of(x.value().mul(2))) : y;
    }
  }

  @Test
  void layerCallsAreTracedWithTheirPath() {
    Scale layer = new Scale(false);
    OpGraph g = Tracer.trace(SIG, args -> List.of(layer.apply(args.get(0))));
    assertEquals("scale", g.nodes().get(0).layerPath());
    assertEquals("scale", g.constants().get(0).layerPath());
    assertSame(layer.weights().get(0), g.variables().get(0));
  }

  @Test
  void aTensorMadeOutsideTheOpsFailsNamingTheLayer() {
    Scale layer = new Scale(true);
    TraceException e = assertThrows(TraceException.class,
        () -> Tracer.trace(SIG, args -> List.of(layer.apply(args.get(0)))));
    assertEquals("scale", e.layerPath());
    assertEquals("add", e.op());
    assertTrue(e.getMessage().startsWith("Layer 'scale': argument 1 of op 'add'"), e.getMessage());
    assertFalse(Tracer.isActive());
  }

  @Test
  void anUndescribedOpFailsNamingIt() {
    TraceException e = assertThrows(TraceException.class, () -> Tracer.trace(SIG,
        args -> List.of(RandomOps.dropout(args.get(0), 0.5, null, new SeedGenerator(1L)))));
    assertEquals("RandomOps.dropout", e.op());
    assertTrue(e.getMessage().contains("op RandomOps.dropout has no op description"), e.getMessage());
  }

  @Test
  void arraysDerivedFromLiteralsAreConstantsButNotFromInputs() {
    OpGraph g = Tracer.trace(SIG, args -> {
      Tensor ones = Tracer.literal(Tensor.of(Nd4j.ones(DataType.FLOAT, 3)));
      Tensor cast = MathOps.cast(ones, DType.FLOAT64);
      Tensor twos = Tracer.derived(cast.value().mul(2).castTo(DataType.FLOAT), cast);
      return List.of(MathOps.mul(args.get(0), twos));
    });
    assertEquals(List.of("multiply"), g.nodes().stream().map(n -> n.op().name()).toList());
    assertEquals(1, g.constants().size());
    assertEquals(Nd4j.valueArrayOf(new long[] {3}, 2.0f), g.constants().get(0).literal());

    TraceException e = assertThrows(TraceException.class, () -> Tracer.trace(SIG, args -> List.of(
        MathOps.mul(args.get(0), Tracer.derived(args.get(0).value().mul(2), args.get(0))))));
    assertTrue(e.getMessage().contains("argument 1 of op 'multiply'"), e.getMessage());
  }

  @Test
  void anOutputMadeOutsideTheOpsFails() {
    TraceException e = assertThrows(TraceException.class,
        () -> Tracer.trace(SIG, args -> List.of(Tensor.of(args.get(0).value().add(1)))));
    assertTrue(e.getMessage().contains("Output 0"), e.getMessage());
  }
}
