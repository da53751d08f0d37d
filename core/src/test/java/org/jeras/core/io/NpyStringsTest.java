package org.jeras.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.jeras.core.config.ConfigException;
import org.jeras.core.tensor.StringArrays;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** numpy unicode arrays ({@code <Un}, as real-Keras io files store strings) read as string arrays. */
class NpyStringsTest {
  /** A version 1.0 .npy of {@code descr} and {@code shape} over {@code data}, as numpy writes it. */
  private static byte[] npy(String descr, String shape, boolean fortran, byte[] data) {
    String header = "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': "
        + shape + ", }";
    StringBuilder h = new StringBuilder(header);
    while ((10 + h.length() + 1) % 64 != 0) {
      h.append(' ');
    }
    h.append('\n');
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
    out.writeBytes(ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) h.length()).array());
    out.writeBytes(h.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(data);
    return out.toByteArray();
  }

  private static byte[] utf32(int width, String... values) {
    ByteBuffer b = ByteBuffer.allocate(4 * width * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (String v : values) {
      int[] cps = v.codePoints().toArray();
      for (int k = 0; k < width; k++) {
        b.putInt(k < cps.length ? cps[k] : 0);
      }
    }
    return b.array();
  }

  @Test
  void readsUnicodeArraysWithNonAsciiText() {
    INDArray a = Npy.read(npy("<U4", "(2, 2)", false, utf32(4, "été", "", "cat", "🐱x")), "x.npy");
    assertArrayEquals(new long[] {2, 2}, a.shape());
    assertArrayEquals(new String[] {"été", "", "cat", "🐱x"}, StringArrays.values(a));
    INDArray f = Npy.read(npy("<U2", "(2, 2)", true, utf32(2, "a", "b", "c", "d")), "f.npy");
    assertArrayEquals(new String[] {"a", "c", "b", "d"}, StringArrays.values(f));
  }

  @Test
  void refusesTruncatedOrInvalidText() {
    assertThrows(ConfigException.class, () -> Npy.read(npy("<U3", "(4,)", false, utf32(3, "a", "b")), "t.npy"));
    byte[] bad = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0x7fffffff).array();
    assertThrows(ConfigException.class, () -> Npy.read(npy("<U1", "(1,)", false, bad), "b.npy"));
  }

  @Test
  void stringRowsKeepNonAsciiText() {
    INDArray a = StringArrays.of(new long[] {2, 2}, "été", "x", "ü", "y");
    INDArray rows = StringArrays.rows(a, 1, 2);
    assertArrayEquals(new String[] {"ü", "y"}, StringArrays.values(rows));
    assertArrayEquals(new long[] {1, 2}, rows.shape());
    assertArrayEquals(new String[] {"été", "x", "ü", "y"}, StringArrays.values(StringArrays.rows(a, 0, 2)));
    assertThrows(IllegalArgumentException.class, () -> StringArrays.values(Nd4j.zeros(DataType.FLOAT, 2)));
  }
}
