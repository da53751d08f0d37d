package org.jeras.core.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes zip files whose members declare whatever sizes a test wants (hostile archives): the
 * bytes of each member are written as given, raw deflate data included, so a small file can
 * declare gigabytes.
 */
public final class CraftedZip {
  /** One member: its stored bytes, method (0 stored, 8 deflated), declared size and CRC. */
  public record Member(String name, byte[] stored, int method, long declaredSize, long crc) {
    /** A stored member whose declared size and CRC are those of {@code data}. */
    public static Member stored(String name, byte[] data) {
      CRC32 c = new CRC32();
      c.update(data);
      return new Member(name, data, 0, data.length, c.getValue());
    }

    /** A deflated member holding {@code data} honestly. */
    public static Member deflated(String name, byte[] data) {
      CRC32 c = new CRC32();
      c.update(data);
      Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
      d.setInput(data);
      d.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[1 << 16];
      while (!d.finished()) {
        out.write(buf, 0, d.deflate(buf));
      }
      d.end();
      return new Member(name, out.toByteArray(), 8, data.length, c.getValue());
    }
  }

  private CraftedZip() {}

  /**
   * Raw deflate data inflating to {@code copies} repetitions of {@code block}: one fully flushed
   * segment repeated (each segment starts afresh), then a final empty block. Cheap to build for
   * gigabytes of output.
   */
  public static byte[] repeatedDeflate(byte[] block, int copies) {
    Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
    d.setInput(block);
    ByteArrayOutputStream seg = new ByteArrayOutputStream();
    byte[] buf = new byte[1 << 16];
    for (int n; (n = d.deflate(buf, 0, buf.length, Deflater.FULL_FLUSH)) > 0; ) {
      seg.write(buf, 0, n);
    }
    d.end();
    byte[] s = seg.toByteArray();
    byte[] out = new byte[s.length * copies + 2];
    for (int i = 0; i < copies; i++) {
      System.arraycopy(s, 0, out, i * s.length, s.length);
    }
    out[out.length - 2] = 0x03; // a final, empty block with fixed codes
    out[out.length - 1] = 0x00;
    return out;
  }

  /** Writes the members with their declared sizes in both the local and the central headers. */
  public static Path write(Path path, List<Member> members) throws IOException {
    try (OutputStream out = Files.newOutputStream(path)) {
      List<byte[]> central = new ArrayList<>();
      long offset = 0;
      for (Member m : members) {
        byte[] name = m.name().getBytes(StandardCharsets.UTF_8);
        ByteBuffer h = ByteBuffer.allocate(30 + name.length).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0x04034b50).putShort((short) 20).putShort((short) 0x800).putShort((short) m.method())
            .putShort((short) 0).putShort((short) 0x21).putInt((int) m.crc()).putInt(m.stored().length)
            .putInt((int) m.declaredSize()).putShort((short) name.length).putShort((short) 0).put(name);
        out.write(h.array());
        out.write(m.stored());
        ByteBuffer c = ByteBuffer.allocate(46 + name.length).order(ByteOrder.LITTLE_ENDIAN);
        c.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0x800)
            .putShort((short) m.method()).putShort((short) 0).putShort((short) 0x21).putInt((int) m.crc())
            .putInt(m.stored().length).putInt((int) m.declaredSize()).putShort((short) name.length)
            .putShort((short) 0).putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0)
            .putInt((int) offset).put(name);
        central.add(c.array());
        offset += h.capacity() + m.stored().length;
      }
      long cdSize = 0;
      for (byte[] c : central) {
        out.write(c);
        cdSize += c.length;
      }
      ByteBuffer end = ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN);
      end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) members.size())
          .putShort((short) members.size()).putInt((int) cdSize).putInt((int) offset).putShort((short) 0);
      out.write(end.array());
    }
    return path;
  }
}
