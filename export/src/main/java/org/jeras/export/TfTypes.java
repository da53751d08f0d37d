package org.jeras.export;

import com.google.protobuf.ByteString;
import org.jeras.core.tensor.DType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.TensorProto;
import org.tensorflow.proto.TensorShapeProto;

/** Conversions between Jeras dtypes, shapes and arrays and TensorFlow's data types, shapes and tensors. */
final class TfTypes {
  private TfTypes() {}

  /** TensorFlow's {@code DataType} of {@code dtype}. */
  static DataType dataType(DType dtype) {
    return switch (dtype) {
      case FLOAT32 -> DataType.DT_FLOAT;
      case FLOAT64 -> DataType.DT_DOUBLE;
      case FLOAT16 -> DataType.DT_HALF;
      case BFLOAT16 -> DataType.DT_BFLOAT16;
      case INT8 -> DataType.DT_INT8;
      case UINT8 -> DataType.DT_UINT8;
      case INT16 -> DataType.DT_INT16;
      case INT32 -> DataType.DT_INT32;
      case INT64 -> DataType.DT_INT64;
      case BOOL -> DataType.DT_BOOL;
      case STRING -> DataType.DT_STRING;
    };
  }

  /** Keras's name of the TensorFlow dtype, as printed in a {@code TensorSpec}: {@code tf.float32}. */
  static String tfName(DType dtype) {
    return "tf." + dtype.kerasName();
  }

  /** A shape whose {@code -1} dimensions are unknown ({@code size: -1}). */
  static TensorShapeProto shape(long[] dims) {
    TensorShapeProto.Builder s = TensorShapeProto.newBuilder();
    for (long d : dims) {
      s.addDim(TensorShapeProto.Dim.newBuilder().setSize(d < 0 ? -1 : d));
    }
    return s.build();
  }

  /** A shape of unknown rank. */
  static TensorShapeProto unknownRank() {
    return TensorShapeProto.newBuilder().setUnknownRank(true).build();
  }

  /** {@code array} as a tensor with its bytes in {@code tensor_content}; {@code what} names it in errors. */
  static TensorProto tensor(INDArray array, String what) {
    return TensorProto.newBuilder()
        .setDtype(dataType(DType.of(array.dataType())))
        .setTensorShape(shape(array.shape()))
        .setTensorContent(ByteString.copyFrom(RawBytes.of(array, what)))
        .build();
  }

  /** A scalar (rank 0) of {@code dtype} holding {@code value}. */
  static TensorProto scalar(double value, DType dtype) {
    return tensor(Nd4j.scalar(value).castTo(dtype.nd4j()), "scalar");
  }

  /** A 1-d int32 tensor (shapes, axes, permutations). */
  static TensorProto ints(long... values) {
    int[] v = new int[values.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = Math.toIntExact(values[i]);
    }
    return tensor(Nd4j.createFromArray(v), "ints");
  }

  /** A string scalar or vector (checkpoint tensor names). */
  static TensorProto strings(long[] shape, String... values) {
    TensorProto.Builder t = TensorProto.newBuilder().setDtype(DataType.DT_STRING).setTensorShape(shape(shape));
    for (String v : values) {
      t.addStringVal(ByteString.copyFromUtf8(v));
    }
    return t.build();
  }
}
