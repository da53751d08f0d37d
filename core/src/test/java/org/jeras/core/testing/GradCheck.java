package org.jeras.core.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.GradientTape;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Finite-difference gradient checks in float64: the tape's gradient of {@code sum(f(x) * r)} (r a
 * fixed random projection, so every output element matters) against central differences.
 */
public final class GradCheck {
  private static final double EPS = 1e-6;
  private static final double ATOL = 1e-7;
  private static final double RTOL = 1e-5;

  private GradCheck() {}

  /** The text of every test source under {@code root} that runs a gradient check, for the coverage tests. */
  public static String sourcesWithChecks(Path root) throws IOException {
    StringBuilder out = new StringBuilder();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        String text = Files.readString(p);
        if (text.contains("GradCheck.check")) {
          out.append(text);
        }
      }
    }
    return out.toString();
  }

  /** Checks gradients of {@code f} with respect to each of {@code inputs} (cast to float64). */
  public static void check(Function<List<Tensor>, Tensor> f, INDArray... inputs) {
    List<INDArray> xs = new ArrayList<>();
    for (INDArray x : inputs) {
      xs.add(x.castTo(DataType.DOUBLE).dup());
    }
    INDArray r = projection(f.apply(tensors(xs)).value());
    List<INDArray> analytic;
    try (GradientTape tape = GradientTape.record()) {
      List<Tensor> watched = new ArrayList<>();
      for (INDArray x : xs) {
        watched.add(tape.watch(Tensor.of(x)));
      }
      Tensor loss = project(f.apply(watched), r);
      analytic = tape.gradientOfTensors(loss, watched);
    }
    for (int k = 0; k < xs.size(); k++) {
      INDArray x = xs.get(k);
      final int which = k;
      compare("input " + k, analytic.get(k), x, () -> project(f.apply(tensors(xs)), r).value().getDouble(0));
    }
  }

  /** Checks gradients of {@code f} with respect to {@code variables} (which must hold float64). */
  public static void checkVariables(Supplier<Tensor> f, List<Variable> variables) {
    INDArray r = projection(f.get().value());
    List<INDArray> analytic;
    try (GradientTape tape = GradientTape.record()) {
      Tensor loss = project(f.get(), r);
      analytic = tape.gradient(loss, variables);
    }
    for (int k = 0; k < variables.size(); k++) {
      Variable v = variables.get(k);
      if (v.array().dataType() != DataType.DOUBLE) {
        fail("Variable " + v.path() + " must be float64 for a gradient check, is " + v.dtype());
      }
      compare("variable " + v.path(), analytic.get(k), v.array(), () -> project(f.get(), r).value().getDouble(0));
    }
  }

  private static void compare(String what, INDArray analytic, INDArray x, Supplier<Double> loss) {
    INDArray flat = x.reshape(x.length());
    if (!flat.isView() && flat.data() != x.data()) {
      throw new IllegalStateException("input must be contiguous");
    }
    INDArray a = analytic.castTo(DataType.DOUBLE).reshape(x.length());
    for (long i = 0; i < x.length(); i++) {
      double orig = flat.getDouble(i);
      flat.putScalar(i, orig + EPS);
      double up = loss.get();
      flat.putScalar(i, orig - EPS);
      double down = loss.get();
      flat.putScalar(i, orig);
      double numeric = (up - down) / (2 * EPS);
      double got = a.getDouble(i);
      if (Math.abs(got - numeric) > ATOL + RTOL * Math.max(Math.abs(got), Math.abs(numeric))) {
        fail("Gradient mismatch for " + what + " at flat index " + i + ": analytic " + got + ", numeric " + numeric);
      }
    }
  }

  private static INDArray projection(INDArray out) {
    Nd4j.getRandom().setSeed(1234);
    return Nd4j.rand(DataType.DOUBLE, out.shape()).subi(0.5).muli(2);
  }

  private static Tensor project(Tensor y, INDArray r) {
    return ReduceOps.sum(MathOps.mul(MathOps.cast(y, DType.FLOAT64), Tensor.of(r)));
  }

  private static List<Tensor> tensors(List<INDArray> xs) {
    List<Tensor> out = new ArrayList<>();
    for (INDArray x : xs) {
      out.add(Tensor.of(x));
    }
    return out;
  }
}
