package org.jeras.saving.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.Untrusted;
import org.jeras.core.io.LoadLimits;
import org.jeras.saving.UnsafeFileException;

/**
 * A Keras v3 model archive opened for reading: a {@code .keras} zip (stored or deflated members)
 * or the unzipped directory form ({@code config.json}, {@code metadata.json},
 * {@code model.weights.h5}, {@code assets/}). Member names, sizes and expansion ratios are
 * checked before anything is allocated.
 */
public final class KerasArchive implements AutoCloseable {
  /** The archive member holding the model's config. */
  public static final String CONFIG = "config.json";
  /** The archive member holding Keras's version and the save date. */
  public static final String METADATA = "metadata.json";
  /** The archive member holding the weights in HDF5. */
  public static final String WEIGHTS_H5 = "model.weights.h5";
  /** The archive member of the NumPy weights format (read-only; Keras writes HDF5 by default). */
  public static final String WEIGHTS_NPZ = "model.weights.npz";
  /** The archive directory holding the assets of layers that save files. */
  public static final String ASSETS = "assets";

  private final Path path;
  private final ZipFile zip;
  private final ArchiveLimits limits;
  private final List<String> members = new ArrayList<>();
  private Path extractedAssets;

  private KerasArchive(Path path, ZipFile zip, ArchiveLimits limits) {
    this.path = path;
    this.zip = zip;
    this.limits = limits;
  }

