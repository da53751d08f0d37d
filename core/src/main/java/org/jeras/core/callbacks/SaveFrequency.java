package org.jeras.core.callbacks;

/**
 * Keras's {@code save_freq}: {@code "epoch"} (at each epoch end) or every N training batches,
 * counted across epochs. Mutable: it counts the batches since the last save.
 */
final class SaveFrequency {
  private final int batches;
  private int sinceLastSave;

  private SaveFrequency(int batches) {
    this.batches = batches;
  }

  static SaveFrequency epoch() {
    return new SaveFrequency(0);
  }

  static SaveFrequency everyBatches(int n) {
    if (n <= 0) {
      throw new IllegalArgumentException("Unrecognized save_freq: " + n + ". Expected save_freq are 'epoch' or integer values");
    }
    return new SaveFrequency(n);
  }

  /** Parses {@code "epoch"} or a positive integer given as text. */
  static SaveFrequency parse(String value) {
    if ("epoch".equals(value)) {
      return epoch();
    }
    try {
      return everyBatches(Integer.parseInt(value));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Unrecognized save_freq: " + value + ". Expected save_freq are 'epoch' or integer values");
    }
  }

  boolean perEpoch() {
    return batches == 0;
  }

  void reset() {
    sinceLastSave = 0;
  }

  /** Counts one finished batch; true when a save is due. */
  boolean batchEnded() {
    if (perEpoch()) {
      return false;
    }
    if (++sinceLastSave >= batches) {
      sinceLastSave = 0;
      return true;
    }
    return false;
  }

  @Override
  public String toString() {
    return perEpoch() ? "epoch" : Integer.toString(batches);
  }
}
