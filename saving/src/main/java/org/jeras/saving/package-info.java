/**
 * The Keras v3 file formats: {@link org.jeras.saving.KerasFile} ({@code .keras} archives),
 * {@link org.jeras.saving.WeightsFile} ({@code .weights.h5}) and {@link org.jeras.saving.Models#load}.
 * Files are written as Keras 3.16 writes them and read with Keras's safety checks.
 */
package org.jeras.saving;
