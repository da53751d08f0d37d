package org.jeras.layers.rnn;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.layer.CallArgs;
import org.jeras.core.layer.Layer;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;

/**
 * What {@link RNN} and {@link Bidirectional} share as Keras calls them,
 * {@code layer(sequences, initial_state=..., mask=...)}: a call with initial states records a
 * {@code shapes_dict} (the sequences' shape and every state's shape) and builds for the sequences
 * only; the call takes a {@code mask}, so a symbolic call records the mask keyword.
 *
 * <p>The outputs carry no mask: since Keras 3.16 its recurrent layers and wrappers set
 * {@code supports_masking = False}, so the layer after one runs over every time step, reading at a
 * masked step what was written there (the previous output repeated, or zeros with
 * {@code zero_output_for_mask}). A mask reaches that next layer only as its explicit {@code mask}.
 */
public abstract class SequenceLayer extends Layer {
  /** Builds for {@code [batch, time, features]} sequences. */
  @Override
  protected abstract void build(Shape sequencesShape);

  @Override
  protected void buildFromCall(CallArgs args) {
    List<Tensor> init = args.kwTensors("initial_state");
    if (init == null) {
      super.buildFromCall(args);
      return;
    }
    Shape seq = args.tensor(0).shape();
    build(seq);
    JsonArray states = new JsonArray();
    for (Tensor t : init) {
      states.add(Config.shapeJson(t.shape()));
    }
    JsonObject dict = new JsonObject();
    dict.add("sequences_shape", Config.shapeJson(seq));
    dict.add("initial_state_shape", states);
    JsonObject bc = new JsonObject();
    bc.add("shapes_dict", dict);
    markBuilt(bc);
  }

  @Override
  protected void buildFromShapesDict(Config shapesDict) {
    build(shapesDict.getShape("sequences_shape"));
  }

  @Override
  protected boolean callTakesMask() {
    return true;
  }
}