  /**
   * Opens a {@code .keras} zip or a directory holding an unzipped model.
   *
   * @param path a {@code .keras} file or a model directory
   * @param limits the size and count limits to enforce
   * @return the opened archive
   */
  public static KerasArchive open(Path path, ArchiveLimits limits) {
    if (Files.isDirectory(path)) {
      if (!Files.isRegularFile(path.resolve(CONFIG))) {
        throw new ConfigException("Directory '" + path + "' holds no " + CONFIG);
      }
      KerasArchive a = new KerasArchive(path, null, limits);
      try (var s = Files.list(path)) {
        s.map(p -> p.getFileName().toString()).sorted().forEach(a.members::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return a;
    }
    ZipFile zip;
    try {
      zip = new ZipFile(path.toFile(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException("Cannot open '" + path + "' as a .keras zip archive: " + e.getMessage(), e);
    }
    KerasArchive a = new KerasArchive(path, zip, limits);
    try {
      Set<String> seen = new HashSet<>();
      for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
        ZipEntry e = en.nextElement();
        String name = MemberNames.check(e.getName());
        if (!seen.add(name)) {
          throw new UnsafeFileException("Not allowed: archive '" + path + "' holds member " + Untrusted.quote(name) + " twice");
        }
        a.checkDeclaredSize(e);
        a.members.add(name);
      }
    } catch (RuntimeException e) {
      a.close();
      throw e;
    }
    return a;
  }

  /**
   * Opens with the limits of the {@code jeras.load.*} system properties ({@link ArchiveLimits#current()}).
   *
   * @param path a {@code .keras} file or a model directory
   * @return the opened archive
   */
  public static KerasArchive open(Path path) {
    return open(path, ArchiveLimits.current());
  }

  /** {@return the file or directory this archive was opened from} */
  public Path path() {
    return path;
  }

  /**
   * Member names in archive order (file names for the directory form).
   *
   * @return the member names
   */
  public List<String> members() {
    return List.copyOf(members);
  }

  /**
   * {@return whether the archive has member {@code member}}
   *
   * @param member a member name, e.g. {@link #CONFIG}
   */
  public boolean has(String member) {
    if (zip == null) {
      return Files.exists(path.resolve(MemberNames.check(member)));
    }
    return zip.getEntry(member) != null;
  }

  /**
   * {@return the declared size of {@code member} in bytes (its file size in the directory form), or 0 when
   * absent}
   *
   * @param member a member name
   */
  public long size(String member) {
    MemberNames.check(member);
    try {
      if (zip == null) {
        Path f = path.resolve(member);
        return Files.isRegularFile(f) ? Files.size(f) : 0;
      }
      ZipEntry e = zip.getEntry(member);
      return e == null ? 0 : Math.max(e.getSize(), 0);
    } catch (IOException e) {
      throw new ConfigException("Cannot read the size of " + Untrusted.quote(member) + " in '" + path + "'", e);
    }
  }

  /** {@return the text of {@code config.json}} */
  public String configJson() {
    return new String(read(CONFIG), StandardCharsets.UTF_8);
  }

  /** {@return the text of {@code metadata.json}, when present (Keras never requires it)} */
  public Optional<String> metadataJson() {
    return has(METADATA) ? Optional.of(new String(read(METADATA), StandardCharsets.UTF_8)) : Optional.empty();
  }

  /**
   * Reads one member into memory after checking its declared size against the limits and the bytes found.
   *
   * @param member a member name
   * @return the member's bytes
   */
  public byte[] read(String member) {
    MemberNames.check(member);
    try {
      if (zip == null) {
        Path f = path.resolve(member);
        if (!Files.isRegularFile(f)) {
          throw new ConfigException("Missing '" + member + "' in model directory '" + path + "'");
        }
        long size = Files.size(f);
        if (size > limits.maxMemberBytes()) {
          throw new UnsafeFileException("Not allowed: '" + f + "' has " + size + " bytes, over the limit of "
              + limits.maxMemberBytes());
        }
        LoadLimits.checkHeap(size, "'" + f + "'");
        return Files.readAllBytes(f);
      }
      ZipEntry e = zip.getEntry(member);
      if (e == null) {
        throw new ConfigException("Missing member " + Untrusted.quote(member) + " in archive '" + path + "'");
      }
      long declared = checkDeclaredSize(e);
      try (InputStream in = zip.getInputStream(e)) {
        return readExactly(in, declared, member);
      }
    } catch (IOException ex) {
      throw new ConfigException("Cannot read member " + Untrusted.quote(member) + " of '" + path + "': "
          + Untrusted.quote(String.valueOf(ex.getMessage())), ex);
    }
  }

  /** {@return whether the archive has any file under {@code assets/}} */
  public boolean hasAssets() {
    if (zip == null) {
      return Files.isDirectory(path.resolve(ASSETS));
    }
    return members.stream().anyMatch(m -> m.startsWith(ASSETS + "/"));
  }

  /**
   * The {@code assets} directory: the directory form's own, or the zip's {@code assets/} members
   * extracted into a temporary directory deleted on {@link #close()}; empty when there are none.
   *
   * @return the assets directory, or empty when the archive has no assets
   */
  public Optional<Path> assetsDir() {
    if (!hasAssets()) {
      return Optional.empty();
    }
    if (zip == null) {
      return Optional.of(path.resolve(ASSETS));
    }
    if (extractedAssets == null) {
      extractedAssets = extractAssets();
    }
    return Optional.of(extractedAssets.resolve(ASSETS));
  }

  private Path extractAssets() {
    Path tmp = null;
    try {
      tmp = Files.createTempDirectory("jeras-assets");
      Path root = tmp.toRealPath();
      long total = 0;
      List<String> assets = members.stream().filter(m -> m.startsWith(ASSETS + "/") && !m.endsWith("/")).toList();
      for (String m : assets) {
        total += checkDeclaredSize(zip.getEntry(m));
        if (total > limits.maxTotalBytes()) {
          throw new UnsafeFileException("Not allowed: archive '" + path + "' extracts to more than "
              + limits.maxTotalBytes() + " bytes");
        }
      }
      LoadLimits.checkDiskSpace(root, total, "Extracting the assets of '" + path + "'");
      for (String m : assets) {
        ZipEntry e = zip.getEntry(m);
        long declared = e.getSize();
        Path target = root.resolve(m).normalize();
        if (!target.startsWith(root)) {
          throw new UnsafeFileException("Not allowed: archive member " + Untrusted.quote(m) + " escapes the extraction directory");
        }
        Files.createDirectories(target.getParent());
        try (InputStream in = zip.getInputStream(e)) {
          Files.write(target, readExactly(in, declared, m));
        }
      }
      return root;
    } catch (IOException ex) {
      deleteTree(tmp);
      throw new ConfigException("Cannot extract the assets of '" + path + "': " + ex.getMessage(), ex);
    } catch (RuntimeException ex) {
      deleteTree(tmp);
      throw ex;
    }
  }

  private long checkDeclaredSize(ZipEntry e) {
    long size = e.getSize();
    long stored = e.getCompressedSize();
    String member = Untrusted.quote(e.getName());
    if (size < 0 || stored < 0) {
      throw new UnsafeFileException("Not allowed: archive member " + member + " of '" + path
          + "' does not declare its size");
    }
    if (size > limits.maxMemberBytes()) {
      throw new UnsafeFileException("Not allowed: archive member " + member + " of '" + path + "' declares "
          + size + " bytes, over the limit of " + limits.maxMemberBytes() + " (system property jeras.load.maxArrayBytes)");
    }
    if (e.getMethod() != ZipEntry.STORED && LoadLimits.isBomb(size, stored, limits.maxExpansion())) {
      throw new UnsafeFileException("Not allowed: archive member " + member + " of '" + path + "' declares "
          + size + " bytes but only " + stored + " are stored; refusing a potential decompression bomb"
          + " (system property jeras.load.maxExpansion)");
    }
    return size;
  }

  private byte[] readExactly(InputStream in, long declared, String member) throws IOException {
    String what = "Archive member " + Untrusted.quote(member) + " of '" + path + "'";
    byte[] out = LoadLimits.newBytes(declared, what);
    int off = 0;
    for (int n; off < out.length && (n = in.read(out, off, out.length - off)) > 0; ) {
      off += n;
    }
    if (off < out.length) {
      throw new ConfigException(what + " holds " + off + " bytes but declares " + declared);
    }
    if (in.read() >= 0) {
      throw new UnsafeFileException("Not allowed: archive member " + Untrusted.quote(member) + " of '" + path
          + "' holds more than its declared " + declared + " bytes");
    }
    return out;
  }

  @Override
  public void close() {
    try {
      if (zip != null) {
        zip.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteTree(extractedAssets);
      extractedAssets = null;
    }
  }

  static void deleteTree(Path root) {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.delete(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
          Files.delete(dir);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      // A leftover temporary directory is not worth failing a load for.
    }
  }
}
