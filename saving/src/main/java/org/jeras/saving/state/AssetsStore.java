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

  /**
   * An assets store rooted at directory {@code root}.
   *
   * @param root the assets directory
   */
  public AssetsStore(Path root) {
    try {
      this.root = root.toAbsolutePath().normalize();
    } catch (RuntimeException e) {
      throw new UncheckedIOException(new IOException("Invalid assets root " + root, e));
    }
  }

  /** {@return the assets directory} */
  public Path root() {
    return root;
  }

  /**
   * {@return the directory for {@code innerPath}, created when missing ("" is the root)}
   *
   * @param innerPath the saveable's path in the state walk
   * @throws IOException if the directory cannot be created
   */
  public Path make(String innerPath) throws IOException {
    Path p = resolve(innerPath);
    Files.createDirectories(p);
    return p;
  }

  /**
   * {@return the directory for {@code innerPath} when it exists}
   *
   * @param innerPath the saveable's path in the state walk
   */
  public Optional<Path> get(String innerPath) {
    Path p = resolve(innerPath);
    return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
  }

  /**
   * {@return whether a directory exists for {@code innerPath}}
   *
   * @param innerPath the saveable's path in the state walk
   */
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
