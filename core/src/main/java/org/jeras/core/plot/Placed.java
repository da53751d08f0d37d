package org.jeras.core.plot;

import static org.jeras.core.plot.BoxStyle.BORDER;
import static org.jeras.core.plot.BoxStyle.CELL;
import static org.jeras.core.plot.BoxStyle.CELL_BOLD;
import static org.jeras.core.plot.BoxStyle.PAD;
import static org.jeras.core.plot.BoxStyle.TITLE;
import static org.jeras.core.plot.BoxStyle.TITLE_BOLD;
import static org.jeras.core.plot.BoxStyle.height;
import static org.jeras.core.plot.BoxStyle.width;

import java.awt.font.FontRenderContext;

/** A box (measured in points) or a long arrow's waypoint, with its rank and place (top left corner). */
final class Placed {
  /** Width of the lane a long arrow takes through a rank it crosses. */
  static final double LANE = 12;
  /** The label of the activation's row, as Keras's. */
  static final String ACTIVATION = "Activation: ";

  final LayerGraph.Box box;
  final double titleH;
  /** Height of the activation's row (0 without one). */
  final double activationH;
  final double cellH;
  final double[] cellW;
  double w;
  double h;
  double x;
  double y;
  int rank;
  double order;

  Placed(LayerGraph.Box box, FontRenderContext frc) {
    this.box = box;
    String rest = box.title().substring(box.boldTitle().length());
    double titleW = width(box.boldTitle(), TITLE_BOLD, frc) + width(rest, TITLE, frc) + 2 * PAD;
    titleH = height(TITLE_BOLD, frc) + 2 * PAD;
    cellW = new double[box.cells().size()];
    double cellsW = 0;
    for (int i = 0; i < cellW.length; i++) {
      LayerGraph.Cell c = box.cells().get(i);
      cellW[i] = width(c.label(), CELL, frc) + width(c.value(), CELL_BOLD, frc) + 2 * PAD;
      cellsW += cellW[i];
    }
    cellH = cellW.length == 0 ? 0 : height(CELL_BOLD, frc) + 2 * PAD;
    double activationW = 0;
    if (box.activation() != null) {
      activationW = width(ACTIVATION, CELL, frc) + width(box.activation(), CELL_BOLD, frc) + 2 * PAD;
      activationH = height(CELL_BOLD, frc) + 2 * PAD;
    } else {
      activationH = 0;
    }
    w = Math.max(Math.max(titleW, cellsW), activationW) + 2 * BORDER;
    // As Graphviz's table, cells share out the width the title row leaves over.
    for (int i = 0; i < cellW.length; i++) {
      cellW[i] += (w - 2 * BORDER - cellsW) / cellW.length;
    }
    h = titleH + activationH + cellH + 2 * BORDER;
  }

  /** A waypoint of a long arrow in {@code rank}: a narrow lane the boxes of the rank leave free. */
  Placed(int rank, boolean lr) {
    box = null;
    titleH = 0;
    activationH = 0;
    cellH = 0;
    cellW = new double[0];
    w = lr ? 0 : LANE;
    h = lr ? LANE : 0;
    this.rank = rank;
  }
}
