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
   * {@return rows {@code [start, end)} of a string array, as a new array} ND4J's views and
   * {@code dup()} of string arrays lose non-ASCII text (the view's offset is ignored, the copy
   * re-encodes), so string batches are cut through Java strings.
   *
   * @param a the array (not a view)
   * @param start the first row
   * @param end the row after the last
   */
  public static INDArray rows(INDArray a, long start, long end) {
    String[] all = values(a);
    long[] shape = a.shape().clone();
    long width = shape[0] == 0 ? 0 : all.length / shape[0];
    shape[0] = end - start;
    return of(shape, Arrays.copyOfRange(all, Math.toIntExact(start * width), Math.toIntExact(end * width)));
  }
}
