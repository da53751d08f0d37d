package org.jeras.core.ops;

import static org.jeras.core.tensor.GradientTape.recordOp;

import java.util.Arrays;
import java.util.function.BinaryOperator;
import org.jeras.core.graph.OpDesc;
import org.jeras.core.tensor.GradientTape;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Erf;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Differentiable neural-network functions: activations, softmax. */
public final class NnOps {
  private NnOps() {}

  private static final OpDesc RELU = OpDesc.of("relu");
  private static final OpDesc SIGMOID = OpDesc.of("sigmoid");
  private static final OpDesc TANH = OpDesc.of("tanh");

  /**
   * {@return {@code max(a, 0)}}
   *
   * @param a the input
   */
  public static Tensor relu(Tensor a) {
    INDArray x = a.value();
    INDArray out = Kernels.execDoubles("relu", Kernels.empty(x.dataType(), x.shape()), RELU_THRESHOLD, x);
    return recordOp(RELU, out, g -> new INDArray[] {Kernels.exec("relu_bp", Kernels.empty(x.dataType(), x.shape()), x, g)}, a);
  }

  private static final double[] RELU_THRESHOLD = {0.0};

  /**
   * {@link #relu} overwriting {@code a}'s array; only for a fresh array that nothing else (no
   * other op's backward either) holds. Differentiable: the backward needs only the output, as
   * {@code out > 0} exactly where {@code a > 0}.
   *
   * @param a the input
   * @return the result, in {@code a}'s array
   */
  public static Tensor reluInPlace(Tensor a) {
    INDArray out = Kernels.execDoubles("relu", a.value(), RELU_THRESHOLD, a.value());
    return recordOp(RELU, out, g -> new INDArray[] {Kernels.exec("relu_bp", Kernels.empty(out.dataType(), out.shape()), out, g)}, a);
  }

  /**
   * {@return {@code 1 / (1 + exp(-a))}}
   *
   * @param a the input
   */
  public static Tensor sigmoid(Tensor a) {
    INDArray out = Transforms.sigmoid(a.value(), true);
    return recordOp(SIGMOID, out, g -> new INDArray[] {g.mul(out).muli(out.rsub(1.0))}, a);
  }

  /**
   * {@return the hyperbolic tangent of {@code a}}
   *
   * @param a the input
   */
  public static Tensor tanh(Tensor a) {
    INDArray out = Transforms.tanh(a.value(), true);
    return recordOp(TANH, out, g -> new INDArray[] {g.mul(out.mul(out).rsubi(1.0))}, a);
  }

  /**
   * {@return softmax along {@code axis}; the backward is ND4J's {@code softmax_bp} (which takes the logits)}
   *
   * @param a the input
   * @param axis the axis, negative from the end
   */
  public static Tensor softmax(Tensor a, int axis) {
    INDArray x = a.value();
    long[] ax = {Checks.axis("softmax", x.rank(), axis)};
    INDArray out = Kernels.execInts("softmax", Kernels.empty(x.dataType(), x.shape()), ax, x);
    return recordOp(OpDesc.of("softmax", "axis", ax[0]), out, g -> new INDArray[] {Kernels.execInts("softmax_bp", Kernels.empty(x.dataType(), x.shape()), ax, x, g)}, a);
  }

  /**
   * {@link #softmax} overwriting {@code a}'s array; only for a fresh array that nothing else
   * holds. While a tape records it allocates as {@link #softmax} does (the backward needs the logits).
   *
   * @param a the input
   * @param axis the axis, negative from the end
   * @return the result, in {@code a}'s array
   */
  public static Tensor softmaxInPlace(Tensor a, int axis) {
    if (GradientTape.isRecording()) {
      return softmax(a, axis);
    }
    INDArray x = a.value();
    long ax = Checks.axis("softmax", x.rank(), axis);
    return recordOp(OpDesc.of("softmax", "axis", ax), Kernels.execInts("softmax", x, new long[] {ax}, x), null, a);
  }

  /**
   * {@return {@code log(softmax(a))} along {@code axis}, computed stably}
   *
   * @param a the input
   * @param axis the axis, negative from the end
   */
  public static Tensor logSoftmax(Tensor a, int axis) {
    INDArray x = a.value();
    int ax = axis < 0 ? axis + x.rank() : axis;
    INDArray max = x.max(true, ax);
    INDArray shifted = x.sub(Broadcast.to(max, x.shape()));
    INDArray lse = Transforms.log(Transforms.exp(shifted, true).sum(true, ax), false);
    INDArray out = shifted.subi(Broadcast.to(lse, x.shape()));
    return recordOp(OpDesc.of("log_softmax", "axis", ax), out, g -> {
      INDArray soft = Transforms.exp(out, true);
      INDArray gsum = Broadcast.to(g.sum(true, ax), x.shape());
      return new INDArray[] {g.sub(soft.muli(gsum))};
    }, a);
  }

