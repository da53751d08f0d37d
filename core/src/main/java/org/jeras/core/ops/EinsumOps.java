package org.jeras.core.ops;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jeras.core.tensor.Tensor;

/**
 * Two-operand {@code einsum} (numpy's notation, {@code "abc,cd->abd"}, with {@code ...} for
 * broadcast leading or trailing axes), computed as one batched matrix product: each operand is
 * transposed to {@code (batch, free, contracted)} order and flattened to three axes. It is built
 * from differentiable ops, so gradients flow to both operands.
 */
public final class EinsumOps {
  /** Labels standing for the axes an ellipsis covers; outside the letters an equation may use. */
  private static final char ELLIPSIS_BASE = '\u0100';

  private EinsumOps() {}

  /**
   * {@return {@code einsum(equation, a, b)}; without {@code ->} the output is numpy's implicit one}
   *
   * @param equation the einsum equation
   * @param a the first operand
   * @param b the second operand
   */
  public static Tensor einsum(String equation, Tensor a, Tensor b) {
    String eq = equation.replace(" ", "");
    int arrow = eq.indexOf("->");
    String inputs = arrow < 0 ? eq : eq.substring(0, arrow);
    String[] specs = inputs.split(",", -1);
    if (specs.length != 2) {
      throw new IllegalArgumentException("einsum '" + equation + "' must have exactly two operands");
    }
    int ellipsisA = ellipsisRank(specs[0], a.rank(), equation);
    int ellipsisB = ellipsisRank(specs[1], b.rank(), equation);
    int ellipsis = Math.max(ellipsisA, ellipsisB);
    String la = expand(specs[0], ellipsisA, ellipsis);
    String lb = expand(specs[1], ellipsisB, ellipsis);
    String out = arrow < 0 ? implicitOutput(la, lb, ellipsis) : expand(eq.substring(arrow + 2), ellipsis, ellipsis);
    checkLabels(la, a, equation);
    checkLabels(lb, b, equation);
    for (char c : out.toCharArray()) {
      if (la.indexOf(c) < 0 && lb.indexOf(c) < 0) {
        throw new IllegalArgumentException("einsum '" + equation + "': output label '" + c + "' is in no operand");
      }
    }

    Operand x = new Operand(a, la);
    Operand y = new Operand(b, lb);
    // A size-1 axis facing a larger one broadcasts: drop it, leaving the label to the other operand.
    for (char c : la.toCharArray()) {
      long sa = x.size(c);
      long sb = y.size(c);
      if (sb >= 0 && sa != sb) {
        if (sa == 1) {
          x = x.sumOut(c);
        } else if (sb == 1) {
          y = y.sumOut(c);
        } else {
          throw new OpShapeException("einsum '" + equation + "': label '" + c + "' has sizes " + sa + " and " + sb);
        }
      }
    }
    // Labels in one operand only and not in the output are summed away first.
    x = x.sumUnshared(y.labels, out);
    y = y.sumUnshared(x.labels, out);
    la = x.labels;
    lb = y.labels;

    StringBuilder batch = new StringBuilder();
    StringBuilder freeA = new StringBuilder();
    StringBuilder freeB = new StringBuilder();
    for (char c : out.toCharArray()) {
      boolean inA = la.indexOf(c) >= 0;
      boolean inB = lb.indexOf(c) >= 0;
      (inA && inB ? batch : inA ? freeA : freeB).append(c);
    }
    StringBuilder contracted = new StringBuilder();
    for (char c : la.toCharArray()) {
      if (lb.indexOf(c) >= 0 && out.indexOf(c) < 0) {
        contracted.append(c);
      }
    }
    String bt = batch.toString();
    String fa = freeA.toString();
    String fb = freeB.toString();
    String ct = contracted.toString();

    long[] batchDims = x.sizes(bt);
    long batchSize = product(batchDims);
    long m = product(x.sizes(fa));
    long k = product(x.sizes(ct));
    long n = product(y.sizes(fb));
    Tensor x3 = ArrayOps.reshape(permute(x.t, la, bt + fa + ct), batchSize, m, k);
    Tensor y3 = ArrayOps.reshape(permute(y.t, lb, bt + ct + fb), batchSize, k, n);
    Tensor product = bt.isEmpty()
        ? LinalgOps.matmul(ArrayOps.reshape(x3, m, k), ArrayOps.reshape(y3, k, n))
        : LinalgOps.matmul(x3, y3);
    String produced = bt + fa + fb;
    long[] producedDims = concat(batchDims, x.sizes(fa), y.sizes(fb));
    return permute(reshapeIfNeeded(product, producedDims), produced, out);
  }

