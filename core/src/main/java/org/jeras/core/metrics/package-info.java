/**
 * Keras's stateful metrics ({@code keras.metrics}): {@link org.jeras.core.metrics.Mean} and
 * {@link org.jeras.core.metrics.MeanMetricWrapper} for running means of per-sample values, a shared
 * confusion-matrix update for Precision, Recall and AUC, and
 * {@link org.jeras.core.metrics.Metrics#get} for compile-config metric strings.
 */
package org.jeras.core.metrics;
