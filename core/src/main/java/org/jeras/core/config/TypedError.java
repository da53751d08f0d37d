package org.jeras.core.config;

/**
 * Marks Jeras's typed errors: exceptions whose one-line message already says what is wrong with an
 * input, a config value or a file (and names the layer path, key or member), so a tool may show
 * the message alone. Anything else reaching a caller is a bug or a resource limit.
 */
public interface TypedError {}
