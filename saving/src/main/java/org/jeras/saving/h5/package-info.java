/**
 * HDF5 for Keras weights: a reader over jHDF that refuses links, external storage and shape bombs,
 * a deterministic writer whose files h5py reads as it reads Keras's, and the per-saveable
 * {@code vars} stores of Keras's {@code H5IOStore}.
 */
package org.jeras.saving.h5;
