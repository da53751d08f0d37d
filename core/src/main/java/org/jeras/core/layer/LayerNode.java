package org.jeras.core.layer;

import java.util.List;

/** One symbolic call of a layer: the arguments it was called with and the outputs it produced. */
public record LayerNode(Layer layer, CallArgs args, List<org.jeras.core.tensor.Tensor> outputs) {}
