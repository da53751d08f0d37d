package org.jeras.layers.preprocessing;

import java.util.SplittableRandom;
import org.jeras.core.config.Config;
import org.jeras.core.layer.Args;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.IncompatibleInputException;
import org.jeras.core.layer.Layer;
import org.jeras.core.ops.ArrayOps;
import org.jeras.core.ops.MathOps;
import org.jeras.core.random.SeedGenerator;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;

/**
 * The base of Keras's image augmentation layers ({@code BaseImagePreprocessingLayer}): images of
 * rank 4 (a batch) or 3 (one image) in {@code data_format}, cast to the compute dtype. In
 * inference they pass through unchanged; in training {@link #augment} transforms each image with
 * values drawn from the layer's {@link SeedGenerator} (its {@code seed}), following Keras's
 * distributions, not its exact numbers. Config keys: the base layer's, then {@code data_format}.
 */
public abstract class ImageAugmentation extends Layer {
  private final String dataFormat;
  private final SeedGenerator generator;

  /**
   * An augmentation of images in {@code dataFormat}.
   *
   * @param dataFormat {@code "channels_last"} or {@code "channels_first"}
   * @param seed the seed, or null for a drawn one
   */
  protected ImageAugmentation(String dataFormat, Long seed) {
    this.dataFormat = dataFormat == null ? "channels_last" : dataFormat;
    if (!this.dataFormat.equals("channels_last") && !this.dataFormat.equals("channels_first")) {
      throw Args.invalid(className(), "data_format", "'channels_last' or 'channels_first'", dataFormat);
    }
    this.generator = new SeedGenerator(seed);
  }

  @Override
  protected final Tensor call(Tensor x, CallContext ctx) {
    if (x.rank() != 3 && x.rank() != 4) {
      throw new IncompatibleInputException("Layer '" + name() + "' (" + className()
          + ") expects images of rank 3 or 4, got shape " + x.shape());
    }
    Tensor images = MathOps.cast(x, computeDtype());
    if (!ctx.training() || sameInTraining()) {
      return inference(images);
    }
    // Work on a batch of channels-last images.
    boolean single = images.rank() == 3;
    Tensor t = single ? ArrayOps.expandDims(images, 0) : images;
    if (channelsFirst()) {
      t = ArrayOps.transpose(t, 0, 2, 3, 1);
    }
    t = augment(t, generator.nextStream());
    if (channelsFirst()) {
      t = ArrayOps.transpose(t, 0, 3, 1, 2);
    }
    return single ? ArrayOps.squeeze(t, 0) : t;
  }

  /**
   * The inference output for images already cast to the compute dtype: themselves.
   *
   * @param images the images
   * @return the images
   */
  protected Tensor inference(Tensor images) {
    return images;
  }

  /**
   * {@return whether training transforms as inference does (no random draw): then {@link #augment} is not
   * called}
   */
  protected boolean sameInTraining() {
    return false;
  }

  /**
   * The training output for a batch of channels-last images {@code (batch, height, width,
   * channels)}; {@code random} is this call's stream of the layer's seed generator.
   *
   * @param images the images, channels last
   * @param random the call's random stream
   * @return the augmented images
   */
  protected abstract Tensor augment(Tensor images, SplittableRandom random);

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    return inputShape;
  }

  /**
   * The next stream of the layer's seed generator, for a call that transforms images together with
   * other data outside {@link #call} (labels).
   *
   * @return the stream
   */
  protected final SplittableRandom nextStream() {
    return generator.nextStream();
  }

  /** {@return whether images are {@code (channels, height, width)}} */
  protected final boolean channelsFirst() {
    return dataFormat.equals("channels_first");
  }

  /** {@return the configured {@code data_format}} */
  public final String dataFormat() {
    return dataFormat;
  }

  /** {@return the configured seed, null when none was given (then one was drawn, as Keras does)} */
  public final Long seed() {
    return generator.initialSeed();
  }

  /** {@return the {@code seed} entry of the config: an int, or null} */
  protected final Integer seedConfig() {
    return seed() == null ? null : Math.toIntExact(seed());
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("data_format", dataFormat);
  }

  /**
   * The {@code data_format} of a config (Keras's default, channels-last, when unset).
   *
   * @param c the layer's config
   * @return the data format
   */
  protected static String dataFormat(Config c) {
    return c.getString("data_format", "channels_last");
  }

  /**
   * Which of {@code n} images an augmentation applies to, as Keras draws it: a probability per image
   * from {@code factor} first, then one uniform per image, applied where it falls below.
   *
   * @param factor the range of the probability
   * @param n the number of images
   * @param random the call's generator
   * @return 1 for the images to augment, 0 for the others
   */
  protected static double[] drawApplied(FactorRange factor, int n, SplittableRandom random) {
    double[] probability = new double[n];
    for (int i = 0; i < n; i++) {
      probability[i] = factor.draw(random);
    }
    double[] apply = new double[n];
    for (int i = 0; i < n; i++) {
      apply[i] = random.nextDouble() < probability[i] ? 1 : 0;
    }
    return apply;
  }
}
