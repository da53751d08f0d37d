/**
 * The {@code .keras} zip: reading (stored or deflated members, or the unzipped directory form) with
 * member-name and size checks, and writing member for member as Python's {@code zipfile} does for
 * Keras, with {@code config.json} and {@code metadata.json} in {@code json.dumps} form.
 */
package org.jeras.saving.archive;
