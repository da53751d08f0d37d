package org.jeras.core.regularizers;

import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.ops.ArrayOps;
import org.jeras.core.ops.LinalgOps;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Keras's {@code OrthogonalRegularizer}: {@code factor * 0.5 * sum(|P - diag(P)|) / (n (n - 1) / 2)}
 * where P holds the dot products of the L2-normalized rows ({@code mode="rows"}) or columns of a
 * 2-d weight. As with {@link L1}, the factor is stored as float32.
 */
public final class OrthogonalRegularizer implements Regularizer {
  /** Keras's {@code backend.epsilon()}; normalization divides by {@code max(norm^2, eps^2)^0.5}. */
  private static final double EPSILON = 1e-7;

  private final float factor;
  private final String mode;

  /**
   * Keras's {@code OrthogonalRegularizer(factor, mode)}.
   *
   * @param factor the penalty's factor
   * @param mode {@code "rows"} or {@code "columns"}: which vectors should be orthogonal
   */
  public OrthogonalRegularizer(double factor, String mode) {
    this.factor = (float) Penalties.factor("factor", factor);
    if (!mode.equals("rows") && !mode.equals("columns")) {
      throw new ConfigException("Config key 'mode' must be \"rows\" or \"columns\", got '" + mode + "'");
    }
    this.mode = mode;
  }

  /** Keras's {@code OrthogonalRegularizer()}: every argument at its default. */
  public OrthogonalRegularizer() {
    this(0.01, "rows");
  }

  /**
   * Rebuilds a regularizer from its config (Keras's {@code OrthogonalRegularizer.from_config}).
   *
   * @param c the regularizer's config
   * @return the regularizer
   */
  public static OrthogonalRegularizer fromConfig(Config c) {
    return new OrthogonalRegularizer(c.getDouble("factor", 0.01), c.getString("mode", "rows"));
  }

  @Override
  public Tensor apply(Tensor x) {
    if (x.rank() != 2) {
      throw new IllegalArgumentException("OrthogonalRegularizer needs a rank-2 input, got shape " + x.shape());
    }
    boolean rows = mode.equals("rows");
    Tensor vectors = rows ? x : ArrayOps.transpose(x, 1, 0);
    Tensor squares = ReduceOps.sum(MathOps.square(vectors), true, 1);
    Tensor floor = MathOps.fullLike(squares, EPSILON * EPSILON);
    Tensor unit = MathOps.mul(vectors, MathOps.pow(MathOps.maximum(squares, floor), -0.5));
    Tensor product = LinalgOps.matmul(unit, ArrayOps.transpose(unit, 1, 0));
    long n = vectors.shape().get(0);
    Tensor offDiagonal = Tensor.of(Nd4j.eye(n).castTo(x.value().dataType()).rsubi(1.0));
    Tensor sum = ReduceOps.sum(MathOps.abs(MathOps.mul(product, offDiagonal)));
    double pairs = n * (n - 1.0) / 2.0;
    return MathOps.mul(sum, factor * 0.5 / pairs);
  }

  @Override
  public Config getConfig() {
    return Config.empty().put("factor", (double) factor).put("mode", mode);
  }
}