  // ---- Keras activations (keras.activations / keras.ops.nn), with the formulas of Keras's backends ----

  /** SELU's constants, as Keras writes them. */
  private static final double SELU_ALPHA = 1.6732632423543772848170429916717;
  private static final double SELU_SCALE = 1.0507009873554804934193349852946;

  /**
   * An element-wise op with output {@code out}: the backward multiplies the incoming gradient by
   * {@code derivative(x, out)}, computed only when gradients are taken.
   */
  private static Tensor elementwise(OpDesc op, Tensor a, INDArray out, BinaryOperator<INDArray> derivative) {
    INDArray x = a.value();
    return recordOp(op, out, g -> new INDArray[] {g.mul(derivative.apply(x, out))}, a);
  }

  /** 1 where {@code cond} holds, else 0, in x's dtype. */
  private static INDArray ones(INDArray cond, INDArray like) {
    return cond.castTo(like.dataType());
  }

  /**
   * {@return {@code min(max(x, 0), 6)}}
   *
   * @param a the input
   */
  public static Tensor relu6(Tensor a) {
    INDArray x = a.value();
    return elementwise(OpDesc.of("relu6"), a, Transforms.min(Transforms.max(x, 0.0, true), 6.0, false),
        (v, o) -> ones(v.gt(0.0), v).muli(ones(v.lt(6.0), v)));
  }

  /**
   * {@return {@code x} where {@code x >= 0}, else {@code negativeSlope * x} (Keras's default slope is 0.2)}
   *
   * @param a the input
   * @param negativeSlope the slope below 0
   */
  public static Tensor leakyRelu(Tensor a, double negativeSlope) {
    INDArray x = a.value();
    INDArray slope = ones(x.gte(0.0), x).muli(1.0 - negativeSlope).addi(negativeSlope);
    return elementwise(OpDesc.of("leaky_relu", "negative_slope", negativeSlope), a, x.mul(slope), (v, o) -> slope);
  }

  /**
   * {@return Keras's parameterized {@code relu} (the {@code ReLU} layer): {@code x} above {@code threshold}
   * (else 0), clipped to {@code [0, maxValue]} when maxValue is not null, minus
   * {@code negativeSlope * max(threshold - x, 0)}; a pure leaky ReLU when only the slope is set}
   *
   * @param a the input
   * @param negativeSlope the slope below 0
   * @param maxValue the largest output, or null for none
   * @param threshold the threshold
   */
  public static Tensor relu(Tensor a, double negativeSlope, Double maxValue, double threshold) {
    if (negativeSlope != 0.0 && maxValue == null && threshold == 0.0) {
      return leakyRelu(a, negativeSlope);
    }
    INDArray x = a.value();
    INDArray pass = ones(x.gt(threshold), x);
    INDArray out = x.mul(pass);
    if (maxValue != null) {
      pass.muli(ones(x.gte(0.0), x)).muli(ones(x.lte(maxValue), x));
      out = Transforms.min(Transforms.max(out, 0.0, false), maxValue, false);
    }
    INDArray grad = pass;
    if (negativeSlope != 0.0) {
      INDArray below = ones(x.lt(threshold), x);
      out.subi(x.rsub(threshold).muli(below).muli(negativeSlope));
      grad = pass.add(below.mul(negativeSlope));
    }
    INDArray derivative = grad;
    return elementwise(OpDesc.of("relu_ex", "negative_slope", negativeSlope, "max_value", maxValue, "threshold", threshold),
        a, out, (v, o) -> derivative);
  }

  /**
   * {@return {@code x} where {@code x > 0}, else {@code alpha * (exp(x) - 1)}}
   *
   * @param a the input
   * @param alpha Keras's {@code alpha}
   */
  public static Tensor elu(Tensor a, double alpha) {
    return scaledElu(a, 1.0, alpha);
  }

  /**
   * {@return {@code scale * elu(x, alpha)} with SELU's constants}
   *
   * @param a the input
   */
  public static Tensor selu(Tensor a) {
    return scaledElu(a, SELU_SCALE, SELU_ALPHA);
  }

