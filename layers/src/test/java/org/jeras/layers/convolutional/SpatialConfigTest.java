package org.jeras.layers.convolutional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
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

/** Config round trips of the spatial layers, against the configs real Keras wrote. */
class SpatialConfigTest {

  @Test
  void builtLayersRoundTrip() {
    List<Layer> layers = List.of(
        new Conv1D(3, 2).padding("causal").dilationRate(2).activation("tanh"),
        new Conv2D(4, 3, 2).groups(2).strides(2, 1).padding("same").dataFormat("channels_first").useBias(false),
        new Conv3D(2, 2).dilationRate(1, 2, 1),
        new Conv1DTranspose(2, 3).strides(2).outputPadding(1),
        new Conv2DTranspose(2, 3).padding("same"),
        new Conv3DTranspose(1, 2).strides(1, 2, 1),
        new DepthwiseConv1D(3).depthMultiplier(2).padding("same"),
        new DepthwiseConv2D(2, 3).depthMultiplier(3).dataFormat("channels_first"),
        new SeparableConv1D(4, 3).depthMultiplier(2).strides(2),
        new SeparableConv2D(5, 3).padding("same").activation("relu"),
        new AveragePooling2D(3, 2).strides(1, 2).padding("same"),
        new MaxPooling3D(2).dataFormat("channels_first"),
        new GlobalAveragePooling1D().keepdims(true),
        new GlobalMaxPooling3D().dataFormat("channels_first"),
        new Cropping2D(new int[][] {{1, 0}, {2, 3}}, "channels_first"),
        new Cropping3D(new int[][] {{1, 1}, {0, 0}, {2, 1}}, "channels_last"),
        new ZeroPadding3D(new int[][] {{1, 2}, {0, 1}, {3, 0}}, "channels_last"),
        new UpSampling2D(new int[] {2, 3}, "channels_first", "bilinear"),
        new UpSampling3D(new int[] {1, 2, 3}, "channels_last"));
    for (Layer l : layers) {
      Config c = l.getConfig();
      Layer back = Serialization.deserialize(Serialization.serialize(l), Layer.class);
      assertEquals(l.getClass(), back.getClass());
      assertEquals(c.toJson(), back.getConfig().toJson(), l.className());
    }
  }

  @Test
  void keyDefaultsAndShorthands() {
    // Keras accepts single ints for tuples and fills the rest with defaults.
    Layer conv = Serialization.deserialize(Config.parse(
        "{\"class_name\": \"Conv2D\", \"config\": {\"filters\": 2, \"kernel_size\": 3}}").json(), Layer.class);
    Config c = conv.getConfig();
    assertEquals("[3,3]", c.get("kernel_size").toString());
    assertEquals("[1,1]", c.get("strides").toString());
    assertEquals("\"valid\"", c.get("padding").toString());
    assertEquals("GlorotUniform", c.get("kernel_initializer").getAsJsonObject().get("class_name").getAsString());
    Layer pad = Serialization.deserialize(Config.parse(
        "{\"class_name\": \"ZeroPadding2D\", \"config\": {\"padding\": [1, 2]}}").json(), Layer.class);
    assertEquals("[[1,1],[2,2]]", pad.getConfig().get("padding").toString());
    Layer pool = Serialization.deserialize(Config.parse(
        "{\"class_name\": \"MaxPooling2D\", \"config\": {\"pool_size\": 3, \"strides\": null}}").json(), Layer.class);
    assertEquals("[3,3]", pool.getConfig().get("strides").toString());
  }

  @Test
  void badConfigsNameTheKey() {
    ConfigException e = assertThrows(ConfigException.class, () -> Serialization.deserialize(Config.parse(
        "{\"class_name\": \"Conv2D\", \"config\": {\"filters\": 2, \"kernel_size\": 3, \"padding\": \"full\"}}")
        .json(), Layer.class));
    assertTrue(e.getMessage().contains("padding"), e.getMessage());
    e = assertThrows(ConfigException.class, () -> Serialization.deserialize(Config.parse(
        "{\"class_name\": \"Conv1D\", \"config\": {\"filters\": 2, \"kernel_size\": 3, \"data_format\": \"nhwc\"}}")
        .json(), Layer.class));
    assertTrue(e.getMessage().contains("data_format"), e.getMessage());
    e = assertThrows(ConfigException.class, () -> Serialization.deserialize(Config.parse(
        "{\"class_name\": \"Conv2D\", \"config\": {\"filters\": 3, \"kernel_size\": 3, \"groups\": 2}}")
        .json(), Layer.class));
    assertTrue(e.getMessage().contains("groups"), e.getMessage());
    e = assertThrows(ConfigException.class, () -> Serialization.deserialize(Config.parse(
        "{\"class_name\": \"Conv2DTranspose\", \"config\": {\"filters\": 3, \"kernel_size\": 3, \"strides\": 2,"
            + " \"output_padding\": 2}}").json(), Layer.class));
    assertTrue(e.getMessage().contains("output_padding"), e.getMessage());
    e = assertThrows(ConfigException.class, () -> Serialization.deserialize(Config.parse(
        "{\"class_name\": \"UpSampling2D\", \"config\": {\"interpolation\": \"bicubic\"}}").json(), Layer.class));
    assertTrue(e.getMessage().contains("interpolation"), e.getMessage());
  }
}