  /** An operand with one label per axis. */
  private record Operand(Tensor t, String labels) {
    /** The size of the axis labelled {@code c}, or -1 when this operand lacks it. */
    long size(char c) {
      int i = labels.indexOf(c);
      return i < 0 ? -1 : t.shape().get(i);
    }

    long[] sizes(String which) {
      long[] out = new long[which.length()];
      for (int i = 0; i < out.length; i++) {
        out[i] = size(which.charAt(i));
      }
      return out;
    }

    Operand sumOut(char c) {
      return new Operand(ReduceOps.sum(t, false, labels.indexOf(c)), labels.replace(String.valueOf(c), ""));
    }

    /** This operand with the labels absent from {@code other} and {@code out} summed away. */
    Operand sumUnshared(String other, String out) {
      List<Integer> axes = new ArrayList<>();
      StringBuilder kept = new StringBuilder();
      for (int i = 0; i < labels.length(); i++) {
        char c = labels.charAt(i);
        if (other.indexOf(c) < 0 && out.indexOf(c) < 0) {
          axes.add(i);
        } else {
          kept.append(c);
        }
      }
      if (axes.isEmpty()) {
        return this;
      }
      return new Operand(ReduceOps.sum(t, false, axes.stream().mapToInt(Integer::intValue).toArray()), kept.toString());
    }
  }

  private static int ellipsisRank(String spec, int rank, String equation) {
    int dots = spec.indexOf("...");
    int letters = spec.replace("...", "").length();
    if (dots < 0) {
      if (letters != rank) {
        throw new OpShapeException("einsum '" + equation + "': operand '" + spec + "' has " + letters
            + " labels but rank " + rank);
      }
      return 0;
    }
    if (letters > rank) {
      throw new OpShapeException("einsum '" + equation + "': operand '" + spec + "' needs rank >= " + letters);
    }
    return rank - letters;
  }

  /** The spec with its ellipsis replaced by labels for its {@code count} axes, right-aligned to {@code total}. */
  private static String expand(String spec, int count, int total) {
    int dots = spec.indexOf("...");
    if (dots < 0) {
      return spec;
    }
    StringBuilder s = new StringBuilder();
    for (int i = total - count; i < total; i++) {
      s.append((char) (ELLIPSIS_BASE + i));
    }
    return spec.substring(0, dots) + s + spec.substring(dots + 3);
  }

  private static String implicitOutput(String la, String lb, int ellipsis) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < ellipsis; i++) {
      s.append((char) (ELLIPSIS_BASE + i));
    }
    String both = la + lb;
    both.chars().filter(c -> c < ELLIPSIS_BASE && both.indexOf(c) == both.lastIndexOf(c)).sorted()
        .forEach(c -> s.append((char) c));
    return s.toString();
  }

  private static void checkLabels(String labels, Tensor t, String equation) {
    for (int i = 0; i < labels.length(); i++) {
      if (labels.indexOf(labels.charAt(i)) != i) {
        throw new IllegalArgumentException("einsum '" + equation + "': repeated label '" + labels.charAt(i)
            + "' within one operand (diagonals) is not supported");
      }
    }
    if (labels.length() != t.rank()) {
      throw new OpShapeException("einsum '" + equation + "': labels '" + labels + "' for rank " + t.rank());
    }
  }

  private static long product(long[] dims) {
    long p = 1;
    for (long d : dims) {
      p *= d;
    }
    return p;
  }

  private static long[] concat(long[]... parts) {
    long[] out = new long[Arrays.stream(parts).mapToInt(p -> p.length).sum()];
    int i = 0;
    for (long[] p : parts) {
      System.arraycopy(p, 0, out, i, p.length);
      i += p.length;
    }
    return out;
  }

  /** {@code t} (axes labelled {@code from}) with its axes reordered to {@code to}; no copy when already so. */
  private static Tensor permute(Tensor t, String from, String to) {
    if (from.equals(to)) {
      return t;
    }
    int[] perm = new int[to.length()];
    for (int i = 0; i < perm.length; i++) {
      perm[i] = from.indexOf(to.charAt(i));
    }
    return ArrayOps.transpose(t, perm);
  }

  private static Tensor reshapeIfNeeded(Tensor t, long[] dims) {
    return Arrays.equals(t.shape().dims(), dims) ? t : ArrayOps.reshape(t, dims);
  }
}
