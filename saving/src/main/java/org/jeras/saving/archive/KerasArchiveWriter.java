package org.jeras.saving.archive;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jeras.saving.AtomicFile;

/**
 * Writes a {@code .keras} zip member for member as Keras 3 does: {@code metadata.json} and
 * {@code config.json} (dated 1980-01-01), {@code model.weights.h5} (dated now), then every file
 * under the assets directory as {@code assets/<path>} with its own date and permissions; all
 * members stored uncompressed. The target is replaced atomically.
 */
public final class KerasArchiveWriter {
  private KerasArchiveWriter() {}

  /** Something that writes the HDF5 weights file. */
  @FunctionalInterface
  public interface Weights {
    /**
     * Writes the HDF5 weights file.
     *
     * @param out the stream of the archive member
     * @throws IOException if writing fails
     */
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Writes the archive to {@code target}; {@code assetsDir} may be null or hold no files.
   *
   * @param target the {@code .keras} file to write
   * @param configJson the text of {@code config.json}
   * @param metadata the content of {@code metadata.json}
   * @param weights what writes {@code model.weights.h5}
   * @param assetsDir the assets to store under {@code assets/}, or null
   * @param now the time stamped on the members
   * @throws IOException if writing fails
   */
  public static void write(Path target, String configJson, Metadata metadata, Weights weights, Path assetsDir,
      LocalDateTime now) throws IOException {
    Path abs = target.toAbsolutePath();
    Files.createDirectories(abs.getParent());
    Path weightsFile = Files.createTempFile(abs.getParent(), "." + abs.getFileName() + ".weights.", ".tmp");
    try {
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(weightsFile), 1 << 16)) {
        weights.writeTo(out);
      }
      AtomicFile.write(abs, out -> {
        StoredZipWriter zip = new StoredZipWriter(out);
        zip.add(KerasArchive.METADATA, metadata.toJson().getBytes(StandardCharsets.UTF_8),
            StoredZipWriter.DOS_EPOCH, StoredZipWriter.MEMORY_MODE);
        zip.add(KerasArchive.CONFIG, configJson.getBytes(StandardCharsets.UTF_8),
            StoredZipWriter.DOS_EPOCH, StoredZipWriter.MEMORY_MODE);
        zip.add(KerasArchive.WEIGHTS_H5, weightsFile, now, StoredZipWriter.MEMORY_MODE);
        if (assetsDir != null && Files.isDirectory(assetsDir)) {
          for (Path f : files(assetsDir)) {
            String rel = assetsDir.relativize(f).toString().replace('\\', '/');
            LocalDateTime mtime = LocalDateTime.ofInstant(Files.getLastModifiedTime(f).toInstant(), ZoneId.systemDefault());
            zip.add(MemberNames.check(KerasArchive.ASSETS + "/" + rel), f, mtime, mode(f));
          }
        }
        zip.finish();
      });
    } finally {
      Files.deleteIfExists(weightsFile);
    }
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }

  /** The file's Unix mode as Python's {@code os.stat} reports it (regular file bit included). */
  private static int mode(Path f) throws IOException {
    PosixFileAttributeView v = Files.getFileAttributeView(f, PosixFileAttributeView.class);
    if (v == null) {
      return 0100644;
    }
    Set<PosixFilePermission> perms = v.readAttributes().permissions();
    int mode = 0100000;
    for (PosixFilePermission p : perms) {
      mode |= 1 << (8 - p.ordinal());
    }
    return mode;
  }
}
