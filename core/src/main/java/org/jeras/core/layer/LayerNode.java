package org.jeras.core.layer;

import java.util.List;
import org.jeras.core.tensor.Tensor;

/** One symbolic call of a layer: the arguments it was called with and the outputs it produced. */
public record LayerNode(Layer layer, CallArgs args, List<Tensor> outputs) {}
