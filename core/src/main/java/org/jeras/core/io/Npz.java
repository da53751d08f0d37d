package org.jeras.core.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.jeras.core.config.ConfigException;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Numpy's {@code .npz} archives (a zip of {@code .npy} members), read and written in member order. */
public final class Npz {
  /** Largest member Jeras will inflate, to bound memory on hostile files. */
  private static final long MAX_MEMBER_BYTES = 1L << 31;

  private Npz() {}

  /** The arrays of an {@code .npz}, keyed by name without the {@code .npy} suffix. */
  public static Map<String, INDArray> read(Path path) throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      return read(in, path.toString());
    }
  }

  public static Map<String, INDArray> read(InputStream in, String source) throws IOException {
    Map<String, INDArray> out = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(in)) {
      for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
        String name = e.getName();
        if (!name.endsWith(".npy")) {
          continue;
        }
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        byte[] chunk = new byte[1 << 16];
        long total = 0;
        for (int r; (r = zip.read(chunk)) > 0; ) {
          total += r;
          if (total > MAX_MEMBER_BYTES) {
            throw new ConfigException(source + ": member '" + name + "' is too large");
          }
          buf.write(chunk, 0, r);
        }
        out.put(name.substring(0, name.length() - 4), Npy.read(buf.toByteArray(), source + ":" + name));
      }
    }
    return out;
  }

  /** Writes {@code arrays} as an uncompressed {@code .npz}, like {@code numpy.savez}. */
  public static void write(Path path, Map<String, INDArray> arrays) throws IOException {
    try (OutputStream out = Files.newOutputStream(path); ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, INDArray> e : arrays.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
        zip.write(Npy.write(e.getValue()));
        zip.closeEntry();
      }
    }
  }
}
