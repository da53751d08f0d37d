package org.jeras.saving.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.jeras.core.config.ConfigException;

/**
 * Writes an uncompressed ("stored") zip the way Python's {@code zipfile} does when Keras saves:
 * Unix as the creating system, version 2.0, no extra fields, DOS timestamps and Unix permissions
 * per member. Members are written in the order they are added.
 */
public final class StoredZipWriter {
  /** Permissions Python's zipfile gives members written from memory ({@code ?rw-------}). */
  public static final int MEMORY_MODE = 0600;
  /** The timestamp Python's {@code ZipFile.open(name, "w")} gives a member: 1980-01-01 00:00:00. */
  public static final LocalDateTime DOS_EPOCH = LocalDateTime.of(1980, 1, 1, 0, 0, 0);
  private static final long MAX_SIZE = 0xffffffffL;

  private final OutputStream out;
  private final List<Entry> entries = new ArrayList<>();
  private long offset;

  private record Entry(byte[] name, long crc, long size, int time, int date, int mode, long offset, boolean utf8) {}

  /**
   * A writer of a zip onto {@code out}; {@link #finish} completes it.
   *
   * @param out the stream of the zip file
   */
  public StoredZipWriter(OutputStream out) {
    this.out = out;
  }

  /**
   * Adds a member holding {@code data}.
   *
   * @param name the member name
   * @param data its bytes
   * @param time its modification time
   * @param mode its Unix permission bits
   * @throws IOException if writing fails
   */
  public void add(String name, byte[] data, LocalDateTime time, int mode) throws IOException {
    CRC32 crc = new CRC32();
    crc.update(data);
    Entry e = entry(name, crc.getValue(), data.length, time, mode);
    out.write(data);
    offset += data.length;
    entries.add(e);
  }

  /**
   * Adds a member copied from {@code file} (read twice: for the checksum, then the bytes).
   *
   * @param name the member name
   * @param file the file to copy
   * @param time its modification time
   * @param mode its Unix permission bits
   * @throws IOException if reading or writing fails
   */
  public void add(String name, Path file, LocalDateTime time, int mode) throws IOException {
    long size = Files.size(file);
    CRC32 crc = new CRC32();
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buf)) > 0; ) {
        crc.update(buf, 0, n);
      }
    }
    Entry e = entry(name, crc.getValue(), size, time, mode);
    long copied;
    try (InputStream in = Files.newInputStream(file)) {
      copied = in.transferTo(out);
    }
    if (copied != size) {
      throw new IOException("File " + file + " changed while being added to the archive");
    }
    offset += size;
    entries.add(e);
  }

  private Entry entry(String name, long crc, long size, LocalDateTime t, int mode) throws IOException {
    if (size > MAX_SIZE || offset > MAX_SIZE) {
      throw new ConfigException("Archive member '" + name + "' is too large for a zip without ZIP64 (" + size + " bytes)");
    }
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    boolean utf8 = n.length != name.length();
    int time = (t.getHour() << 11) | (t.getMinute() << 5) | (t.getSecond() / 2);
    int date = ((t.getYear() - 1980) << 9) | (t.getMonthValue() << 5) | t.getDayOfMonth();
    Entry e = new Entry(n, crc, size, time, date, mode, offset, utf8);
    ByteArrayOutputStream h = new ByteArrayOutputStream();
    u32(h, 0x04034b50);
    u16(h, 20);
    u16(h, utf8 ? 0x800 : 0);
    u16(h, 0); // stored
    u16(h, time);
    u16(h, date);
    u32(h, crc);
    u32(h, size);
    u32(h, size);
    u16(h, n.length);
    u16(h, 0);
    h.write(n);
    out.write(h.toByteArray());
    offset += h.size();
    return e;
  }

  /**
   * Writes the central directory; the stream stays open.
   *
   * @throws IOException if writing fails
   */
  public void finish() throws IOException {
    ByteArrayOutputStream c = new ByteArrayOutputStream();
    for (Entry e : entries) {
      u32(c, 0x02014b50);
      u16(c, (3 << 8) | 20); // made by Unix, version 2.0
      u16(c, 20);
      u16(c, e.utf8 ? 0x800 : 0);
      u16(c, 0);
      u16(c, e.time);
      u16(c, e.date);
      u32(c, e.crc);
      u32(c, e.size);
      u32(c, e.size);
      u16(c, e.name.length);
      u16(c, 0);
      u16(c, 0);
      u16(c, 0);
      u16(c, 0);
      u32(c, ((long) e.mode & 0xffff) << 16);
      u32(c, e.offset);
      c.write(e.name);
    }
    if (entries.size() > 0xffff || offset > MAX_SIZE) {
      throw new ConfigException("Archive too large for a zip without ZIP64");
    }
    ByteArrayOutputStream end = new ByteArrayOutputStream();
    u32(end, 0x06054b50);
    u16(end, 0);
    u16(end, 0);
    u16(end, entries.size());
    u16(end, entries.size());
    u32(end, c.size());
    u32(end, offset);
    u16(end, 0);
    out.write(c.toByteArray());
    out.write(end.toByteArray());
  }

  private static void u16(ByteArrayOutputStream b, int v) {
    b.write(v & 0xff);
    b.write((v >>> 8) & 0xff);
  }

  private static void u32(ByteArrayOutputStream b, long v) {
    u16(b, (int) (v & 0xffff));
    u16(b, (int) ((v >>> 16) & 0xffff));
  }
}
