package org.jeras.core.tensor;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** ND4J string ({@link DType#STRING}, UTF8) arrays to and from Java strings in row-major order. */
public final class StringArrays {
  private StringArrays() {}

  /**
   * {@return a string array of {@code shape} holding {@code values} in row-major order}
   *
   * @param shape the shape
   * @param values the values
   */
  public static INDArray of(long[] shape, String... values) {
    // ND4J 1.0.0-M2.1 writes each char as one byte and reads UTF-8 back: hand it the UTF-8 bytes
    // as Latin-1 chars so non-ASCII text round-trips.
    String[] bytes = new String[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = new String(values[i].getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }
    return Nd4j.create(Arrays.asList(bytes), shape, 'c');
  }

  /**
   * {@return the strings of a UTF8 array in row-major order; numbers are refused}
   *
   * @param a the array
   */
  public static String[] values(INDArray a) {
    if (a.dataType() != DataType.UTF8) {
      throw new IllegalArgumentException("Expected a string tensor, got " + a.dataType());
    }
    String[] out = new String[Math.toIntExact(a.length())];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.getString(i);
    }
    return out;
  }

  /**
   * {@return a copy of a string array (or view)} ND4J's own {@code dup()} re-encodes non-ASCII
   * strings wrongly, so string copies go through Java strings.
   *
   * @param a the array
   */
  public static INDArray copy(INDArray a) {
    return of(a.shape(), values(a));
  }
}
