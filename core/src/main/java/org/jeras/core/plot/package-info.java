/**
 * Drawing of training curves ({@link org.jeras.core.plot.HistoryChart}) and model graphs
 * ({@link org.jeras.core.plot.LayerGraph}) into PNG files, headless (no display needed).
 */
package org.jeras.core.plot;