  private static Tensor scaledElu(Tensor a, double scale, double alpha) {
    INDArray x = a.value();
    INDArray pos = ones(x.gt(0.0), x);
    INDArray neg = pos.rsub(1.0);
    INDArray expm1 = Transforms.exp(Transforms.min(x, 0.0, true), false).subi(1.0);
    INDArray out = x.mul(pos).addi(expm1.mul(neg).muli(alpha)).muli(scale);
    return elementwise(OpDesc.of("elu", "alpha", alpha, "scale", scale), a, out,
        (v, o) -> expm1.add(1.0).muli(alpha).muli(neg).addi(pos).muli(scale));
  }

  /**
   * {@return {@code log(1 + exp(x))}, computed stably as {@code max(x, 0) + log1p(exp(-|x|))}}
   *
   * @param a the input
   */
  public static Tensor softplus(Tensor a) {
    INDArray x = a.value();
    INDArray out = Transforms.log1p(Transforms.exp(Transforms.abs(x, true).negi(), false), false)
        .addi(Transforms.max(x, 0.0, true));
    return elementwise(OpDesc.of("softplus"), a, out, (v, o) -> Transforms.sigmoid(v, true));
  }

  /**
   * {@return {@code x / (1 + |x|)}}
   *
   * @param a the input
   */
  public static Tensor softsign(Tensor a) {
    INDArray x = a.value();
    INDArray denom = Transforms.abs(x, true).addi(1.0);
    return elementwise(OpDesc.of("softsign"), a, x.div(denom), (v, o) -> denom.mul(denom).rdivi(1.0));
  }

  /**
   * {@return {@code x - threshold} above threshold, {@code x + threshold} below -threshold, else 0}
   *
   * @param a the input
   * @param threshold the threshold
   */
  public static Tensor softShrink(Tensor a, double threshold) {
    INDArray x = a.value();
    INDArray above = ones(x.gt(threshold), x);
    INDArray below = ones(x.lt(-threshold), x);
    INDArray out = x.sub(threshold).muli(above).addi(x.add(threshold).muli(below));
    return elementwise(OpDesc.of("soft_shrink", "threshold", threshold), a, out, (v, o) -> above.add(below));
  }

  /**
   * {@return {@code x} where {@code |x| > threshold}, else 0}
   *
   * @param a the input
   * @param threshold the threshold
   */
  public static Tensor hardShrink(Tensor a, double threshold) {
    INDArray x = a.value();
    INDArray keep = ones(Transforms.abs(x, true).gt(threshold), x);
    return elementwise(OpDesc.of("hard_shrink", "threshold", threshold), a, x.mul(keep), (v, o) -> keep);
  }

  /**
   * {@return {@code x - tanh(x)}}
   *
   * @param a the input
   */
  public static Tensor tanhShrink(Tensor a) {
    INDArray x = a.value();
    INDArray t = Transforms.tanh(x, true);
    return elementwise(OpDesc.of("tanh_shrink"), a, x.sub(t), (v, o) -> t.mul(t));
  }

  /**
   * {@return {@code clip(x, -1, 1)}}
   *
   * @param a the input
   */
  public static Tensor hardTanh(Tensor a) {
    INDArray x = a.value();
    return elementwise(OpDesc.of("hard_tanh"), a, Transforms.min(Transforms.max(x, -1.0, true), 1.0, false),
        (v, o) -> ones(v.gt(-1.0), v).muli(ones(v.lt(1.0), v)));
  }

  /**
   * {@return {@code x} where {@code x > threshold}, else {@code defaultValue}}
   *
   * @param a the input
   * @param threshold the threshold
   * @param defaultValue the value below the threshold
   */
  public static Tensor threshold(Tensor a, double threshold, double defaultValue) {
    INDArray x = a.value();
    INDArray keep = ones(x.gt(threshold), x);
    INDArray out = x.mul(keep).addi(keep.rsub(1.0).muli(defaultValue));
    return elementwise(OpDesc.of("threshold", "threshold", threshold, "default_value", defaultValue), a, out,
        (v, o) -> keep);
  }

  /**
   * 0 for {@code x <= -1}, {@code (x + 1)^2 / 4} inside, {@code x} for {@code x >= 1}.
   *
   * @param a the input
   * @return the result
   */
  public static Tensor sparsePlus(Tensor a) {
    INDArray x = a.value();
    INDArray inside = ones(x.gt(-1.0), x).muli(ones(x.lt(1.0), x));
    INDArray high = ones(x.gte(1.0), x);
    INDArray shifted = x.add(1.0);
    INDArray out = shifted.mul(shifted).muli(0.25).muli(inside).addi(x.mul(high));
    return elementwise(OpDesc.of("sparse_plus"), a, out, (v, o) -> shifted.mul(0.5).muli(inside).addi(high));
  }

