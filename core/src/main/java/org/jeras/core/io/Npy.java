package org.jeras.core.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.Untrusted;
import org.jeras.core.tensor.StringArrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Numpy's {@code .npy} format (version 1.0/2.0, C or Fortran order) for numeric and bool arrays. */
public final class Npy {
  private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([^']+)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order':\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

  private Npy() {}

  /**
   * Parses one {@code .npy} payload; {@code name} (e.g. {@code file.npz:x.npy}) is used in errors.
   *
   * @param bytes the payload
   * @param name the payload's name in errors
   * @return the array
   */
  public static INDArray read(byte[] bytes, String name) {
    String where = Untrusted.quote(name);
    ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    if (bytes.length < 10 || (bytes[0] & 0xff) != 0x93 || bytes[1] != 'N' || bytes[2] != 'U') {
      throw new ConfigException(where + " is not a .npy array");
    }
    int major = bytes[6];
    if (major < 1 || major > 3 || (major > 1 && bytes.length < 12)) {
      throw new ConfigException(where + ": unsupported .npy version " + major);
    }
    long headerLen = major == 1 ? Short.toUnsignedInt(buf.getShort(8)) : Integer.toUnsignedLong(buf.getInt(8));
    int offset = major == 1 ? 10 : 12;
    if (offset + headerLen > bytes.length) {
      throw new ConfigException(where + ": truncated .npy header (declares " + headerLen + " bytes, "
          + (bytes.length - offset) + " follow)");
    }
    String header = new String(bytes, offset, (int) headerLen, StandardCharsets.ISO_8859_1);
    String descr = find(DESCR, header, where);
    boolean fortran = "True".equals(find(FORTRAN, header, where));
    long[] shape = shape(find(SHAPE, header, where), where);
    if (descr.length() < 2 || "<>|=".indexOf(descr.charAt(0)) < 0) {
      throw new ConfigException(where + ": unsupported .npy dtype " + Untrusted.quote(descr));
    }
    ByteOrder order = descr.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    String kind = descr.substring(1);
    if (kind.startsWith("U")) {
      return unicode(bytes, offset + (int) headerLen, shape, fortran, kind, order, where);
    }
    DataType type = switch (kind) {
      case "f4" -> DataType.FLOAT;
      case "f8" -> DataType.DOUBLE;
      case "f2" -> DataType.HALF;
      case "i4" -> DataType.INT;
      case "i8" -> DataType.LONG;
      case "i2" -> DataType.SHORT;
      case "i1" -> DataType.BYTE;
      case "u1" -> DataType.UBYTE;
      case "b1" -> DataType.BOOL;
      default -> throw new ConfigException(where + ": unsupported .npy dtype " + Untrusted.quote(descr));
    };
    int width = type.width();
    int start = offset + (int) headerLen;
    long available = (bytes.length - start) / width;
    long n = Arrays.stream(shape).anyMatch(d -> d == 0) ? 0 : 1;
    for (int i = 0; i < shape.length && n > 0 && n <= available; i++) {
      n *= shape[i]; // each dimension is below 2^31, so this cannot overflow before exceeding `available`
    }
    if (n > available) {
      throw new ConfigException(where + ": declares shape " + Arrays.toString(shape) + " of " + descr
          + " but holds only " + (bytes.length - start) + " data bytes");
    }
    ByteBuffer data = ByteBuffer.wrap(bytes, start, (int) (n * width)).slice().order(order);
    INDArray out;
    char ord = fortran ? 'f' : 'c';
    switch (type) {
      case FLOAT -> {
        float[] v = new float[(int) n];
        data.asFloatBuffer().get(v);
        out = Nd4j.create(v, shape, ord);
      }
      case DOUBLE -> {
        double[] v = new double[(int) n];
        data.asDoubleBuffer().get(v);
        out = Nd4j.create(v, shape, ord);
      }
      case INT -> {
        int[] v = new int[(int) n];
        data.asIntBuffer().get(v);
        out = Nd4j.createFromArray(v).reshape(ord, shape);
      }
      case LONG -> {
        long[] v = new long[(int) n];
        data.asLongBuffer().get(v);
        out = Nd4j.createFromArray(v).reshape(ord, shape);
      }
      default -> {
        double[] v = new double[(int) n];
        for (int i = 0; i < n; i++) {
          v[i] = switch (type) {
            case SHORT -> data.getShort(i * 2);
            case BYTE -> data.get(i);
            case UBYTE, BOOL -> data.get(i) & 0xff;
            case HALF -> halfToFloat(data.getShort(i * 2));
            default -> throw new IllegalStateException();
          };
        }
        out = Nd4j.create(v, shape, ord).castTo(type);
      }
    }
    return shape.length == 0 ? out.reshape() : out;
  }

  /**
   * A numpy unicode array ({@code <Un}: n UTF-32 code points per element, NUL-padded) as an ND4J
   * string array, so that files of string inputs and outputs (lookup and text layers) read back.
   */
  private static INDArray unicode(byte[] bytes, int start, long[] shape, boolean fortran, String kind,
      ByteOrder order, String where) {
    int chars;
    try {
      chars = Integer.parseInt(kind.substring(1));
    } catch (NumberFormatException e) {
      throw new ConfigException(where + ": unsupported .npy dtype " + Untrusted.quote(kind));
    }
    long width = 4L * chars;
    long available = width == 0 ? Integer.MAX_VALUE : (bytes.length - start) / width;
    long n = Arrays.stream(shape).anyMatch(d -> d == 0) ? 0 : 1;
    for (int i = 0; i < shape.length && n > 0 && n <= available; i++) {
      n *= shape[i]; // each dimension is below 2^31, so this cannot overflow before exceeding `available`
    }
    if (chars < 0 || n > available) {
      throw new ConfigException(where + ": declares shape " + Arrays.toString(shape) + " of <" + kind
          + " but holds only " + (bytes.length - start) + " data bytes");
    }
    ByteBuffer data = ByteBuffer.wrap(bytes, start, (int) (n * width)).slice().order(order);
    String[] values = new String[(int) n];
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.setLength(0);
      for (int k = 0; k < chars; k++) {
        int cp = data.getInt((int) (i * width + 4L * k));
        if (cp == 0) {
          break;
        }
        if (!Character.isValidCodePoint(cp)) {
          throw new ConfigException(where + ": element " + i + " holds an invalid code point " + cp);
        }
        sb.appendCodePoint(cp);
      }
      values[i] = sb.toString();
    }
    if (fortran && shape.length > 1) {
      // element i in Fortran order goes to the row-major position of the same multi-index
      String[] c = new String[values.length];
      long[] idx = new long[shape.length];
      for (int i = 0; i < values.length; i++) {
        long rem = i;
        for (int d = 0; d < shape.length; d++) {
          idx[d] = rem % shape[d];
          rem /= shape[d];
        }
        long pos = 0;
        for (int d = 0; d < shape.length; d++) {
          pos = pos * shape[d] + idx[d];
        }
        c[(int) pos] = values[i];
      }
      values = c;
    }
    return StringArrays.of(shape, values);
  }

  /**
   * Serializes {@code a} as a C-order little-endian {@code .npy} (version 1.0).
   *
   * @param a the array
   * @return the {@code .npy} bytes
   * @throws IOException if writing fails
   */
  public static byte[] write(INDArray a) throws IOException {
    String descr = switch (a.dataType()) {
      case FLOAT -> "<f4";
      case DOUBLE -> "<f8";
      case INT -> "<i4";
      case LONG -> "<i8";
      case BOOL -> "|b1";
      default -> throw new IllegalArgumentException("Cannot write dtype " + a.dataType() + " to .npy");
    };
    StringBuilder shape = new StringBuilder();
    for (long d : a.shape()) {
      shape.append(d).append(", ");
    }
    String s = a.rank() == 1 ? shape.toString().trim() : shape.toString().replaceAll(", $", "");
    StringBuilder header = new StringBuilder("{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + s + "), }");
    while ((10 + header.length() + 1) % 64 != 0) {
      header.append(' ');
    }
    header.append('\n');
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
    out.write(header.length() & 0xff);
    out.write((header.length() >> 8) & 0xff);
    out.write(header.toString().getBytes(StandardCharsets.ISO_8859_1));
    INDArray c = a.dup('c');
    long n = c.length();
    ByteBuffer buf = ByteBuffer.allocate((int) (n * a.dataType().width())).order(ByteOrder.LITTLE_ENDIAN);
    switch (a.dataType()) {
      case FLOAT -> buf.asFloatBuffer().put(c.data().asFloat());
      case DOUBLE -> buf.asDoubleBuffer().put(c.data().asDouble());
      case INT -> buf.asIntBuffer().put(c.data().asInt());
      case LONG -> buf.asLongBuffer().put(c.data().asLong());
      default -> {
        int[] v = c.castTo(DataType.INT).data().asInt();
        for (int x : v) {
          buf.put((byte) x);
        }
      }
    }
    out.write(buf.array());
    return out.toByteArray();
  }

