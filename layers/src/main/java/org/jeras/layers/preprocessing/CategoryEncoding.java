package org.jeras.layers.preprocessing;

import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.layer.Args;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.Layer;
import org.jeras.core.tensor.Tensor;

/**
 * Encodes integer token ids in {@code [0, num_tokens)} as {@code one_hot}, {@code multi_hot}
 * (default) or {@code count} vectors in the compute dtype (Keras's {@code CategoryEncoding}).
 * Dense outputs only ({@code sparse=false}).
 */
public class CategoryEncoding extends Layer {
  private final int numTokens;
  private final String outputMode;

  /**
   * Keras's {@code CategoryEncoding(num_tokens, output_mode)}.
   *
   * @param numTokens the number of token indices
   * @param outputMode {@code "one_hot"}, {@code "multi_hot"} or {@code "count"}
   */
  public CategoryEncoding(int numTokens, String outputMode) {
    String mode = "binary".equals(outputMode) ? "multi_hot" : outputMode;
    this.numTokens = Args.positive(className(), "num_tokens", numTokens);
    this.outputMode = CategoricalEncoding.checkMode("CategoryEncoding", mode, "one_hot", "multi_hot", "count");
  }

  @Override
  protected boolean autocastsInputs() {
    return false;
  }

  @Override
  protected Tensor call(Tensor x, CallContext ctx) {
    return CategoricalEncoding.encode(x, outputMode, numTokens, computeDtype(), null);
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("num_tokens", numTokens).put("output_mode", outputMode).put("sparse", false);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code CategoryEncoding.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static CategoryEncoding fromConfig(Config c) {
    if (!c.isSet("num_tokens")) {
      throw new ConfigException("CategoryEncoding needs 'num_tokens'");
    }
    if (c.getBoolean("sparse", false)) {
      throw new ConfigException("CategoryEncoding 'sparse': true is not supported by Jeras");
    }
    return new CategoryEncoding(c.getInt("num_tokens"), c.getString("output_mode", "multi_hot")).withBaseConfig(c);
  }
}