  /**
   * 0 for {@code x <= -1}, 1 for {@code x >= 1}, {@code (x + 1) / 2} between.
   *
   * @param a the input
   * @return the result
   */
  public static Tensor sparseSigmoid(Tensor a) {
    INDArray x = a.value();
    INDArray inside = ones(x.gt(-1.0), x).muli(ones(x.lt(1.0), x));
    INDArray out = Transforms.min(Transforms.max(x.add(1.0).muli(0.5), 0.0, false), 1.0, false);
    return elementwise(OpDesc.of("sparse_sigmoid"), a, out, (v, o) -> inside.mul(0.5));
  }

  /**
   * {@return {@code x * sigmoid(x)} (Keras's {@code silu}, alias {@code swish})}
   *
   * @param a the input
   */
  public static Tensor silu(Tensor a) {
    INDArray x = a.value();
    INDArray s = Transforms.sigmoid(x, true);
    return elementwise(OpDesc.of("silu"), a, x.mul(s), (v, o) -> s.rsub(1.0).muli(v).addi(1.0).muli(s));
  }

  /**
   * {@return {@code (x + sqrt(x^2 + b)) / 2} (Keras's default b is 4)}
   *
   * @param a the input
   * @param b the constant under the square root
   */
  public static Tensor squareplus(Tensor a, double b) {
    INDArray x = a.value();
    INDArray root = Transforms.sqrt(x.mul(x).addi(b), false);
    return elementwise(OpDesc.of("squareplus", "b", b), a, x.add(root).muli(0.5), (v, o) -> v.div(root).addi(1.0).muli(0.5));
  }

  /**
   * {@return GELU: {@code x * Phi(x)} with the normal CDF through erf, or when {@code approximate} its tanh
   * form {@code 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))}} Keras's activation defaults to
   * the exact form.
   *
   * @param a the input
   * @param approximate whether to use the tanh approximation
   */
  public static Tensor gelu(Tensor a, boolean approximate) {
    INDArray x = a.value();
    if (approximate) {
      double c = Math.sqrt(2.0 / Math.PI);
      INDArray t = Transforms.tanh(x.mul(x).muli(0.044715).addi(1.0).muli(x).muli(c), false);
      INDArray out = t.add(1.0).muli(x).muli(0.5);
      return elementwise(OpDesc.of("gelu", "approximate", true), a, out, (v, o) -> {
        INDArray inner = v.mul(v).muli(3 * 0.044715).addi(1.0).muli(c);
        return t.mul(t).rsubi(1.0).muli(inner).muli(v).muli(0.5).addi(t.add(1.0).muli(0.5));
      });
    }
    INDArray cdf = x.mul(1.0 / Math.sqrt(2.0));
    Nd4j.exec(new Erf(cdf, cdf));
    cdf.addi(1.0).muli(0.5);
    return elementwise(OpDesc.of("gelu", "approximate", false), a, x.mul(cdf), (v, o) -> {
      INDArray pdf = Transforms.exp(v.mul(v).muli(-0.5), false).muli(1.0 / Math.sqrt(2.0 * Math.PI));
      return pdf.muli(v).addi(cdf);
    });
  }

  /**
   * {@return {@code max(x, 0) + alpha * (exp(min(x, 0) / alpha) - 1)}}
   *
   * @param a the input
   * @param alpha Keras's {@code alpha}
   */
  public static Tensor celu(Tensor a, double alpha) {
    INDArray x = a.value();
    INDArray e = Transforms.exp(Transforms.min(x, 0.0, true).divi(alpha), false);
    INDArray out = Transforms.max(x, 0.0, true).addi(e.sub(1.0).muli(alpha));
    return elementwise(OpDesc.of("celu", "alpha", alpha), a, out, (v, o) -> {
      INDArray pos = ones(v.gt(0.0), v);
      return e.mul(pos.rsub(1.0)).addi(pos);
    });
  }

  /**
   * {@return gated linear unit: splits {@code axis} in halves {@code a, b} and returns
   * {@code a * sigmoid(b)}}
   *
   * @param a the input
   * @param axis the axis, negative from the end
   */
  public static Tensor glu(Tensor a, int axis) {
    int ax = axis < 0 ? axis + a.rank() : axis;
    long n = a.shape().get(ax);
    if (n % 2 != 0) {
      throw new IllegalArgumentException("glu needs an even size along axis " + axis + ", got shape " + a.shape());
    }
    return MathOps.mul(ArrayOps.slice(a, ax, 0, n / 2), sigmoid(ArrayOps.slice(a, ax, n / 2, n)));
  }

