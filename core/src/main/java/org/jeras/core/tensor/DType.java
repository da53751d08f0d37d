package org.jeras.core.tensor;

import org.nd4j.linalg.api.buffer.DataType;

/** The dtypes Jeras tensors and variables can hold, named as Keras names them. */
public enum DType {
  FLOAT16("float16", DataType.HALF),
  BFLOAT16("bfloat16", DataType.BFLOAT16),
  FLOAT32("float32", DataType.FLOAT),
  FLOAT64("float64", DataType.DOUBLE),
  INT8("int8", DataType.BYTE),
  UINT8("uint8", DataType.UBYTE),
  INT16("int16", DataType.SHORT),
  INT32("int32", DataType.INT),
  INT64("int64", DataType.LONG),
  BOOL("bool", DataType.BOOL),
  STRING("string", DataType.UTF8);

  private final String kerasName;
  private final DataType nd4j;

  DType(String kerasName, DataType nd4j) {
    this.kerasName = kerasName;
    this.nd4j = nd4j;
  }

  /** Keras's name of this dtype, e.g. {@code "float32"}. */
  public String kerasName() {
    return kerasName;
  }

  public DataType nd4j() {
    return nd4j;
  }

  public boolean isFloating() {
    return this == FLOAT16 || this == BFLOAT16 || this == FLOAT32 || this == FLOAT64;
  }

  /** The dtype with Keras name {@code name}; throws for names Jeras does not know. */
  public static DType of(String name) {
    for (DType d : values()) {
      if (d.kerasName.equals(name)) {
        return d;
      }
    }
    throw new IllegalArgumentException("Unknown dtype '" + name + "'");
  }

  public static DType of(DataType type) {
    for (DType d : values()) {
      if (d.nd4j == type) {
        return d;
      }
    }
    throw new IllegalArgumentException("No Keras dtype for ND4J type " + type);
  }
}
