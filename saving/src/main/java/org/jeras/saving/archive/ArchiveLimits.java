package org.jeras.saving.archive;

import org.jeras.core.io.LoadLimits;

/**
 * Bounds on what reading a {@code .keras} archive may allocate or extract.
 *
 * @param maxMemberBytes the largest member read into memory or extracted
 * @param maxTotalBytes the most bytes extracted from one archive in all
 * @param maxExpansion how much a compressed member may expand over its stored size (Keras: 100)
 */
public record ArchiveLimits(long maxMemberBytes, long maxTotalBytes, long maxExpansion) {
  /** 2 GiB per member (the weights are read into memory), 8 GiB in all, 100x expansion. */
  public static final ArchiveLimits DEFAULT = new ArchiveLimits(Integer.MAX_VALUE - 64L, 8L << 30, 100);

  /**
   * {@return the limits set by the {@code jeras.load.*} system properties ({@link LoadLimits}),
   * {@link #DEFAULT} unless set}
   */
  public static ArchiveLimits current() {
    return new ArchiveLimits(LoadLimits.maxArrayBytes(), LoadLimits.maxTotalBytes(), LoadLimits.maxExpansion());
  }
}
