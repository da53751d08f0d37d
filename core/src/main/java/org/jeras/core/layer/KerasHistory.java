package org.jeras.core.layer;

/**
 * Where a symbolic tensor came from: output {@code tensorIndex} of call {@code nodeIndex} of
 * {@code layer} (Keras's {@code keras_history}).
 */
public record KerasHistory(Layer layer, int nodeIndex, int tensorIndex) {}
