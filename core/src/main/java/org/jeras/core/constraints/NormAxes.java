package org.jeras.core.constraints;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import java.util.function.UnaryOperator;
import org.jeras.core.config.Config;
import org.jeras.core.ops.Broadcast;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The {@code axis} of the norm constraints: one axis ({@code 0}, a Dense kernel's inputs) or a list
 * ({@code [0, 1, 2]}, a Conv2D filter), written back in the form it was given.
 */
record NormAxes(int[] axes, boolean isList) {
  /** Keras's {@code backend.epsilon()}, added to norms before dividing. */
  static final double EPSILON = 1e-7;

  static NormAxes of(int axis) {
    return new NormAxes(new int[] {axis}, false);
  }

  static NormAxes of(int... axes) {
    if (axes.length == 0) {
      throw new IllegalArgumentException("A norm constraint needs at least one axis");
    }
    return new NormAxes(axes.clone(), true);
  }

  static NormAxes read(Config c) {
    if (!c.isSet("axis")) {
      return of(0);
    }
    return c.get("axis").isJsonArray() ? new NormAxes(c.getInts("axis"), true) : of(c.getInt("axis"));
  }

  JsonElement json() {
    if (!isList) {
      return new JsonPrimitive(axes[0]);
    }
    JsonArray a = new JsonArray();
    for (int x : axes) {
      a.add(x);
    }
    return a;
  }

  /** The L2 norms of {@code w} over these axes, broadcast back to w's shape. */
  INDArray norms(INDArray w) {
    int[] dims = new int[axes.length];
    for (int i = 0; i < dims.length; i++) {
      dims[i] = axes[i] < 0 ? axes[i] + w.rank() : axes[i];
    }
    INDArray squares = w.mul(w).sum(true, dims);
    return Broadcast.to(Transforms.sqrt(squares, false), w.shape());
  }

  /** Scales {@code w} so each norm becomes {@code desired(norm)}: {@code w * desired / (eps + norm)}. */
  INDArray rescale(INDArray w, UnaryOperator<INDArray> desired) {
    INDArray norms = norms(w);
    return w.mul(desired.apply(norms.dup()).divi(norms.add(EPSILON)));
  }
}
