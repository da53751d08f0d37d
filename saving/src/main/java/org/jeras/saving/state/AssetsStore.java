package org.jeras.saving.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jeras.saving.UnsafeFileException;

/**
 * Keras's {@code DiskIOStore}: one directory per saveable path under an assets root
 * ({@code assets/layers/vocab_length_weighting}), refusing paths that leave the root.
 */
public final class AssetsStore {
  private final Path root;

  public AssetsStore(Path root) {
    try {
      this.root = root.toAbsolutePath().normalize();
    } catch (RuntimeException e) {
      throw new UncheckedIOException(new IOException("Invalid assets root " + root, e));
    }
  }

  public Path root() {
    return root;
  }

  /** The directory for {@code innerPath}, created when missing ("" is the root). */
  public Path make(String innerPath) throws IOException {
    Path p = resolve(innerPath);
    Files.createDirectories(p);
    return p;
  }

  /** The directory for {@code innerPath} when it exists. */
  public Optional<Path> get(String innerPath) {
    Path p = resolve(innerPath);
    return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
  }

  public boolean hasPath(String innerPath) {
    return Files.exists(resolve(innerPath));
  }

  private Path resolve(String innerPath) {
    if (innerPath.isEmpty()) {
      return root;
    }
    if (innerPath.indexOf('\\') >= 0 || innerPath.startsWith("/")) {
      throw new UnsafeFileException("Invalid asset path: '" + innerPath + "' escapes the asset directory.");
    }
    Path p = root.resolve(innerPath).normalize();
    if (!p.startsWith(root)) {
      throw new UnsafeFileException("Invalid asset path: '" + innerPath + "' escapes the asset directory.");
    }
    return p;
  }
}
