package org.jeras.export;

import com.google.protobuf.ByteString;
import org.jeras.export.onnx.Onnx.TensorProto;
import org.jeras.core.tensor.DType;
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

  /** {@code array} as a tensor with raw little-endian data (half floats as their 16-bit patterns). */
  static TensorProto tensor(String name, INDArray array) {
    DType dtype = DType.of(array.dataType());
    TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(elemType(dtype));
    for (long d : array.shape()) {
      t.addDims(d);
    }
    return t.setRawData(ByteString.copyFrom(RawBytes.of(array, name))).build();
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
}
