package org.jeras.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jeras.core.graph.TensorSpec;
import org.jeras.core.ops.ArrayOps;
import org.jeras.core.ops.ConvOps;
import org.jeras.core.ops.EncodingOps;
import org.jeras.core.ops.LinalgOps;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.NnOps;
import org.jeras.core.ops.NormOps;
import org.jeras.core.ops.PoolOps;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.ops.RnnOps;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Each ONNX lowering reproduces its Jeras op: a function of one or a few ops is traced, exported
 * and run on ONNX Runtime at a batch size other than the traced ones, and its outputs match Jeras's
 * within 1e-5 (abs + rel). The fixture models cover the ops in context; this covers each rule.
 */
class OnnxOpsTest {
  /** One case: a function of a few ops on its input signature; shared with {@link SavedModelOpsTest}. */
  record Case(String name, List<TensorSpec> signature, EndpointFunction fn) {}

  private static TensorSpec x(long... dims) {
    return TensorSpec.batched(null, dims);
  }

  private static Case one(String name, EndpointFunction fn, long... dims) {
    return new Case(name, List.of(x(dims)), fn);
  }

  private static EndpointFunction unary(java.util.function.UnaryOperator<Tensor> op) {
    return args -> List.of(op.apply(args.get(0)));
  }

  private static Tensor positive(Tensor t) {
    return MathOps.add(MathOps.abs(t), 0.5);
  }

