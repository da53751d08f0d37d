package org.jeras.core.callbacks;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * TFRecord framing, as TensorFlow's event files use it: for each record, its length (uint64,
 * little-endian), the masked CRC32C of those 8 bytes, the data, and the masked CRC32C of the data.
 */
public final class TfRecords {
  private static final int MASK_DELTA = 0xa282ead8;

  private TfRecords() {}

  /**
   * TensorFlow's masked CRC32C: the CRC rotated right by 15 bits plus a constant.
   *
   * @param data the bytes
   * @param offset the first byte
   * @param length the number of bytes
   * @return the masked checksum
   */
  public static int maskedCrc(byte[] data, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(data, offset, length);
    int c = (int) crc.getValue();
    return ((c >>> 15) | (c << 17)) + MASK_DELTA;
  }

  /**
   * Writes one record.
   *
   * @param out the stream of the record file
   * @param data the record's payload
   * @throws IOException if writing fails
   */
  public static void write(OutputStream out, byte[] data) throws IOException {
    ByteBuffer header = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    header.putLong(data.length);
    header.putInt(maskedCrc(header.array(), 0, 8));
    out.write(header.array());
    out.write(data);
    out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(maskedCrc(data, 0, data.length)).array());
  }

  /**
   * Reads every record of a stream, checking both CRCs; a corrupt or truncated record fails.
   *
   * @param in the stream of a record file
   * @return the payloads, in order
   * @throws IOException if reading fails or a record is corrupt
   */
  public static List<byte[]> readAll(InputStream in) throws IOException {
    DataInputStream data = new DataInputStream(in);
    List<byte[]> records = new ArrayList<>();
    byte[] header = new byte[12];
    while (true) {
      int first = data.read();
      if (first < 0) {
        return records;
      }
      header[0] = (byte) first;
      data.readFully(header, 1, 11);
      ByteBuffer h = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
      long length = h.getLong(0);
      if (h.getInt(8) != maskedCrc(header, 0, 8)) {
        throw new IOException("TFRecord " + records.size() + ": length CRC mismatch");
      }
      if (length < 0 || length > Integer.MAX_VALUE - 8) {
        throw new IOException("TFRecord " + records.size() + ": implausible length " + length);
      }
      byte[] record = new byte[(int) length];
      byte[] crc = new byte[4];
      try {
        data.readFully(record);
        data.readFully(crc);
      } catch (EOFException e) {
        throw new IOException("TFRecord " + records.size() + ": truncated", e);
      }
      if (ByteBuffer.wrap(crc).order(ByteOrder.LITTLE_ENDIAN).getInt() != maskedCrc(record, 0, record.length)) {
        throw new IOException("TFRecord " + records.size() + ": data CRC mismatch");
      }
      records.add(record);
    }
  }
}
