package org.jeras.core.plot;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/** Writes the plots' images: PNG only, so a name ending in another image extension is refused. */
public final class PngFile {
  private PngFile() {}

  /**
   * Throws if {@code file} has an extension other than {@code .png} (a name without one is fine).
   *
   * @param file the file to check
   */
  public static void checkName(Path file) {
    Path name = file.getFileName();
    String s = name == null ? "" : name.toString();
    int dot = s.lastIndexOf('.');
    if (dot > 0 && !s.substring(dot + 1).toLowerCase(Locale.ROOT).equals("png")) {
      throw new PlotException(file + ": only PNG images are written; name the file *.png");
    }
  }

  /**
   * Writes {@code image} as PNG to {@code file} (its directory must exist).
   *
   * @param image the image
   * @param file the PNG file to write
   */
  public static void write(BufferedImage image, Path file) {
    checkName(file);
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null && !Files.isDirectory(parent)) {
        throw new IOException("no such directory: " + parent);
      }
      if (!ImageIO.write(image, "png", file.toFile())) {
        throw new IOException("no PNG writer in this JVM");
      }
    } catch (IOException e) {
      throw new PlotException("Cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
