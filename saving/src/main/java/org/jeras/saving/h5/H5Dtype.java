package org.jeras.saving.h5;

import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.EnumDataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import java.util.Map;
import org.jeras.core.config.ConfigException;
import org.jeras.core.tensor.DType;

/**
 * HDF5 datatypes as h5py writes them for numpy arrays: little-endian IEEE floats, two's-complement
 * integers, and numpy's {@code bool} as an 8-bit enum {@code FALSE=0, TRUE=1}.
 */
final class H5Dtype {
  private H5Dtype() {}

  /** Bytes per element of {@code dtype} in the file. */
  static int size(DType dtype) {
    return switch (dtype) {
      case INT8, UINT8, BOOL -> 1;
      case INT16 -> 2;
      case FLOAT32, INT32 -> 4;
      case FLOAT64, INT64 -> 8;
      default -> throw new ConfigException("Cannot write a " + dtype.kerasName() + " dataset to HDF5");
    };
  }

  /** The datatype message body h5py writes for {@code dtype}. */
  static byte[] encode(DType dtype) {
    ByteSink b = new ByteSink();
    switch (dtype) {
      case FLOAT32 -> floating(b, 4, 31, 23, 8, 23, 127);
      case FLOAT64 -> floating(b, 8, 63, 52, 11, 52, 1023);
      case INT8, INT16, INT32, INT64 -> fixed(b, size(dtype), true);
      case UINT8 -> fixed(b, 1, false);
      case BOOL -> {
        // class 8 (enum), version 1, two members, over a signed 8-bit base type
        b.u8(0x18).u8(2).u8(0).u8(0).u32(1);
        fixed(b, 1, true);
        b.ascii("FALSE").zeros(3).ascii("TRUE").zeros(4);
        b.u8(0).u8(1);
      }
      default -> throw new ConfigException("Cannot write a " + dtype.kerasName() + " dataset to HDF5");
    }
    return b.toByteArray();
  }

  private static void fixed(ByteSink b, int bytes, boolean signed) {
    b.u8(0x10).u8(signed ? 0x08 : 0).u8(0).u8(0).u32(bytes);
    b.u16(0).u16(bytes * 8);
  }

  private static void floating(ByteSink b, int bytes, int signBit, int expLocation, int expSize,
      int mantissaSize, int bias) {
    // class 1, version 1; little-endian, implied leading mantissa bit, sign bit position
    b.u8(0x11).u8(0x20).u8(signBit).u8(0).u32(bytes);
    b.u16(0).u16(bytes * 8).u8(expLocation).u8(expSize).u8(0).u8(mantissaSize).u32(bias);
  }

  /** The Jeras dtype of a dataset read by jHDF, or a typed error naming {@code path}. */
  static DType decode(DataType t, String path) {
    if (t instanceof FloatingPoint) {
      switch (t.getSize()) {
        case 2:
          return DType.FLOAT16;
        case 4:
          return DType.FLOAT32;
        case 8:
          return DType.FLOAT64;
        default:
          break;
      }
    } else if (t instanceof FixedPoint f) {
      if (f.isSigned()) {
        switch (t.getSize()) {
          case 1:
            return DType.INT8;
          case 2:
            return DType.INT16;
          case 4:
            return DType.INT32;
          case 8:
            return DType.INT64;
          default:
            break;
        }
      } else if (t.getSize() == 1) {
        return DType.UINT8;
      }
    } else if (t instanceof EnumDataType e && isNumpyBool(e)) {
      return DType.BOOL;
    }
    throw new ConfigException("Unsupported HDF5 datatype " + t.getClass().getSimpleName() + " of " + t.getSize()
        + " bytes at '" + path + "'");
  }

  private static boolean isNumpyBool(EnumDataType e) {
    Map<Integer, String> m = e.getEnumMapping();
    return e.getSize() == 1 && m.size() == 2 && "FALSE".equals(m.get(0)) && "TRUE".equals(m.get(1));
  }
}
