package org.jeras.export;

import ai.onnxruntime.platform.Fp16Conversions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jeras.core.tensor.DType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An array's elements as little-endian bytes in C order, the raw layout both ONNX tensors and
 * TensorFlow tensors and checkpoints store.
 */
final class RawBytes {
  private RawBytes() {}

  /** The bytes of {@code array}; {@code what} names it in the error for a dtype with no fixed-width layout here. */
  static byte[] of(INDArray array, String what) {
    DType dtype = DType.of(array.dataType());
    if (dtype == DType.STRING) {
      throw new IllegalArgumentException("Cannot write " + dtype.kerasName() + " array '" + what + "' yet");
    }
    INDArray c = array.dup('c');
    ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(c.length() * width(dtype))).order(ByteOrder.LITTLE_ENDIAN);
    switch (dtype) {
      case FLOAT32 -> {
        for (float f : c.data().asFloat()) {
          buf.putFloat(f);
        }
      }
      case FLOAT64 -> {
        for (double d : c.data().asDouble()) {
          buf.putDouble(d);
        }
      }
      case INT64 -> {
        for (long l : c.data().asLong()) {
          buf.putLong(l);
        }
      }
      case INT32 -> {
        for (int i : c.data().asInt()) {
          buf.putInt(i);
        }
      }
      case INT16 -> {
        for (int i : c.data().asInt()) {
          buf.putShort((short) i);
        }
      }
      // Half floats as their 16-bit patterns (ONNX's raw_data, TensorFlow's DT_HALF / DT_BFLOAT16 bytes).
      case FLOAT16 -> {
        for (float f : c.castTo(DataType.FLOAT).data().asFloat()) {
          buf.putShort(Fp16Conversions.floatToFp16(f));
        }
      }
      case BFLOAT16 -> {
        for (float f : c.castTo(DataType.FLOAT).data().asFloat()) {
          buf.putShort(Fp16Conversions.floatToBf16(f));
        }
      }
      case INT8, UINT8, BOOL -> {
        for (int i : c.castTo(DataType.INT).data().asInt()) {
          buf.put((byte) i);
        }
      }
      default -> throw new IllegalStateException(dtype.toString());
    }
    return buf.array();
  }

  private static int width(DType d) {
    return switch (d) {
      case FLOAT64, INT64 -> 8;
      case FLOAT32, INT32 -> 4;
      case INT16, FLOAT16, BFLOAT16 -> 2;
      default -> 1;
    };
  }
}