  /**
   * {@return {@code relu6(x + 3) / 6}, i.e. {@code clip(x / 6 + 0.5, 0, 1)} (Keras 3's definition)}
   *
   * @param a the input
   */
  public static Tensor hardSigmoid(Tensor a) {
    INDArray x = a.value();
    INDArray out = Transforms.min(Transforms.max(x.div(6.0).addi(0.5), 0.0, false), 1.0, false);
    return elementwise(OpDesc.of("hard_sigmoid"), a, out, (v, o) -> ones(v.gt(-3.0), v).muli(ones(v.lt(3.0), v)).muli(1.0 / 6.0));
  }

  /**
   * {@return {@code x * hard_sigmoid(x)} (Keras's {@code hard_silu}, alias {@code hard_swish})}
   *
   * @param a the input
   */
  public static Tensor hardSilu(Tensor a) {
    INDArray x = a.value();
    INDArray hs = Transforms.min(Transforms.max(x.div(6.0).addi(0.5), 0.0, false), 1.0, false);
    return elementwise(OpDesc.of("hard_silu"), a, x.mul(hs), (v, o) -> {
      INDArray inside = ones(v.gt(-3.0), v).muli(ones(v.lt(3.0), v));
      return inside.muli(v).muli(1.0 / 6.0).addi(hs);
    });
  }

  /**
   * {@return {@code x * tanh(softplus(x))}}
   *
   * @param a the input
   */
  public static Tensor mish(Tensor a) {
    INDArray x = a.value();
    INDArray sp = Transforms.log1p(Transforms.exp(Transforms.abs(x, true).negi(), false), false)
        .addi(Transforms.max(x, 0.0, true));
    INDArray t = Transforms.tanh(sp, false);
    return elementwise(OpDesc.of("mish"), a, x.mul(t), (v, o) ->
        t.mul(t).rsubi(1.0).muli(Transforms.sigmoid(v, true)).muli(v).addi(t));
  }

  /**
   * {@return {@code -softplus(-x)}, i.e. {@code log(sigmoid(x))}}
   *
   * @param a the input
   */
  public static Tensor logSigmoid(Tensor a) {
    INDArray x = a.value();
    INDArray out = Transforms.log1p(Transforms.exp(Transforms.abs(x, true).negi(), false), false)
        .addi(Transforms.max(x.neg(), 0.0, false)).negi();
    return elementwise(OpDesc.of("log_sigmoid"), a, out, (v, o) -> Transforms.sigmoid(v.neg(), false));
  }

  /**
   * {@return sparsemax along {@code axis}: the Euclidean projection onto the probability simplex,
   * {@code max(x - tau, 0)}} Its gradient on the support S is {@code g - mean_S(g)}, 0 elsewhere.
   *
   * @param a the input
   * @param axis the axis, negative from the end
   */
  public static Tensor sparsemax(Tensor a, int axis) {
    INDArray x = a.value();
    int rank = x.rank();
    int ax = axis < 0 ? axis + rank : axis;
    INDArray moved = (ax == rank - 1 ? x : x.swapAxes(ax, rank - 1)).dup('c');
    long n = moved.size(rank - 1);
    double[] v = moved.data().asDouble();
    double[] out = new double[v.length];
    double[] sorted = new double[(int) n];
    for (int start = 0; start < v.length; start += (int) n) {
      System.arraycopy(v, start, sorted, 0, (int) n);
      Arrays.sort(sorted);
      double cumsum = 0;
      double supportSum = 0;
      int k = 0;
      for (int r = 1; r <= n; r++) {
        double z = sorted[(int) n - r]; // r-th largest
        cumsum += z;
        if (z - (cumsum - 1) / r > 0) {
          k = r;
          supportSum = cumsum;
        }
      }
      double tau = (supportSum - 1) / k;
      for (int i = 0; i < n; i++) {
        out[start + i] = Math.max(v[start + i] - tau, 0.0);
      }
    }
    INDArray result = Nd4j.createFromArray(out).castTo(x.dataType()).reshape(moved.shape());
    INDArray y = ax == rank - 1 ? result : result.swapAxes(ax, rank - 1).dup('c');
    return recordOp(OpDesc.of("sparsemax", "axis", ax), y, g -> {
      INDArray support = ones(y.gt(0.0), y);
      INDArray gs = g.mul(support);
      INDArray mean = gs.sum(true, ax).divi(support.sum(true, ax));
      return new INDArray[] {gs.subi(Broadcast.to(mean, y.shape()).mul(support))};
    }, a);
  }
}
