package org.jeras.saving.hostile;

import java.nio.file.Path;
import org.jeras.saving.h5.H5Reader;

public class Probe {
  public static void main(String[] a) throws Exception {
    Path p = CraftedH5.gzipBomb(Path.of("/tmp/x/bomb.weights.h5"), 2048);
    System.out.println(java.nio.file.Files.size(p));
    try (H5Reader r = H5Reader.open(p)) {
      System.out.println(java.util.Arrays.toString(r.shape("layers/dense/vars/0")));
      r.dataset("layers/dense/vars/0");
    } catch (Throwable t) {
      System.out.println(t);
    }
  }
}
