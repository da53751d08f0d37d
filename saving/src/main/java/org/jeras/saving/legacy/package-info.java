/**
 * Keras 2 / legacy HDF5 files: whole models written by {@code model.save("m.h5")} (Keras 3's
 * {@code legacy_h5_format}, tf.keras 2.x) and legacy weights-only files, read into Jeras models.
 */
package org.jeras.saving.legacy;
