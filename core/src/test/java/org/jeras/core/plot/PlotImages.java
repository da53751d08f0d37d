package org.jeras.core.plot;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;

/** Reads and measures the plots' PNGs for the tests. */
public final class PlotImages {
  private PlotImages() {}

  /**
   * The PNG at {@code file}, read back with ImageIO (fails the test if it is not an image). With the
   * environment variable {@code JERAS_PLOT_DIR} set, a copy is kept there to look at.
   */
  public static BufferedImage read(Path file) throws IOException {
    String keep = System.getenv("JERAS_PLOT_DIR");
    if (keep != null) {
      Files.createDirectories(Path.of(keep));
      Files.copy(file, Path.of(keep).resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }
    BufferedImage image = ImageIO.read(file.toFile());
    assertNotNull(image, file + " is not an image ImageIO can read");
    return image;
  }

  /** Fraction of pixels in the rectangle that are not white. */
  public static double inkFraction(BufferedImage image, int x0, int y0, int w, int h) {
    long ink = 0;
    for (int y = y0; y < y0 + h; y++) {
      for (int x = x0; x < x0 + w; x++) {
        if ((image.getRGB(x, y) & 0xffffff) != 0xffffff) {
          ink++;
        }
      }
    }
    return (double) ink / ((long) w * h);
  }

  /** Number of distinct RGB colours in the image. */
  public static int colours(BufferedImage image) {
    Set<Integer> seen = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        seen.add(image.getRGB(x, y) & 0xffffff);
      }
    }
    return seen.size();
  }

  /** Pixels in the rectangle within {@code tolerance} per channel of colour {@code rgb}. */
  public static int count(BufferedImage image, int rgb, int tolerance, int x0, int y0, int w, int h) {
    int n = 0;
    for (int y = y0; y < y0 + h; y++) {
      for (int x = x0; x < x0 + w; x++) {
        int p = image.getRGB(x, y);
        if (Math.abs(((p >> 16) & 255) - ((rgb >> 16) & 255)) <= tolerance
            && Math.abs(((p >> 8) & 255) - ((rgb >> 8) & 255)) <= tolerance
            && Math.abs((p & 255) - (rgb & 255)) <= tolerance) {
          n++;
        }
      }
    }
    return n;
  }

  /**
   * Number of separate groups of columns holding a dark vertical run at least {@code minRun} pixels
   * long: the plot frames' sides (and a graph's box sides) show up as such runs, text does not.
   */
  public static int darkVerticalRuns(BufferedImage image, int minRun) {
    int groups = 0;
    boolean inGroup = false;
    for (int x = 0; x < image.getWidth(); x++) {
      int run = 0;
      int best = 0;
      for (int y = 0; y < image.getHeight(); y++) {
        int p = image.getRGB(x, y);
        int lum = (((p >> 16) & 255) + ((p >> 8) & 255) + (p & 255)) / 3;
        run = lum < 160 ? run + 1 : 0;
        best = Math.max(best, run);
      }
      boolean hit = best >= minRun;
      if (hit && !inGroup) {
        groups++;
      }
      inGroup = hit;
    }
    return groups;
  }
}
