package org.jeras.saving;

import org.jeras.core.config.ConfigException;

/**
 * A file refused for safety: zip members escaping the archive, decompression or shape bombs, HDF5
 * links or external storage, or serialized code loaded in safe mode. The message names the member
 * or path at fault.
 */
public class UnsafeFileException extends ConfigException {
  /**
   * A refusal with a one-line message naming the file member or config key at fault.
   *
   * @param message why the file was refused
   */
  public UnsafeFileException(String message) {
    super(message);
  }
}