  static List<Case> cases() {
    List<Case> c = new ArrayList<>();
    // activations
    c.add(one("relu6", unary(t -> NnOps.relu6(MathOps.mul(t, 8.0))), 7));
    c.add(one("leaky_relu", unary(t -> NnOps.leakyRelu(t, 0.2)), 7));
    c.add(one("relu_ex", unary(t -> NnOps.relu(MathOps.mul(t, 3.0), 0.1, 1.5, 0.3)), 7));
    c.add(one("relu_threshold", unary(t -> NnOps.relu(t, 0.0, null, 0.3)), 7));
    c.add(one("elu", unary(t -> NnOps.elu(t, 0.7)), 7));
    c.add(one("selu", unary(NnOps::selu), 7));
    c.add(one("softplus", unary(t -> NnOps.softplus(MathOps.mul(t, 30.0))), 7));
    c.add(one("softsign", unary(NnOps::softsign), 7));
    c.add(one("soft_shrink", unary(t -> NnOps.softShrink(t, 0.4)), 7));
    c.add(one("hard_shrink", unary(t -> NnOps.hardShrink(t, 0.4)), 7));
    c.add(one("tanh_shrink", unary(NnOps::tanhShrink), 7));
    c.add(one("hard_tanh", unary(t -> NnOps.hardTanh(MathOps.mul(t, 2.0))), 7));
    c.add(one("threshold", unary(t -> NnOps.threshold(t, 0.1, -2.0)), 7));
    c.add(one("sparse_plus", unary(t -> NnOps.sparsePlus(MathOps.mul(t, 2.0))), 7));
    c.add(one("sparse_sigmoid", unary(t -> NnOps.sparseSigmoid(MathOps.mul(t, 2.0))), 7));
    c.add(one("silu", unary(NnOps::silu), 7));
    c.add(one("squareplus", unary(t -> NnOps.squareplus(t, 4.0)), 7));
    c.add(one("gelu", unary(t -> NnOps.gelu(t, false)), 7));
    c.add(one("gelu_approximate", unary(t -> NnOps.gelu(t, true)), 7));
    c.add(one("celu", unary(t -> NnOps.celu(t, 1.5)), 7));
    c.add(one("glu", unary(t -> NnOps.glu(t, -1)), 8));
    c.add(one("hard_sigmoid", unary(t -> NnOps.hardSigmoid(MathOps.mul(t, 4.0))), 7));
    c.add(one("hard_silu", unary(t -> NnOps.hardSilu(MathOps.mul(t, 4.0))), 7));
    c.add(one("mish", unary(NnOps::mish), 7));
    c.add(one("log_sigmoid", unary(NnOps::logSigmoid), 7));
    c.add(one("sigmoid_tanh", unary(t -> NnOps.tanh(NnOps.sigmoid(t))), 7));
    c.add(one("softmax", unary(t -> NnOps.softmax(t, 1)), 4, 5));
    c.add(one("log_softmax", unary(t -> NnOps.logSoftmax(t, -1)), 4, 5));
    // arithmetic and math
    c.add(new Case("binary", List.of(x(4, 5), new TensorSpec(null, new long[] {5}, DType.FLOAT32)), args -> List.of(
        MathOps.div(MathOps.sub(args.get(0), args.get(1)), positive(args.get(1))),
        MathOps.maximum(args.get(0), args.get(1)), MathOps.minimum(args.get(0), args.get(1)))));
    c.add(one("math", unary(t -> MathOps.add(MathOps.add(MathOps.log1p(MathOps.abs(t)), MathOps.exp(t)),
        MathOps.add(MathOps.sqrt(positive(t)), MathOps.mul(MathOps.log(positive(t)), MathOps.square(t))))), 7));
    c.add(one("scalars", unary(t -> MathOps.rsub(2.0, MathOps.add(MathOps.pow(positive(t), 2.5),
        MathOps.mul(MathOps.reciprocal(positive(t)), MathOps.neg(MathOps.sign(t)))))), 7));
    c.add(one("clip_full_like", unary(t -> MathOps.add(MathOps.clip(t, -0.3, 0.4), MathOps.fullLike(t, 3.0))), 7));
    c.add(new Case("where", List.of(x(5), x(5), x(5)),
        args -> List.of(MathOps.where(args.get(0), args.get(1), args.get(2)))));
    c.add(one("cast", unary(t -> MathOps.cast(MathOps.mul(MathOps.cast(t, DType.FLOAT64), 3.0), DType.FLOAT32)), 7));
    // shapes
    c.add(one("transpose_reshape", unary(t -> ArrayOps.reshape(ArrayOps.transpose(t, 0, 2, 1), -1, 12)), 3, 4));
    c.add(new Case("concat_stack", List.of(x(3, 2), x(3, 2)), args -> List.of(
        ArrayOps.concat(List.of(args.get(0), args.get(1)), -1), ArrayOps.stack(List.of(args.get(0), args.get(1)), 1))));
    c.add(one("slice_take", args -> List.of(ArrayOps.slice(args.get(0), 1, 1, 3), ArrayOps.take(args.get(0), 1, 3)),
        4, 2));
    c.add(one("expand_squeeze", unary(t -> ArrayOps.squeeze(ArrayOps.expandDims(t, 1), 1)), 4));
    c.add(one("pad", unary(t -> ArrayOps.pad(t, new long[][] {{0, 0}, {1, 2}, {0, 1}}, -1.5)), 3, 2));
    c.add(one("repeat", unary(t -> ArrayOps.repeat(t, 3, 1)), 2, 3));
    c.add(one("reverse", unary(t -> RnnOps.reverse(t, 1)), 4, 2));
    c.add(new Case("gather", List.of(new TensorSpec(null, new long[] {-1, 3}, DType.INT64), new TensorSpec(null,
        new long[] {5, 4}, DType.FLOAT32)), args -> List.of(ArrayOps.gather(args.get(1), args.get(0)))));
    // reductions and normalization
    c.add(one("reductions", unary(t -> MathOps.add(MathOps.add(ReduceOps.sum(t, false, 1), ReduceOps.mean(t, false, 1)),
        MathOps.add(ReduceOps.max(t, false, 1), MathOps.add(ReduceOps.min(t, false, 1),
            ReduceOps.logSumExp(t, false, 1))))), 4, 3));
    c.add(one("reductions_kept", unary(t -> ReduceOps.sum(t, true, 1, 2)), 4, 3));
    c.add(one("argmax", unary(t -> MathOps.cast(ReduceOps.argmax(t, -1), DType.FLOAT32)), 6));
    c.add(one("standardize", unary(t -> NormOps.standardize(t, 1e-3, -1)), 3, 6));
    c.add(one("l2_normalize", unary(t -> NormOps.l2Normalize(t, 1e-12, -1)), 6));
    c.add(one("moments", unary(t -> MathOps.add(NormOps.moments(t, false, 1)[0], NormOps.moments(t, false, 1)[1])), 5, 2));
    // linear algebra, convolutions, pooling
    c.add(new Case("matmul_batched", List.of(x(3, 4), x(4, 2)),
        args -> List.of(LinalgOps.matmul(args.get(0), args.get(1)))));
    c.add(new Case("matmul_affine", List.of(x(3), new TensorSpec(null, new long[] {3, 4}, DType.FLOAT32),
        new TensorSpec(null, new long[] {4}, DType.FLOAT32)), args -> List.of(
        LinalgOps.affine(args.get(0), args.get(1), args.get(2)), LinalgOps.matmul(args.get(0), args.get(1)))));
    c.add(new Case("conv2d_same_even", List.of(x(6, 5, 4), new TensorSpec(null, new long[] {2, 3, 4, 3},
        DType.FLOAT32)), args -> List.of(ConvOps.conv(args.get(0), args.get(1), new int[] {2, 1},
        new int[][] {{0, 1}, {1, 1}}, new int[] {1, 1}, 1))));
    c.add(new Case("conv1d_grouped_dilated", List.of(x(9, 4), new TensorSpec(null, new long[] {3, 2, 6},
        DType.FLOAT32)), args -> List.of(ConvOps.conv(args.get(0), args.get(1), new int[] {1},
        new int[][] {{2, 2}}, new int[] {2}, 2))));
    c.add(new Case("conv3d", List.of(x(4, 4, 3, 2), new TensorSpec(null, new long[] {2, 2, 2, 2, 3},
        DType.FLOAT32)), args -> List.of(ConvOps.conv(args.get(0), args.get(1), new int[] {1, 2, 1},
        new int[][] {{0, 0}, {0, 1}, {1, 0}}, new int[] {1, 1, 1}, 1))));
    c.add(new Case("depthwise", List.of(x(5, 5, 3), new TensorSpec(null, new long[] {3, 3, 3, 2},
        DType.FLOAT32)), args -> List.of(ConvOps.depthwiseConv(args.get(0), args.get(1), new int[] {1, 1},
        new int[][] {{1, 1}, {1, 1}}, new int[] {1, 1}))));
    c.add(new Case("conv_transpose", List.of(x(4, 3, 2), new TensorSpec(null, new long[] {3, 3, 5, 2},
        DType.FLOAT32)), args -> List.of(ConvOps.convTranspose(args.get(0), args.get(1), new int[] {2, 2},
        new long[] {9, 6}, new int[] {1, 0}, new int[] {1, 1}))));
    c.add(one("pool2d", unary(t -> MathOps.add(PoolOps.maxPool(t, new int[] {2, 2}, new int[] {2, 2},
        new int[][] {{0, 1}, {0, 1}}), PoolOps.avgPool(t, new int[] {2, 2}, new int[] {2, 2},
        new int[][] {{0, 1}, {0, 1}}))), 5, 5, 2));
    // preprocessing encodings: indices 0..4 against 4 classes, so index 4 matches nothing
    c.add(one("digitize", unary(t -> EncodingOps.digitize(t, new double[] {-1, 0, 0.5, 1})), 6));
    for (String mode : List.of("one_hot", "multi_hot", "count")) {
      c.add(new Case("category_encode_" + mode, List.of(new TensorSpec(null, new long[] {-1, 3}, DType.INT64)),
          args -> List.of(EncodingOps.categoryEncode(args.get(0), mode, 4, DType.FLOAT32))));
    }
    c.add(new Case("category_encode_one_hot_trailing_1", List.of(new TensorSpec(null, new long[] {-1, 1},
        DType.INT64)), args -> List.of(EncodingOps.categoryEncode(args.get(0), "one_hot", 6, DType.FLOAT32))));
    c.add(one("pool1d", unary(t -> PoolOps.avgPool(t, new int[] {3}, new int[] {1}, new int[][] {{1, 1}})), 6, 2));
    return c;
  }

