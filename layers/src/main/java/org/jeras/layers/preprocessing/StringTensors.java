package org.jeras.layers.preprocessing;

import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jeras.core.layer.CallArgs;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.StringArrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** String ({@link DType#STRING}, ND4J UTF8) tensors to and from Java strings in row-major order. */
public final class StringTensors {
  private StringTensors() {}

  /**
   * {@return a string tensor of {@code shape} holding {@code values} in row-major order}
   *
   * @param shape the shape
   * @param values the values
   */
  public static INDArray of(long[] shape, String... values) {
    return StringArrays.of(shape, values);
  }

  /**
   * {@return a rank-1 string tensor}
   *
   * @param values the values
   */
  public static INDArray of(String... values) {
    return of(new long[] {values.length}, values);
  }

  /**
   * {@return the strings of a UTF8 tensor in row-major order; numbers are refused}
   *
   * @param a the input
   */
  public static String[] values(INDArray a) {
    return StringArrays.values(a);
  }

  /**
   * The symbolic output of a layer taking one string (or integer) tensor, found by running
   * {@code call} on placeholder values with unknown dims set to 2 and then 3 (dims that differ are
   * unknown), as {@code Layer.computeOutputSpec} does for numeric inputs.
   */
  static List<Tensor> outputSpec(CallArgs args, UnaryOperator<Tensor> call) {
    Tensor in = args.tensor(0);
    long[][] outs = new long[2][];
    DType dtype = null;
    for (int k = 0; k < 2; k++) {
      long[] d = in.shape().dims();
      for (int i = 0; i < d.length; i++) {
        if (d[i] == Shape.UNKNOWN) {
          d[i] = 2 + k;
        }
      }
      INDArray dummy;
      if (in.dtype() == DType.STRING) {
        long n = 1;
        for (long x : d) {
          n *= x;
        }
        String[] empty = new String[Math.toIntExact(n)];
        Arrays.fill(empty, "");
        dummy = of(d, empty);
      } else {
        dummy = Nd4j.zeros(in.dtype().nd4j(), d);
      }
      Tensor out = call.apply(Tensor.of(dummy));
      outs[k] = out.value().shape();
      dtype = out.dtype();
    }
    long[] shape = outs[0].clone();
    for (int i = 0; i < shape.length; i++) {
      if (i >= outs[1].length || outs[0][i] != outs[1][i]) {
        shape[i] = Shape.UNKNOWN;
      }
    }
    return List.of(Tensor.symbolic(Shape.of(shape), dtype, null));
  }
}
