package org.jeras.core.tensor;

import org.nd4j.linalg.api.buffer.DataType;

/** The dtypes Jeras tensors and variables can hold, named as Keras names them. */
public enum DType {
  /** 16-bit IEEE float. */
  FLOAT16("float16", DataType.HALF),
  /** 16-bit brain float. */
  BFLOAT16("bfloat16", DataType.BFLOAT16),
  /** 32-bit float, Keras's default {@code floatx}. */
  FLOAT32("float32", DataType.FLOAT),
  /** 64-bit float. */
  FLOAT64("float64", DataType.DOUBLE),
  /** Signed 8-bit integer. */
  INT8("int8", DataType.BYTE),
  /** Unsigned 8-bit integer. */
  UINT8("uint8", DataType.UBYTE),
  /** Signed 16-bit integer. */
  INT16("int16", DataType.SHORT),
  /** Signed 32-bit integer. */
  INT32("int32", DataType.INT),
  /** Signed 64-bit integer. */
  INT64("int64", DataType.LONG),
  /** Boolean. */
  BOOL("bool", DataType.BOOL),
  /** String (string lookup layers). */
  STRING("string", DataType.UTF8);

  private final String kerasName;
  private final DataType nd4j;

  DType(String kerasName, DataType nd4j) {
    this.kerasName = kerasName;
    this.nd4j = nd4j;
  }

  /** {@return Keras's name of this dtype, e.g. {@code "float32"}} */
  public String kerasName() {
    return kerasName;
  }

  /** {@return the ND4J data type of this dtype} */
  public DataType nd4j() {
    return nd4j;
  }

  /** {@return whether this is a floating-point dtype} */
  public boolean isFloating() {
    return this == FLOAT16 || this == BFLOAT16 || this == FLOAT32 || this == FLOAT64;
  }

  /**
   * The dtype with Keras name {@code name}; throws for names Jeras does not know.
   *
   * @param name a Keras dtype name
   * @return the dtype
   */
  public static DType of(String name) {
    for (DType d : values()) {
      if (d.kerasName.equals(name)) {
        return d;
      }
    }
    throw new IllegalArgumentException("Unknown dtype " + org.jeras.core.config.Untrusted.quote(name));
  }

  /**
   * {@return the dtype of an ND4J data type}
   *
   * @param type the ND4J type
   * @throws IllegalArgumentException if Keras has no such dtype
   */
  public static DType of(DataType type) {
    for (DType d : values()) {
      if (d.nd4j == type) {
        return d;
      }
    }
    throw new IllegalArgumentException("No Keras dtype for ND4J type " + type);
  }

  /**
   * The dtype Keras's {@code result_type} gives {@code a} and {@code b} (its promotion lattice):
   * bool below every number, any integer below any float, uint8 with a signed int at least int16,
   * float16 with bfloat16 float32, else the wider of the two.
   *
   * @param a a dtype
   * @param b another dtype
   * @return the promoted dtype
   */
  public static DType promote(DType a, DType b) {
    if (a == b) {
      return a;
    }
    if (a == STRING || b == STRING) {
      throw new IllegalArgumentException("Cannot promote " + a.kerasName + " with " + b.kerasName);
    }
    if (a == BOOL) {
      return b;
    }
    if (b == BOOL) {
      return a;
    }
    if (a.isFloating() != b.isFloating()) {
      return a.isFloating() ? a : b;
    }
    if (a.isFloating()) {
      if ((a == FLOAT16 && b == BFLOAT16) || (a == BFLOAT16 && b == FLOAT16)) {
        return FLOAT32;
      }
      return a.bits() >= b.bits() ? a : b;
    }
    if (a == UINT8 || b == UINT8) {
      DType signed = a == UINT8 ? b : a;
      return signed == INT8 ? INT16 : signed;
    }
    return a.bits() >= b.bits() ? a : b;
  }

  private int bits() {
    return switch (this) {
      case BOOL, INT8, UINT8 -> 8;
      case FLOAT16, BFLOAT16, INT16 -> 16;
      case FLOAT32, INT32 -> 32;
      case FLOAT64, INT64 -> 64;
      case STRING -> 0;
    };
  }
}