  @TestFactory
  Stream<DynamicTest> everyLoweringMatchesItsOp() {
    return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
  }

  private static void check(Case c) throws IOException {
    Path dir = Files.createTempDirectory("onnx-op");
    try {
      ExportArchive archive = new ExportArchive();
      archive.addEndpoint("f", c.fn(), c.signature().toArray(new TensorSpec[0]));
      archive.writeOut(dir);
      List<INDArray> inputs = inputs(c);
      List<Tensor> want = c.fn().call(inputs.stream().map(Tensor::of).toList());
      try (ExportedModel m = ExportedModel.load(dir)) {
        List<INDArray> got = m.endpoint("f").call(inputs.toArray(new INDArray[0]));
        assertEquals(want.size(), got.size());
        for (int i = 0; i < got.size(); i++) {
          INDArray e = want.get(i).value().castTo(DataType.DOUBLE);
          INDArray a = got.get(i).castTo(DataType.DOUBLE);
          assertArrayEquals(e.shape(), a.shape(), c.name() + " output " + i + " shape");
          double worst = Transforms.abs(e.sub(a)).subi(Transforms.abs(e).muli(1e-5)).maxNumber().doubleValue();
          assertTrue(worst <= 1e-5, c.name() + " output " + i + ": max |a-b| - 1e-5|b| = " + worst);
        }
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (UncheckedIOException ignored) {
        // best effort
      }
    }
  }

  /** The case's inputs at batch size 4 (other than the traced ones), seeded by its name. */
  static List<INDArray> inputs(Case c) {
    Nd4j.getRandom().setSeed(c.name().hashCode());
    List<INDArray> inputs = new ArrayList<>();
    for (TensorSpec s : c.signature()) {
      long[] shape = s.shape();
      shape[0] = shape[0] < 0 ? 4 : shape[0];
      INDArray a = s.dtype() == DType.INT64 ? Nd4j.createFromArray(indices(shape)).reshape(shape)
          : c.name().equals("where") && inputs.isEmpty() ? Nd4j.rand(DataType.FLOAT, shape).gt(0.5).castTo(DataType.FLOAT)
          : Nd4j.randn(DataType.FLOAT, shape);
      inputs.add(a);
    }
    return inputs;
  }

  private static long[] indices(long[] shape) {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    long[] v = new long[(int) n];
    for (int i = 0; i < v.length; i++) {
      v[i] = (i * 7L) % 5;
    }
    return v;
  }
}
