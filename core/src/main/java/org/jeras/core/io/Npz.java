package org.jeras.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.Untrusted;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Numpy's {@code .npz} archives (a zip of {@code .npy} members), read and written in member order.
 * Reading checks each member's declared size against {@link LoadLimits} before inflating it and
 * never inflates more than it declares.
 */
public final class Npz {
  private Npz() {}

  /**
   * The arrays of an {@code .npz}, keyed by name without the {@code .npy} suffix.
   *
   * @param path the file
   * @return the arrays by name
   * @throws IOException if reading fails
   */
  public static Map<String, INDArray> read(Path path) throws IOException {
    String source = path.toString();
    Map<String, INDArray> out = new LinkedHashMap<>();
    ZipFile zip;
    try {
      zip = new ZipFile(path.toFile());
    } catch (IOException e) {
      throw new ConfigException(Untrusted.quote(source) + " is not an .npz (zip) archive: " + e);
    }
    try (zip) {
      for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
        ZipEntry e = en.nextElement();
        String name = e.getName();
        if (!name.endsWith(".npy")) {
          continue;
        }
        String where = Untrusted.quote(source + ":" + name);
        long declared = e.getSize();
        long stored = e.getCompressedSize();
        if (declared < 0 || stored < 0) {
          throw new ConfigException("Member " + where + " does not declare its size");
        }
        if (e.getMethod() != ZipEntry.STORED && LoadLimits.isBomb(declared, stored, LoadLimits.maxExpansion())) {
          throw new ConfigException("Not allowed: member " + where + " declares " + declared + " bytes but only "
              + stored + " are stored; refusing a potential decompression bomb (system property jeras.load.maxExpansion)");
        }
        byte[] bytes = LoadLimits.newBytes(declared, "Member " + where);
        try (InputStream in = zip.getInputStream(e)) {
          readFully(in, bytes, where);
        } catch (ZipException ex) {
          throw new ConfigException("Cannot inflate member " + where + ": " + ex.getMessage());
        }
        out.put(name.substring(0, name.length() - 4), Npy.read(bytes, source + ":" + name));
      }
    } catch (IllegalArgumentException | IllegalStateException | IOException e) {
      // java.util.zip reports malformed names and headers this way.
      throw new ConfigException("Cannot read " + Untrusted.quote(source) + " as an .npz archive: " + e.getMessage());
    }
    return out;
  }

  /** Fills {@code into} from {@code in}, which must hold exactly that many bytes. */
  private static void readFully(InputStream in, byte[] into, String where) throws IOException {
    int off = 0;
    for (int r; off < into.length && (r = in.read(into, off, into.length - off)) > 0; ) {
      off += r;
    }
    if (off < into.length) {
      throw new ConfigException("Member " + where + " holds " + off + " bytes but declares " + into.length);
    }
    if (in.read() >= 0) {
      throw new ConfigException("Not allowed: member " + where + " holds more than its declared " + into.length + " bytes");
    }
  }

  /**
   * Writes {@code arrays} as an uncompressed {@code .npz}, like {@code numpy.savez}.
   *
   * @param path the file
   * @param arrays the arrays by name
   * @throws IOException if writing fails
   */
  public static void write(Path path, Map<String, INDArray> arrays) throws IOException {
    try (OutputStream out = Files.newOutputStream(path); ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, INDArray> e : arrays.entrySet()) {
        byte[] npy = Npy.write(e.getValue());
        ZipEntry entry = new ZipEntry(e.getKey() + ".npy");
        // Stored, as numpy.savez writes: a deflated member of constant data can look like a bomb.
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(npy.length);
        CRC32 crc = new CRC32();
        crc.update(npy);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(npy);
        zip.closeEntry();
      }
    }
  }
}
