/**
 * Keras's losses ({@code keras.losses}): {@link org.jeras.core.losses.Loss} holds the reduction
 * machinery of Keras's {@code Loss.__call__}; each subclass holds one loss's math and config keys.
 * {@link org.jeras.core.losses.Losses#get} resolves compile-config entries (strings and dicts).
 */
package org.jeras.core.losses;
