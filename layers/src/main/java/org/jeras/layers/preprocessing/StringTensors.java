package org.jeras.layers.preprocessing;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jeras.core.tensor.DType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** String ({@link DType#STRING}, ND4J UTF8) tensors to and from Java strings in row-major order. */
public final class StringTensors {
  private StringTensors() {}

  /** A string tensor of {@code shape} holding {@code values} in row-major order. */
  public static INDArray of(long[] shape, String... values) {
    // ND4J 1.0.0-M2.1 writes each char as one byte and reads UTF-8 back: hand it the UTF-8 bytes
    // as Latin-1 chars so non-ASCII text round-trips.
    String[] bytes = new String[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = new String(values[i].getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }
    return Nd4j.create(Arrays.asList(bytes), shape, 'c');
  }

  /** A rank-1 string tensor. */
  public static INDArray of(String... values) {
    return of(new long[] {values.length}, values);
  }

  /** The strings of a UTF8 tensor in row-major order; numbers are refused. */
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
}
