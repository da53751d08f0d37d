package org.jeras.conformance.inputs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jeras.conformance.KerasCases;
import org.jeras.conformance.KerasCases.Case;
import org.jeras.conformance.KerasModels;
import org.jeras.core.io.Npz;
import org.jeras.core.layer.IncompatibleInputException;
import org.jeras.core.model.Functional;
import org.jeras.core.model.Model;
import org.jeras.core.model.Sequential;
import org.jeras.core.ops.OpShapeException;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.saving.LoadOptions;
import org.jeras.saving.Models;
import org.jeras.saving.custom.FixtureCustomObjects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The property behind {@link WrongInputShapesTest}, run in a JVM of its own so that a native crash
 * fails the test instead of ending the build: every loadable real-Keras fixture model, fed batches
 * of randomly wrong shapes (a fixed dimension changed, an axis added or dropped, an input missing),
 * either refuses them with a typed error or, where Keras accepts the shape (a trailing axis of size 1
 * added or dropped, another numeric dtype), predicts what it predicts for the right batch; text where
 * numbers are expected (or the reverse) is refused. A model without Inputs
 * (subclassed) declares no shape: there a wrong batch must be refused with a typed error or computed,
 * never crash or fail untyped. Then each layer of a functional fixture model is called on its own with
 * a wrong batch ({@link #checkLayers}): refused typed, or computed.
 *
 * <p>Prints one {@code FAIL} line per violation and a {@code CHECKED} count; exits 1 on any violation.
 */
public final class WrongInputShapes {
  private static final int MUTATIONS_PER_MODEL = 8;

  private WrongInputShapes() {}

  /** What a wrong batch must lead to. */
  enum Expect {
    /** A typed refusal: the shape contradicts the model's Inputs. */
    REFUSED,
    /** The right batch's result: Keras adjusts the shape (a trailing 1). */
    SAME_RESULT,
    /**
     * A typed refusal or some result: a model without Inputs (subclassed) declares no shape, and its
     * layers may take the batch as Keras's do (a Dense over an extra leading axis).
     */
    REFUSED_OR_COMPUTED
  }

  /** A wrong batch and what it must lead to. */
  record Mutation(String what, List<INDArray> inputs, Expect expect) {}

  public static void main(String[] args) {
    long seed = args.length > 0 ? Long.parseLong(args[0]) : 9L;
    LoadOptions options = LoadOptions.DEFAULT.withCustomObjects(FixtureCustomObjects.classes());
    int failures = 0;
    int checked = 0;
    for (Case c : KerasCases.loadable()) {
      Random random = new Random(seed ^ c.id().hashCode());
      Model model;
      List<INDArray> xs;
      List<INDArray> right;
      try {
        model = Models.load(c.keras(), options);
        Map<String, INDArray> io = Npz.read(c.io());
        xs = KerasModels.inputs(io);
        right = model.predictOnBatch(xs);
      } catch (Exception e) {
        System.out.println("FAIL " + c.id() + ": the right batch fails: " + e);
        failures++;
        continue;
      }
      List<Shape> refs = inputShapes(model, xs);
      boolean declared = refs != null;
      for (int k = 0; k < MUTATIONS_PER_MODEL; k++) {
        Mutation m = mutate(xs, declared ? refs : ownShapes(xs), random);
        if (m == null) {
          continue;
        }
        if (!declared) {
          m = new Mutation(m.what(), m.inputs(), Expect.REFUSED_OR_COMPUTED);
        }
        checked++;
        String where = c.id() + " [" + m.what() + "]";
        try {
          List<INDArray> got = model.predictOnBatch(m.inputs());
          if (m.expect() == Expect.REFUSED) {
            System.out.println("FAIL " + where + ": accepted, returning shapes " + got.stream().map(a -> Shape.of(a.shape())).toList());
            failures++;
            continue;
          }
          for (int i = 0; m.expect() == Expect.SAME_RESULT && i < right.size(); i++) {
            KerasModels.assertClose(right.get(i), got.get(i), where + " output " + i);
          }
        } catch (IncompatibleInputException | OpShapeException e) {
          if (m.expect() == Expect.SAME_RESULT) {
            System.out.println("FAIL " + where + ": Keras accepts this shape, Jeras refused: " + e.getMessage());
            failures++;
          }
        } catch (Throwable e) {
          System.out.println("FAIL " + where + ": " + e);
          failures++;
        }
      }
      if (model instanceof Functional f) {
        int[] counts = checkLayers(c.id(), f, random);
        checked += counts[0];
        failures += counts[1];
      }
    }
    System.out.println("CHECKED " + checked + " FAILURES " + failures + " SEED " + seed);
    System.exit(failures == 0 ? 0 : 1);
  }

  /**
   * Each layer of {@code model} called on its own with a batch of a wrong shape (one of its
   * recorded input shapes, mutated): the layer refuses it with a typed error or computes, but never
   * fails untyped or reaches a native kernel with shapes it cannot take. Returns {checked, failures}.
   */
  static int[] checkLayers(String id, Functional model, Random random) {
    int checked = 0;
    int failures = 0;
    for (org.jeras.core.layer.Layer layer : model.layers()) {
      if (layer instanceof org.jeras.core.model.InputLayer || layer.inboundNodes().isEmpty()) {
        continue;
      }
      org.jeras.core.layer.CallArgs args = layer.inboundNodes().get(0).args();
      if (args.args().size() != 1 || !(args.args().get(0) instanceof Tensor in) || !args.kwargs().isEmpty()) {
        continue;
      }
      long[] s = in.shape().dims();
      for (int k = 0; k < s.length; k++) {
        s[k] = s[k] == Shape.UNKNOWN ? (k == 0 ? 2 : 3) : s[k];
      }
      INDArray x = Nd4j.zeros(in.dtype().nd4j(), s);
      Mutation m = mutate(List.of(x), List.of(Shape.of(s).with(0, Shape.UNKNOWN)), random);
      if (m == null || m.inputs().size() != 1) {
        continue;
      }
      checked++;
      String where = id + " layer '" + layer.name() + "' (" + layer.getClass().getSimpleName() + ") [" + m.what() + ": "
          + Shape.of(m.inputs().get(0).shape()) + "]";
      try {
        layer.apply(Tensor.of(m.inputs().get(0)), false);
      } catch (IncompatibleInputException | OpShapeException e) {
        // refused, typed
      } catch (Throwable e) {
        System.out.println("FAIL " + where + ": " + e);
        failures++;
      }
    }
    return new int[] {checked, failures};
  }

  /** The shapes the model declares for its inputs (batch unknown); null for a model without Inputs. */
  static List<Shape> inputShapes(Model model, List<INDArray> xs) {
    if (model instanceof Functional f) {
      return f.inputs().stream().map(Tensor::shape).toList();
    }
    if (model instanceof Sequential s && s.inputLayer() != null) {
      return List.of(s.inputLayer().batchShape());
    }
    return null;
  }

  /** The right batch's shapes with any batch size: what to mutate when the model declares none. */
  static List<Shape> ownShapes(List<INDArray> xs) {
    return xs.stream().map(x -> Shape.of(x.shape()).with(0, Shape.UNKNOWN)).toList();
  }

  /** One random wrong batch for input {@code i} of {@code xs}, or null when none applies. */
  static Mutation mutate(List<INDArray> xs, List<Shape> refs, Random random) {
    int i = random.nextInt(xs.size());
    INDArray x = xs.get(i);
    Shape ref = refs.get(i);
    long[] s = x.shape();
    switch (random.nextInt(7)) {
      case 0: {
        // A known dimension (not the batch) takes another size.
        List<Integer> fixed = new ArrayList<>();
        for (int k = 1; k < ref.rank() && k < s.length; k++) {
          if (ref.get(k) != Shape.UNKNOWN) {
            fixed.add(k);
          }
        }
        if (fixed.isEmpty()) {
          return null;
        }
        int k = fixed.get(random.nextInt(fixed.size()));
        long size;
        do {
          size = 1 + random.nextInt((int) Math.min(4 * s[k] + 4, 4096));
        } while (size == s[k]);
        long[] t = s.clone();
        t[k] = size;
        return with(xs, i, resized(x, t), "axis " + k + " of input " + i + " -> " + size, Expect.REFUSED);
      }
      case 1: {
        // An extra axis of size > 1 somewhere after the batch.
        int at = 1 + random.nextInt(s.length);
        long size = 2 + random.nextInt(3);
        long[] t = insert(s, at, size);
        return with(xs, i, resized(x, t), "extra axis of " + size + " at " + at + " of input " + i, Expect.REFUSED);
      }
      case 2: {
        // A dropped axis (not the batch); Keras re-adds a missing trailing 1.
        if (s.length < 2) {
          return null;
        }
        int at = 1 + random.nextInt(s.length - 1);
        boolean trailingOne = at == s.length - 1 && s[at] == 1 && ref.rank() == s.length;
        long[] t = remove(s, at);
        INDArray y = trailingOne ? x.reshape(t) : resized(x, t);
        return with(xs, i, y, "axis " + at + " of input " + i + " dropped", trailingOne ? Expect.SAME_RESULT : Expect.REFUSED);
      }
      case 3: {
        // A trailing axis of size 1, which Keras squeezes away.
        long[] t = insert(s, s.length, 1);
        return with(xs, i, x.reshape(t), "trailing 1 on input " + i, Expect.SAME_RESULT);
      }
      case 5: {
        // Another numeric dtype holding the same values: Keras casts it to the Input's dtype.
        if (x.dataType() == org.nd4j.linalg.api.buffer.DataType.UTF8) {
          return null;
        }
        return with(xs, i, x.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE), "input " + i + " as float64",
            Expect.SAME_RESULT);
      }
      case 6: {
        // Text where numbers are expected, or numbers where text is.
        INDArray y;
        if (x.dataType() == org.nd4j.linalg.api.buffer.DataType.UTF8) {
          y = Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, s);
        } else {
          List<String> text = new ArrayList<>();
          for (long j = 0; j < x.length(); j++) {
            text.add("a");
          }
          y = Nd4j.create(text, s);
        }
        return with(xs, i, y, "input " + i + " as " + (x.dataType() == org.nd4j.linalg.api.buffer.DataType.UTF8
            ? "float32" : "text"), Expect.REFUSED);
      }
      default: {
        // One input too many or too few.
        List<INDArray> out = new ArrayList<>(xs);
        if (xs.size() > 1 && random.nextBoolean()) {
          out.remove(i);
          return new Mutation("input " + i + " missing", out, Expect.REFUSED);
        }
        out.add(x);
        return new Mutation("input " + i + " repeated", out, Expect.REFUSED);
      }
    }
  }

  private static Mutation with(List<INDArray> xs, int i, INDArray y, String what, Expect expect) {
    List<INDArray> out = new ArrayList<>(xs);
    out.set(i, y);
    return new Mutation(what, out, expect);
  }

  /** An array of shape {@code t} holding {@code x}'s values, cycled (so indices stay in range). */
  private static INDArray resized(INDArray x, long[] t) {
    INDArray flat = x.reshape(-1);
    long n = 1;
    for (long d : t) {
      n *= d;
    }
    INDArray out = Nd4j.createUninitialized(x.dataType(), n);
    for (long j = 0; j < n; j += flat.length()) {
      long len = Math.min(flat.length(), n - j);
      out.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(j, j + len))
          .assign(flat.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, len)));
    }
    return out.reshape(t);
  }

  private static long[] insert(long[] s, int at, long size) {
    long[] t = new long[s.length + 1];
    for (int k = 0, j = 0; k < t.length; k++) {
      t[k] = k == at ? size : s[j++];
    }
    return t;
  }

  private static long[] remove(long[] s, int at) {
    long[] t = new long[s.length - 1];
    for (int k = 0, j = 0; k < s.length; k++) {
      if (k != at) {
        t[j++] = s[k];
      }
    }
    return t;
  }
}
