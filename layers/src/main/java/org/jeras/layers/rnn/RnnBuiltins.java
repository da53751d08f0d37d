package org.jeras.layers.rnn;

import org.jeras.core.config.BuiltinProvider;
import org.jeras.core.config.Registry;
import org.jeras.core.layer.Layer;

/** Registers the recurrent layers and wrappers under {@code keras.layers}. */
public final class RnnBuiltins implements BuiltinProvider {
  @Override
  public void register(Registry.Builtins b) {
    String m = "keras.layers";
    b.add(Layer.class, m, "SimpleRNN", SimpleRNN::fromConfig);
    b.add(Layer.class, m, "LSTM", LSTM::fromConfig);
    b.add(Layer.class, m, "GRU", GRU::fromConfig);
    b.add(Layer.class, m, "RNN", RNN::fromConfig);
    b.add(Layer.class, m, "SimpleRNNCell", SimpleRNNCell::fromConfig);
    b.add(Layer.class, m, "LSTMCell", LSTMCell::fromConfig);
    b.add(Layer.class, m, "GRUCell", GRUCell::fromConfig);
    b.add(Layer.class, m, "ConvLSTM1D", ConvLSTM1D::fromConfig);
    b.add(Layer.class, m, "ConvLSTM2D", ConvLSTM2D::fromConfig);
    b.add(Layer.class, m, "ConvLSTM3D", ConvLSTM3D::fromConfig);
    b.add(Layer.class, m, "StackedRNNCells", StackedRNNCells::fromConfig);
    b.add(Layer.class, m, "Bidirectional", Bidirectional::fromConfig);
    b.add(Layer.class, m, "TimeDistributed", TimeDistributed::fromConfig);
  }
}
