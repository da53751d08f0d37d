package org.jeras.core.layer;

/**
 * Marks a Keras {@code Operation} that a functional graph records as a node but that is not a
 * Keras {@code Layer} (e.g. {@code keras.ops.not_equal} from a mask computation): it is part of
 * the model's config but, as in Keras's {@code model.layers}, not of {@code Model.layers()} (so
 * the saving walk gives it no entry).
 */
public interface GraphOperation {}
