package org.jeras.layers.ops;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import org.jeras.core.config.BuiltinProvider;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.Registry;
import org.jeras.core.layer.Layer;
import org.jeras.core.ops.ArrayOps;
import org.jeras.core.ops.LinalgOps;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.NnOps;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The {@code keras.ops} calls a functional model may record as nodes, each a {@link KerasOp} with
 * its kernel: arithmetic operators, activations, reductions, shape ops, indexing and casts, and the
 * ops Keras records for masks computed from symbolic tensors (Masking's {@code not_equal} and
 * {@code any}; the {@code logical_or}, {@code expand_dims}, {@code zeros_like}/{@code ones_like}
 * and {@code concatenate} by which merging layers combine masks; {@code convert_to_tensor} for an
 * attention layer's output mask).
 */
public final class KerasOpsBuiltins implements BuiltinProvider {
  private static final String NUMPY = "keras.src.ops.numpy";
  private static final String NN = "keras.src.ops.nn";
  private static final String CORE = "keras.src.ops.core";

  private Registry.Builtins b;

  @Override
  public void register(Registry.Builtins builtins) {
    b = builtins;
    binary("Add", MathOps::add);
    binary("Subtract", MathOps::sub);
    binary("Multiply", MathOps::mul);
    binary("TrueDivide", MathOps::div);
    binary("Divide", MathOps::div);
    binary("Maximum", MathOps::maximum);
    binary("Minimum", MathOps::minimum);
    binary("Matmul", LinalgOps::matmul);
    op(NUMPY, "Power", (args, p) -> MathOps.pow(tensor(args, 0), exponent(args.get(1))));
    unary(NUMPY, "Negative", MathOps::neg);
    unary(NUMPY, "Absolute", MathOps::abs);
    unary(NUMPY, "Square", MathOps::square);
    unary(NUMPY, "Sqrt", MathOps::sqrt);
    unary(NUMPY, "Exp", MathOps::exp);
    unary(NUMPY, "Log", MathOps::log);
    unary(NUMPY, "Tanh", NnOps::tanh);
    unary(NN, "Relu", NnOps::relu);
    unary(NN, "Sigmoid", NnOps::sigmoid);
    unary(NN, "Silu", NnOps::silu);
    op(NN, "Gelu", (args, p) -> NnOps.gelu(tensor(args, 0), p.getBoolean("approximate", true)));
    op(NN, "Softmax", (args, p) -> NnOps.softmax(tensor(args, 0), p.getInt("axis", -1)));
    op(NUMPY, "Clip", (args, p) -> MathOps.clip(tensor(args, 0), p.getDouble("x_min", Double.NEGATIVE_INFINITY),
        p.getDouble("x_max", Double.POSITIVE_INFINITY)));
    op(NUMPY, "Mean", (args, p) -> ReduceOps.mean(tensor(args, 0), keepdims(p), axes(p, tensor(args, 0))));
    op(NUMPY, "Sum", (args, p) -> ReduceOps.sum(tensor(args, 0), keepdims(p), axes(p, tensor(args, 0))));
    op(NUMPY, "Max", (args, p) -> ReduceOps.max(tensor(args, 0), keepdims(p), axes(noInitial(p), tensor(args, 0))));
    op(NUMPY, "Min", (args, p) -> ReduceOps.min(tensor(args, 0), keepdims(p), axes(noInitial(p), tensor(args, 0))));
    op(NUMPY, "Reshape", (args, p) -> reshape(tensor(args, 0), p.getInts("newshape")));
    op(NUMPY, "Transpose", (args, p) -> transpose(tensor(args, 0), p));
    op(NUMPY, "Squeeze", (args, p) -> squeeze(tensor(args, 0), p.getIntOrNull("axis")));
    op(NUMPY, "Stack", (args, p) -> ArrayOps.stack(tensors(args.get(0)), p.getInt("axis", 0)));
    op(NUMPY, "GetItem", (args, p) -> GetItem.apply(tensor(args, 0), args.get(1)));
    op(NUMPY, "ExpandDims", (args, p) -> ArrayOps.expandDims(tensor(args, 0), p.getInt("axis")));
    op(NUMPY, "Concatenate", (args, p) -> ArrayOps.concat(tensors(args.get(0)), p.getInt("axis", 0)));
    op(CORE, "Cast", (args, p) -> MathOps.cast(tensor(args, 0), DType.of(p.getString("dtype"))));
    b.add(Layer.class, CORE, "ConvertToTensor",
        KerasOp.factory(CORE, "ConvertToTensor", KerasOpsBuiltins::convertToTensor, KerasOpsBuiltins::denseOnly));
    // Comparisons and constants: booleans or fills, with no gradient.
    op(NUMPY, "NotEqual", (args, p) -> notEqual(tensor(args, 0), args.get(1)));
    op(NUMPY, "Any", (args, p) -> any(tensor(args, 0), p.getIntOrNull("axis"), keepdims(p)));
    op(NUMPY, "LogicalOr", (args, p) -> logicalOr(tensor(args, 0), tensor(args, 1)));
    op(NUMPY, "ZerosLike", (args, p) -> filledLike(tensor(args, 0), p, 0.0));
    op(NUMPY, "OnesLike", (args, p) -> filledLike(tensor(args, 0), p, 1.0));
  }

  private void op(String module, String name, KerasOp.Kernel kernel) {
    b.add(Layer.class, module, name, KerasOp.factory(module, name, kernel, params -> {}));
  }

  private void unary(String module, String name, UnaryOperator<Tensor> f) {
    op(module, name, (args, p) -> f.apply(tensor(args, 0)));
  }

  /** Two operands, either of which may be a Python number: it takes the other operand's dtype, as Keras's weak types do. */
  private void binary(String name, BinaryOperator<Tensor> f) {
    op(NUMPY, name, (args, p) -> {
      Object x = args.get(0);
      Object y = args.get(1);
      Tensor tx = x instanceof Tensor t ? t : scalar((Number) x, (Tensor) y);
      Tensor ty = y instanceof Tensor t ? t : scalar((Number) y, tx);
      return f.apply(tx, ty);
    });
  }

  private static Tensor scalar(Number value, Tensor like) {
    return Tensor.of(Nd4j.scalar(like.dtype().nd4j(), value.doubleValue()));
  }

  private static Tensor tensor(List<Object> args, int i) {
    if (!(args.get(i) instanceof Tensor t)) {
      throw new ConfigException("argument " + i + " must be a tensor, got " + args.get(i));
    }
    return t;
  }

  private static List<Tensor> tensors(Object list) {
    List<Tensor> out = new ArrayList<>();
    for (Object o : (List<?>) list) {
      out.add((Tensor) o);
    }
    return out;
  }

  private static double exponent(Object e) {
    if (e instanceof Number n) {
      return n.doubleValue();
    }
    throw new ConfigException("Power: only a number exponent is supported, got " + e);
  }

  private static boolean keepdims(Config p) {
    return p.getBoolean("keepdims", false);
  }

  private static Config noInitial(Config p) {
    if (p.isSet("initial")) {
      throw new ConfigException("config key 'initial' of a max/min op is not supported");
    }
    return p;
  }

  /** The reduced axes: the config's {@code axis} (a number, a list, or null for all). */
  private static int[] axes(Config p, Tensor x) {
    if (!p.isSet("axis")) {
      int[] all = new int[x.rank()];
      for (int i = 0; i < all.length; i++) {
        all[i] = i;
      }
      return all;
    }
    JsonElement a = p.get("axis");
    return a.isJsonArray() ? p.getInts("axis") : new int[] {a.getAsInt()};
  }

  /** Keras's newshape includes the batch axis; one entry may be -1. */
  private static Tensor reshape(Tensor x, int[] newshape) {
    long[] shape = new long[newshape.length];
    long known = 1;
    int free = -1;
    for (int i = 0; i < shape.length; i++) {
      shape[i] = newshape[i];
      if (newshape[i] == -1) {
        free = i;
      } else {
        known *= newshape[i];
      }
    }
    if (free >= 0) {
      shape[free] = x.value().length() / known;
    }
    return ArrayOps.reshape(x, shape);
  }

  private static Tensor transpose(Tensor x, Config p) {
    if (p.isSet("axes")) {
      return ArrayOps.transpose(x, p.getInts("axes"));
    }
    int[] reversed = new int[x.rank()];
    for (int i = 0; i < reversed.length; i++) {
      reversed[i] = reversed.length - 1 - i;
    }
    return ArrayOps.transpose(x, reversed);
  }

  private static Tensor squeeze(Tensor x, Integer axis) {
    if (axis != null) {
      return ArrayOps.squeeze(x, axis);
    }
    Tensor out = x;
    for (int i = x.rank() - 1; i >= 0; i--) {
      if (x.value().size(i) == 1) {
        out = ArrayOps.squeeze(out, i);
      }
    }
    return out;
  }

  /** Jeras has no sparse or ragged tensors. */
  private static void denseOnly(Config p) {
    for (String key : new String[] {"sparse", "ragged"}) {
      if (p.isSet(key) && p.getBoolean(key)) {
        throw new ConfigException("ConvertToTensor: config key '" + key + "' true is not supported (no " + key
            + " tensors in Jeras)");
      }
    }
  }

  /** The input in {@code dtype} when one is given. */
  private static Tensor convertToTensor(List<Object> args, Config p) {
    Tensor x = tensor(args, 0);
    DType dtype = p.isSet("dtype") ? DType.of(p.getString("dtype")) : null;
    // The same values and gradient path; the node sets the output's own mask.
    return dtype == null || x.dtype() == dtype ? x.withMask(null) : MathOps.cast(x, dtype);
  }

  private static Tensor notEqual(Tensor x, Object y) {
    if (y instanceof Tensor t) {
      return Tensor.of(x.value().neq(t.value().castTo(x.value().dataType())));
    }
    if (y instanceof Number n) {
      return MathOps.notEqual(x, n.doubleValue());
    }
    throw new ConfigException("NotEqual: the second argument must be a tensor or a number, got " + y);
  }

  /** Whether any element along {@code axis} (all when null) is non-zero. */
  private static Tensor any(Tensor x, Integer axis, boolean keepdims) {
    return axis == null ? ReduceOps.any(x, keepdims) : ReduceOps.any(x, keepdims, axis);
  }

  private static Tensor logicalOr(Tensor x, Tensor y) {
    return MathOps.logicalOr(x, y);
  }

  /** x's shape filled with {@code value}, in the config's {@code dtype} (x's when null). */
  private static Tensor filledLike(Tensor x, Config p, double value) {
    DType dtype = p.isSet("dtype") ? DType.of(p.getString("dtype")) : x.dtype();
    return MathOps.cast(MathOps.fullLike(x, value), dtype);
  }

  /** {@code x[key]} for keys of integers and unit-step slices, as {@code GetItem} records them. */
  private static final class GetItem {
    private GetItem() {}

    static Tensor apply(Tensor x, Object key) {
      List<?> entries = key instanceof List<?> l ? l : List.of(key);
      Tensor out = x;
      int axis = 0;
      for (Object e : entries) {
        long size = out.value().size(axis);
        if (e instanceof Number n) {
          long i = n.longValue();
          out = ArrayOps.take(out, axis, i < 0 ? i + size : i);
        } else if (e instanceof JsonObject o && "__slice__".equals(Config.of(o).getString("class_name", null))) {
          Config s = Config.of(o.getAsJsonObject("config"));
          Integer step = s.getIntOrNull("step");
          if (step != null && step != 1) {
            throw new ConfigException("GetItem: slices with step " + step + " are not supported");
          }
          long start = bound(s.getIntOrNull("start"), 0, size);
          long stop = Math.max(start, bound(s.getIntOrNull("stop"), size, size));
          out = ArrayOps.slice(out, axis, start, stop);
          axis++;
        } else {
          throw new ConfigException("GetItem: index " + e + " is not supported (integers and slices are)");
        }
      }
      return out;
    }

    /** A Python slice bound: negative counts from the end; clamped to {@code [0, size]}. */
    private static long bound(Integer v, long absent, long size) {
      if (v == null) {
        return absent;
      }
      long b = v < 0 ? v + size : v;
      return Math.max(0, Math.min(size, b));
    }
  }
}
