package org.jeras.saving.h5;

import io.jhdf.checksum.ChecksumUtils;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A little-endian byte builder for the HDF5 structures {@link H5Writer} lays out. */
final class ByteSink {
  /** HDF5's "undefined address": all bits set. */
  static final long UNDEFINED = -1L;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  ByteSink u8(int v) {
    out.write(v & 0xff);
    return this;
  }

  ByteSink u16(int v) {
    return u8(v).u8(v >>> 8);
  }

  ByteSink u32(long v) {
    return u16((int) v).u16((int) (v >>> 16));
  }

  ByteSink u64(long v) {
    return u32(v).u32(v >>> 32);
  }

  ByteSink bytes(byte[] b) {
    out.write(b, 0, b.length);
    return this;
  }

  ByteSink ascii(String s) {
    return bytes(s.getBytes(StandardCharsets.US_ASCII));
  }

  ByteSink zeros(int n) {
    for (int i = 0; i < n; i++) {
      out.write(0);
    }
    return this;
  }

  /** Appends the Jenkins lookup3 checksum of everything written so far, as HDF5 v2 structures end. */
  ByteSink checksum() {
    return u32(ChecksumUtils.checksum(out.toByteArray()) & 0xffffffffL);
  }

  int size() {
    return out.size();
  }

  byte[] toByteArray() {
    return out.toByteArray();
  }
}
