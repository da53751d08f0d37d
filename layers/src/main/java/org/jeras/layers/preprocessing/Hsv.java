package org.jeras.layers.preprocessing;

import java.util.List;
import org.jeras.core.ops.ArrayOps;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.NnOps;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Keras's {@code rgb_to_hsv} and {@code hsv_to_rgb} on channels-last images (hue, saturation and
 * value in [0, 1] of the value scale), built from differentiable operations so gradients pass.
 */
final class Hsv {
  private static final double FLOAT32_EPSILON = Math.ulp(1.0f);

  private Hsv() {}

  /** 1 where {@code x > 0}, else 0, as a mask for {@code where}. */
  static Tensor positive(Tensor x) {
    return MathOps.notEqual(NnOps.relu(x), 0.0);
  }

  private static Tensor channel(Tensor images, int c) {
    return ArrayOps.slice(images, 3, c, c + 1);
  }

  /** Channels-last RGB images as hue, saturation, value (Keras's {@code rgb_to_hsv}). */
  static Tensor fromRgb(Tensor images) {
    // Values within float32's epsilon of 0 count as 0, as in Keras.
    Tensor x = MathOps.where(positive(MathOps.rsub(FLOAT32_EPSILON, MathOps.abs(images))),
        MathOps.fullLike(images, 0.0), images);
    Tensor r = channel(x, 0);
    Tensor g = channel(x, 1);
    Tensor b = channel(x, 2);
    Tensor value = MathOps.maximum(MathOps.maximum(r, g), b);
    Tensor minimum = MathOps.minimum(MathOps.minimum(r, g), b);
    Tensor range = MathOps.sub(value, minimum);
    Tensor one = MathOps.fullLike(value, 1.0);
    Tensor zero = MathOps.fullLike(value, 0.0);
    Tensor hasValue = positive(value);
    Tensor hasRange = positive(range);
    Tensor saturation = MathOps.where(hasValue, MathOps.div(range, MathOps.where(hasValue, value, one)), zero);
    Tensor norm = MathOps.reciprocal(MathOps.mul(MathOps.where(hasRange, range, one), 6.0));
    Tensor notGreen = MathOps.notEqual(MathOps.sub(value, g), 0.0);
    Tensor hue = MathOps.where(notGreen, MathOps.add(MathOps.mul(norm, MathOps.sub(r, g)), 4.0 / 6.0),
        MathOps.add(MathOps.mul(norm, MathOps.sub(b, r)), 2.0 / 6.0));
    Tensor notRed = MathOps.notEqual(MathOps.sub(value, r), 0.0);
    hue = MathOps.where(notRed, hue, MathOps.mul(norm, MathOps.sub(g, b)));
    Tensor negative = MathOps.where(positive(MathOps.neg(hue)), one, zero);
    hue = MathOps.add(MathOps.where(hasRange, hue, zero), negative);
    return ArrayOps.concat(List.of(hue, saturation, value), 3);
  }

  /** Channels-last hue, saturation, value images as RGB (Keras's {@code hsv_to_rgb}). */
  static Tensor toRgb(Tensor images) {
    Tensor hue = channel(images, 0);
    Tensor saturation = channel(images, 1);
    Tensor value = channel(images, 2);
    // hue mod 1: the floor is a constant, so the gradient of hue passes unchanged.
    Tensor dh = MathOps.mul(MathOps.sub(hue, Tensor.of(Transforms.floor(hue.value(), true))), 6.0);
    Tensor dr = MathOps.clip(MathOps.add(MathOps.abs(MathOps.add(dh, -3.0)), -1.0), 0, 1);
    Tensor dg = MathOps.clip(MathOps.rsub(2.0, MathOps.abs(MathOps.add(dh, -2.0))), 0, 1);
    Tensor db = MathOps.clip(MathOps.rsub(2.0, MathOps.abs(MathOps.add(dh, -4.0))), 0, 1);
    Tensor oneMinusS = MathOps.rsub(1.0, saturation);
    return ArrayOps.concat(List.of(
        MathOps.mul(value, MathOps.add(oneMinusS, MathOps.mul(saturation, dr))),
        MathOps.mul(value, MathOps.add(oneMinusS, MathOps.mul(saturation, dg))),
        MathOps.mul(value, MathOps.add(oneMinusS, MathOps.mul(saturation, db)))), 3);
  }
}
