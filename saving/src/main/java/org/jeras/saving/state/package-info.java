/**
 * The saving walk of Keras's {@code saving_lib}: every saveable (layer, model, optimizer) writes its
 * variables and assets at the path of the attributes leading to it, and loads them back from there.
 */
package org.jeras.saving.state;
