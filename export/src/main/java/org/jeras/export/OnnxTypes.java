package org.jeras.export;

import ai.onnxruntime.platform.Fp16Conversions;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jeras.export.onnx.Onnx.TensorProto;
import org.jeras.core.tensor.DType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Conversions between Jeras dtypes and arrays and ONNX's element types and tensors. */
final class OnnxTypes {
  private OnnxTypes() {}

  /** ONNX's {@code TensorProto.DataType} of {@code dtype}. */
  static int elemType(DType dtype) {
    return switch (dtype) {
      case FLOAT32 -> TensorProto.DataType.FLOAT_VALUE;
      case FLOAT64 -> TensorProto.DataType.DOUBLE_VALUE;
      case FLOAT16 -> TensorProto.DataType.FLOAT16_VALUE;
      case BFLOAT16 -> TensorProto.DataType.BFLOAT16_VALUE;
      case INT8 -> TensorProto.DataType.INT8_VALUE;
      case UINT8 -> TensorProto.DataType.UINT8_VALUE;
      case INT16 -> TensorProto.DataType.INT16_VALUE;
      case INT32 -> TensorProto.DataType.INT32_VALUE;
      case INT64 -> TensorProto.DataType.INT64_VALUE;
      case BOOL -> TensorProto.DataType.BOOL_VALUE;
      case STRING -> TensorProto.DataType.STRING_VALUE;
    };
  }

  /** The Jeras dtype of ONNX element type {@code elemType}. */
  static DType dtype(int elemType) {
    for (DType d : DType.values()) {
      if (elemType(d) == elemType) {
        return d;
      }
    }
    throw new IllegalArgumentException("No Jeras dtype for ONNX element type " + elemType);
  }

  /** {@code array} as a tensor with raw little-endian data. */
  static TensorProto tensor(String name, INDArray array) {
    DType dtype = DType.of(array.dataType());
    if (dtype == DType.STRING) {
      throw new IllegalArgumentException("Cannot write " + dtype.kerasName() + " array '" + name + "' to ONNX yet");
    }
    INDArray c = array.dup('c');
    long n = c.length();
    ByteBuffer buf = ByteBuffer.allocate((int) (n * width(dtype))).order(ByteOrder.LITTLE_ENDIAN);
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
      // Half floats as their 16-bit patterns (ONNX's raw_data for FLOAT16 and BFLOAT16).
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
    TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(elemType(dtype));
    for (long d : c.shape()) {
      t.addDims(d);
    }
    return t.setRawData(ByteString.copyFrom(buf.array())).build();
  }

  /** A scalar (rank 0) of {@code dtype} holding {@code value}. */
  static TensorProto scalar(String name, double value, DType dtype) {
    INDArray s = Nd4j.scalar(value).castTo(dtype.nd4j());
    return tensor(name, s);
  }

  /** A 1-d int64 tensor. */
  static TensorProto longs(String name, long... values) {
    return tensor(name, Nd4j.createFromArray(values));
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
