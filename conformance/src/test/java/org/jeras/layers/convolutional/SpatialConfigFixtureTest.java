package org.jeras.layers.convolutional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Set;
import org.jeras.core.config.Config;
import org.jeras.core.config.Serialization;
import org.jeras.core.layer.Layer;
import org.jeras.layers.pooling.AveragePooling2D;
import org.jeras.layers.pooling.GlobalAveragePooling1D;
import org.jeras.layers.pooling.GlobalMaxPooling3D;
import org.jeras.layers.pooling.MaxPooling3D;
import org.jeras.layers.reshaping.Cropping2D;
import org.jeras.layers.reshaping.Cropping3D;
import org.jeras.layers.reshaping.UpSampling2D;
import org.jeras.layers.reshaping.UpSampling3D;
import org.jeras.layers.reshaping.ZeroPadding3D;
import org.junit.jupiter.api.Test;

/** SpatialConfig checked against files written by real Keras (the fixtures). */
class SpatialConfigFixtureTest {
  private static final Set<String> OWN = Set.of("Conv1D", "Conv2D", "Conv3D", "Conv1DTranspose", "Conv2DTranspose",
      "Conv3DTranspose", "DepthwiseConv1D", "DepthwiseConv2D", "SeparableConv1D", "SeparableConv2D",
      "MaxPooling1D", "MaxPooling2D", "MaxPooling3D", "AveragePooling1D", "AveragePooling2D", "AveragePooling3D",
      "GlobalMaxPooling1D", "GlobalMaxPooling2D", "GlobalMaxPooling3D", "GlobalAveragePooling1D",
      "GlobalAveragePooling2D", "GlobalAveragePooling3D", "Cropping1D", "Cropping2D", "Cropping3D", "ZeroPadding1D",
      "ZeroPadding2D", "ZeroPadding3D", "UpSampling1D", "UpSampling2D", "UpSampling3D");
  private static final List<String> CASES = List.of("conv1d", "conv2d_pooling", "conv2d_gap_reshape",
      "conv2d_channels_first", "conv3d", "conv1d_transpose", "conv2d_transpose_same", "conv2d_transpose_valid",
      "separable_conv1d", "separable_conv2d", "depthwise_conv2d", "pooling1d", "pooling3d", "global_max_pooling2d",
      "crop_pad_upsample_1d", "crop_pad_upsample_2d");

  @Test
  void fixtureConfigsRoundTripToIdenticalJson() {
    int seen = 0;
    for (String prefix : List.of("", "jax/")) {
      for (String name : CASES) {
        for (JsonObject dict : KerasFixtureModel.layerDicts(prefix, name)) {
          String cls = dict.get("class_name").getAsString();
          if (!OWN.contains(cls)) {
            continue;
          }
          JsonObject expected = withoutSharedIds(dict.getAsJsonObject("config").deepCopy()).getAsJsonObject();
          Layer layer = Serialization.deserialize(dict, Layer.class);
          assertEquals(cls, layer.className());
          // Same keys, values and order as Keras wrote them.
          assertEquals(Config.of(expected).toJson(), layer.getConfig().toJson(), prefix + name + " / " + cls);
          seen++;
        }
      }
    }
    assertTrue(seen >= 40, "layer configs checked: " + seen);
  }

  private static JsonElement withoutSharedIds(JsonElement e) {
    if (e.isJsonObject()) {
      JsonObject o = e.getAsJsonObject();
      o.remove("shared_object_id");
      for (String k : o.keySet()) {
        withoutSharedIds(o.get(k));
      }
    } else if (e.isJsonArray()) {
      e.getAsJsonArray().forEach(SpatialConfigFixtureTest::withoutSharedIds);
    }
    return e;
  }
}
