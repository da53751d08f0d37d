package org.jeras.core.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.testing.GradCheck;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** einsum against a naive loop over every index combination, and its gradients. */
class EinsumOpsTest {
  /** Equation, shape of a, shape of b: the projections Keras's EinsumDense and MultiHeadAttention use, and more. */
  private static final List<Object[]> CASES = List.of(
      new Object[] {"ab,bc->ac", new long[] {3, 4}, new long[] {4, 5}},
      new Object[] {"abc,cd->abd", new long[] {2, 3, 4}, new long[] {4, 5}},
      new Object[] {"abc,cde->abde", new long[] {2, 3, 4}, new long[] {4, 2, 3}},
      new Object[] {"abcd,cde->abe", new long[] {2, 3, 2, 4}, new long[] {2, 4, 5}},
      new Object[] {"aecd,abcd->acbe", new long[] {2, 5, 3, 4}, new long[] {2, 6, 3, 4}},
      new Object[] {"acbe,aecd->abcd", new long[] {2, 3, 6, 5}, new long[] {2, 5, 3, 4}},
      new Object[] {"abfde,abcde->abdcf", new long[] {2, 3, 4, 2, 3}, new long[] {2, 3, 5, 2, 3}},
      new Object[] {"...x,xy->...y", new long[] {2, 3, 4}, new long[] {4, 5}},
      new Object[] {"...b,bc->...c", new long[] {4}, new long[] {4, 2}},
      new Object[] {"ab...,bc->ac...", new long[] {2, 3, 4}, new long[] {3, 5}},
      new Object[] {"ab,cd->abcd", new long[] {2, 3}, new long[] {4, 2}},
      new Object[] {"abc,bd->ad", new long[] {2, 3, 4}, new long[] {3, 5}},
      new Object[] {"ij,ij->i", new long[] {3, 4}, new long[] {3, 4}},
      new Object[] {"ij,jk", new long[] {3, 4}, new long[] {4, 2}},
      new Object[] {"bij,bjk->bki", new long[] {2, 3, 4}, new long[] {1, 4, 2}},
      new Object[] {"abc,c->ba", new long[] {2, 3, 4}, new long[] {4}});

  private static INDArray rand(long seed, long... shape) {
    Nd4j.getRandom().setSeed(seed);
    return Nd4j.rand(DataType.DOUBLE, shape).subi(0.5);
  }

  @Test
  void matchesNaiveLoops() {
    int seed = 0;
    for (Object[] c : CASES) {
      String eq = (String) c[0];
      INDArray a = rand(++seed, (long[]) c[1]);
      INDArray b = rand(++seed, (long[]) c[2]);
      INDArray got = EinsumOps.einsum(eq, Tensor.of(a), Tensor.of(b)).value();
      INDArray want = naive(eq, a, b);
      assertArrayEquals(want.shape(), got.shape(), eq);
      double err = got.sub(want).amaxNumber().doubleValue();
      assertTrue(err < 1e-12, eq + ": max error " + err);
    }
  }

  @Test
  void gradients() {
    int seed = 100;
    for (Object[] c : CASES) {
      String eq = (String) c[0];
      GradCheck.check(t -> EinsumOps.einsum(eq, t.get(0), t.get(1)), rand(++seed, (long[]) c[1]),
          rand(++seed, (long[]) c[2]));
    }
  }

  @Test
  void badEquationsAreRejected() {
    Tensor a = Tensor.of(rand(1, 2, 3));
    Tensor b = Tensor.of(rand(2, 3, 4));
    assertThrows(IllegalArgumentException.class, () -> EinsumOps.einsum("abc,cd->ad", a, b));
    assertThrows(IllegalArgumentException.class, () -> EinsumOps.einsum("ab,bc->az", a, b));
    assertThrows(IllegalArgumentException.class, () -> EinsumOps.einsum("aa,ab->b", Tensor.of(rand(3, 2, 2)), b));
    assertThrows(IllegalArgumentException.class, () -> EinsumOps.einsum("ab,cd->abcd->", a, b));
    assertThrows(IllegalArgumentException.class, () -> EinsumOps.einsum("ab,ac->bc", a, Tensor.of(rand(4, 3, 4))));
  }

  /** numpy's einsum by definition: sum over every assignment of the labels. */
  private static INDArray naive(String equation, INDArray a, INDArray b) {
    String[] io = equation.split("->");
    String[] ops = io[0].split(",");
    int ea = a.rank() - ops[0].replace("...", "").length();
    int eb = b.rank() - ops[1].replace("...", "").length();
    int e = Math.max(ea, eb);
    String la = expand(ops[0], ea, e);
    String lb = expand(ops[1], eb, e);
    String out;
    if (io.length > 1) {
      out = expand(io[1], e, e);
    } else {
      StringBuilder s = new StringBuilder();
      (la + lb).chars().filter(ch -> (la + lb).indexOf(ch) == (la + lb).lastIndexOf(ch)).sorted()
          .forEach(ch -> s.append((char) ch));
      out = s.toString();
    }
    Map<Character, Long> size = new HashMap<>();
    for (int i = 0; i < la.length(); i++) {
      size.merge(la.charAt(i), a.size(i), Math::max);
    }
    for (int i = 0; i < lb.length(); i++) {
      size.merge(lb.charAt(i), b.size(i), Math::max);
    }
    Set<Character> labels = new LinkedHashSet<>(size.keySet());
    Character[] all = labels.toArray(new Character[0]);
    long[] outShape = new long[out.length()];
    for (int i = 0; i < outShape.length; i++) {
      outShape[i] = size.get(out.charAt(i));
    }
    INDArray result = Nd4j.zeros(DataType.DOUBLE, outShape);
    long[] idx = new long[all.length];
    long total = 1;
    for (Character c : all) {
      total *= size.get(c);
    }
    for (long n = 0; n < total; n++) {
      long rest = n;
      Map<Character, Long> at = new HashMap<>();
      for (int i = all.length - 1; i >= 0; i--) {
        long s = size.get(all[i]);
        idx[i] = rest % s;
        rest /= s;
        at.put(all[i], idx[i]);
      }
      double v = a.getDouble(index(la, at, a)) * b.getDouble(index(lb, at, b));
      long[] o = index(out, at, result);
      result.putScalar(o, result.getDouble(o) + v);
    }
    return result;
  }

  /** The position of {@code at} in an array labelled {@code labels}; size-1 axes broadcast. */
  private static long[] index(String labels, Map<Character, Long> at, INDArray arr) {
    long[] out = new long[labels.length()];
    for (int i = 0; i < out.length; i++) {
      out[i] = arr.size(i) == 1 ? 0 : at.get(labels.charAt(i));
    }
    return out;
  }

  private static String expand(String spec, int count, int total) {
    int dots = spec.indexOf("...");
    if (dots < 0) {
      return spec;
    }
    StringBuilder s = new StringBuilder();
    for (int i = total - count; i < total; i++) {
      s.append((char) ('A' + i));
    }
    return spec.substring(0, dots) + s + spec.substring(dots + 3);
  }
}
