package org.jeras.core.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.util.Map;

/** The look of Keras's layer labels as the built-in layout draws them: fonts, padding, cell colours. */
final class BoxStyle {
  static final Font TITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 16);
  static final Font TITLE_BOLD = TITLE.deriveFont(Font.BOLD);
  static final Font CELL = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
  static final Font CELL_BOLD = CELL.deriveFont(Font.BOLD);
  static final Font CLUSTER = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
  /** Keras's {@code cellpadding}. */
  static final double PAD = 10;
  /** Keras's {@code cellborder}. */
  static final double BORDER = 1;
  static final Map<String, Color> COLOURS = Map.of("white", Color.WHITE,
      LayerGraph.TRAINABLE, new Color(0x22, 0x8b, 0x22), LayerGraph.NON_TRAINABLE, new Color(0xb2, 0x22, 0x22));

  private BoxStyle() {}

  static double width(String s, Font f, FontRenderContext frc) {
    return s.isEmpty() ? 0 : f.getStringBounds(s, frc).getWidth();
  }

  static double height(Font f, FontRenderContext frc) {
    LineMetrics m = f.getLineMetrics("Ag", frc);
    return m.getAscent() + m.getDescent();
  }
}
