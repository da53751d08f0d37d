package org.jeras.layers.preprocessing;

import org.jeras.core.config.BuiltinProvider;
import org.jeras.core.config.Registry;
import org.jeras.core.layer.Layer;

/** Registers Keras's preprocessing layers. */
public final class PreprocessingBuiltins implements BuiltinProvider {
  @Override
  public void register(Registry.Builtins b) {
    String m = "keras.layers";
    b.add(Layer.class, m, "Rescaling", Rescaling::fromConfig);
    b.add(Layer.class, m, "Normalization", Normalization::fromConfig);
    b.add(Layer.class, m, "CenterCrop", CenterCrop::fromConfig);
    b.add(Layer.class, m, "Resizing", Resizing::fromConfig);
    b.add(Layer.class, m, "Discretization", Discretization::fromConfig);
    b.add(Layer.class, m, "CategoryEncoding", CategoryEncoding::fromConfig);
    b.add(Layer.class, m, "Hashing", Hashing::fromConfig);
    b.add(Layer.class, m, "HashedCrossing", HashedCrossing::fromConfig);
    b.add(Layer.class, m, "STFTSpectrogram", STFTSpectrogram::fromConfig);
    b.add(Layer.class, m, "MelSpectrogram", MelSpectrogram::fromConfig);
    b.add(Layer.class, m, "StringLookup", StringLookup::fromConfig);
    b.add(Layer.class, m, "IntegerLookup", IntegerLookup::fromConfig);
    b.add(Layer.class, m, "TextVectorization", TextVectorization::fromConfig);
  }
}
