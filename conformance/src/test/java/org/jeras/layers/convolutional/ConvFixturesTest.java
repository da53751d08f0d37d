package org.jeras.layers.convolutional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The real-Keras fixtures built from convolution, pooling, cropping, padding and upsampling layers. */
class ConvFixturesTest {
  @ParameterizedTest(name = "{0}{1}")
  @CsvSource({
      "'', conv1d", "jax/, conv1d",
      "'', conv2d_pooling", "jax/, conv2d_pooling",
      "'', conv2d_gap_reshape", "jax/, conv2d_gap_reshape",
      "'', conv2d_channels_first", "jax/, conv2d_channels_first",
      "'', conv3d", "jax/, conv3d",
      "'', conv1d_transpose", "jax/, conv1d_transpose",
      "'', conv2d_transpose_same", "jax/, conv2d_transpose_same",
      "'', conv2d_transpose_valid", "jax/, conv2d_transpose_valid",
      "'', separable_conv1d", "jax/, separable_conv1d",
      "'', separable_conv2d", "jax/, separable_conv2d",
      "'', depthwise_conv2d", "jax/, depthwise_conv2d",
      "'', pooling1d", "jax/, pooling1d",
      "'', pooling3d", "jax/, pooling3d",
      "'', global_max_pooling2d", "jax/, global_max_pooling2d",
      "'', crop_pad_upsample_1d", "jax/, crop_pad_upsample_1d",
      "'', crop_pad_upsample_2d", "jax/, crop_pad_upsample_2d",
      // With other families' layers (TimeDistributed, GroupNormalization, BatchNormalization, SpatialDropout2D).
      "'', time_distributed_conv2d", "jax/, time_distributed_conv2d",
      "'', group_norm", "jax/, group_norm",
      "'', batchnorm_channels_first", "jax/, batchnorm_channels_first",
      "'', spatial_dropout2d", "jax/, spatial_dropout2d",
  })
  void matchesKeras(String prefix, String name) {
    KerasFixtureModel.check(prefix, name);
  }
}
