package org.jeras.core.callbacks;

/**
 * What a callback is told about the run it is part of (Keras's {@code callback.params}).
 *
 * @param verbose the verbosity given to {@code fit}/{@code evaluate}/{@code predict} (0, 1 or 2)
 * @param epochs the number of epochs ({@code 1} for evaluate and predict)
 * @param steps the batches per epoch, or -1 when unknown (a source without a length)
 */
public record CallbackParams(int verbose, int epochs, int steps) {}