  private static String find(Pattern p, String header, String where) {
    Matcher m = p.matcher(header);
    if (!m.find()) {
      throw new ConfigException(where + ": malformed .npy header " + Untrusted.quote(header));
    }
    return m.group(1);
  }

  /** The dimensions of a header's shape tuple: non-negative integers below 2^31. */
  private static long[] shape(String text, String where) {
    String t = text.trim();
    if (t.isEmpty()) {
      return new long[0];
    }
    String[] parts = t.split(",", -1);
    int count = parts[parts.length - 1].isBlank() ? parts.length - 1 : parts.length;
    long[] shape = new long[count];
    for (int i = 0; i < count; i++) {
      String d = parts[i].trim();
      long v;
      try {
        v = Long.parseLong(d.endsWith("L") ? d.substring(0, d.length() - 1) : d);
      } catch (NumberFormatException e) {
        throw new ConfigException(where + ": .npy shape (" + Untrusted.escape(t, Untrusted.MAX_CHARS)
            + ") has a non-numeric dimension " + Untrusted.quote(d));
      }
      if (v < 0 || v > Integer.MAX_VALUE) {
        throw new ConfigException(where + ": .npy shape (" + Untrusted.escape(t, Untrusted.MAX_CHARS)
            + ") has an invalid dimension " + v);
      }
      shape[i] = v;
    }
    return shape;
  }

  private static float halfToFloat(short h) {
    int bits = h & 0xffff;
    int sign = (bits >>> 15) << 31;
    int exp = (bits >>> 10) & 0x1f;
    int mant = bits & 0x3ff;
    if (exp == 0) {
      return (sign == 0 ? 1 : -1) * mant * 0x1p-24f;
    }
    if (exp == 31) {
      return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
    }
    return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
  }
}
