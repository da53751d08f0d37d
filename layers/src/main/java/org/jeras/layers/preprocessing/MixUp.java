package org.jeras.layers.preprocessing;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jeras.core.config.Config;
import org.jeras.core.layer.Args;
import org.jeras.core.ops.ArrayOps;
import org.jeras.core.ops.MathOps;
import org.jeras.core.tensor.Tensor;

/**
 * Keras's {@code MixUp} on images, in training: each image becomes {@code w x + (1 - w) x[p]}, with
 * {@code p} a random permutation of the batch and {@code w ~ Beta(alpha, alpha)} per image. Identity in
 * inference. Jeras's layers take images only: images and labels are mixed with one draw by
 * {@link #mixImagesAndLabels}.
 */
public class MixUp extends ImageAugmentation {
  private final double alpha;

  /**
   * Keras's {@code MixUp(alpha, data_format, seed)}.
   *
   * @param alpha the Beta distribution's parameter (positive)
   * @param dataFormat {@code "channels_last"} or {@code "channels_first"}
   * @param seed the seed, or null for a drawn one
   */
  public MixUp(double alpha, String dataFormat, Long seed) {
    super(dataFormat, seed);
    if (!(alpha > 0) || Double.isInfinite(alpha)) {
      throw Args.invalid(className(), "alpha", "a positive number", alpha);
    }
    this.alpha = alpha;
  }

  /** One call's draw: the permutation and each image's weight. */
  record Mix(int[] permutation, double[] weight) {}

  Mix draw(int n, SplittableRandom random) {
    int[] p = Draws.permutation(n, random);
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = Draws.beta(alpha, alpha, random);
    }
    return new Mix(p, w);
  }

  @Override
  protected Tensor augment(Tensor images, SplittableRandom random) {
    Mix m = draw((int) images.shape().get(0), random);
    Tensor w = RandomContrast.perImage(m.weight(), images);
    return MathOps.add(MathOps.mul(w, images), MathOps.mul(MathOps.rsub(1.0, w), permuted(images, m.permutation())));
  }

  /** The batch reordered: image {@code i} of the result is image {@code p[i]} of {@code x}. */
  static Tensor permuted(Tensor x, int[] p) {
    List<Tensor> parts = new ArrayList<>();
    for (int i : p) {
      parts.add(ArrayOps.slice(x, 0, i, i + 1));
    }
    return ArrayOps.concat(parts, 0);
  }

  /**
   * Images and their labels mixed with one draw, as Keras mixes a dict of images and labels.
   *
   * @param images a batch of images in {@code data_format}
   * @param labels the labels, {@code (batch, classes)}
   * @return the mixed images and labels
   */
  public Tensor[] mixImagesAndLabels(Tensor images, Tensor labels) {
    Tensor cast = MathOps.cast(images, computeDtype());
    Tensor x = channelsFirst() ? ArrayOps.transpose(cast, 0, 2, 3, 1) : cast;
    Tensor y = MathOps.cast(labels, computeDtype());
    Mix m = draw((int) x.shape().get(0), nextStream());
    Tensor w = RandomContrast.perImage(m.weight(), x);
    Tensor mixed = MathOps.add(MathOps.mul(w, x), MathOps.mul(MathOps.rsub(1.0, w), permuted(x, m.permutation())));
    Tensor wl = ArrayOps.reshape(w, m.weight().length, 1);
    Tensor mixedLabels = MathOps.add(MathOps.mul(wl, y), MathOps.mul(MathOps.rsub(1.0, wl), permuted(y, m.permutation())));
    return new Tensor[] {channelsFirst() ? ArrayOps.transpose(mixed, 0, 3, 1, 2) : mixed, mixedLabels};
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("alpha", alpha).put("seed", seedConfig());
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code MixUp.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static MixUp fromConfig(Config c) {
    return new MixUp(c.getDouble("alpha", 0.2), dataFormat(c), c.getLongOrNull("seed")).withBaseConfig(c);
  }
}
