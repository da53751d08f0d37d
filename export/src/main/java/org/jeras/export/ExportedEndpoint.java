package org.jeras.export;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.platform.Fp16Conversions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jeras.core.graph.TensorSpec;
import org.jeras.core.layer.IncompatibleInputException;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** One endpoint of a loaded archive, running on ONNX Runtime. */
public final class ExportedEndpoint implements AutoCloseable {
  private final String name;
  private final List<TensorSpec> inputs;
  private final List<TensorSpec> outputs;
  private final OrtEnvironment env;
  private final OrtSession session;

  ExportedEndpoint(String name, List<TensorSpec> inputs, List<TensorSpec> outputs, OrtEnvironment env,
      OrtSession session) {
    this.name = name;
    this.inputs = List.copyOf(inputs);
    this.outputs = List.copyOf(outputs);
    this.env = env;
    this.session = session;
  }

  /** {@return the endpoint's name, as given to {@code addEndpoint}} */
  public String name() {
    return name;
  }

  /** {@return the argument specs, in positional order} */
  public List<TensorSpec> inputs() {
    return inputs;
  }

  /** {@return the output specs, in output order} */
  public List<TensorSpec> outputs() {
    return outputs;
  }

  /**
   * Runs the endpoint on positional arguments.
   *
   * @param args one array per input spec, in order
   * @return every output, in output order
   */
  public List<INDArray> call(INDArray... args) {
    if (args.length != inputs.size()) {
      throw new IncompatibleInputException("Endpoint '" + name + "' takes " + inputs.size() + " arguments "
          + inputs.stream().map(TensorSpec::name).toList() + ", got " + args.length);
    }
    Map<String, INDArray> named = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      named.put(inputs.get(i).name(), args[i]);
    }
    return call(named);
  }

  /**
   * Runs the endpoint on arguments given by name.
   *
   * @param args one array per input name
   * @return every output, in output order
   */
  public List<INDArray> call(Map<String, INDArray> args) {
    Map<String, OnnxTensor> feeds = new LinkedHashMap<>();
    try {
      for (TensorSpec spec : inputs) {
        INDArray x = args.get(spec.name());
        if (x == null) {
          throw new IncompatibleInputException("Endpoint '" + name + "' needs argument '" + spec.name() + "'; given "
              + args.keySet());
        }
        feeds.put(spec.name(), tensor(spec, x));
      }
      if (args.size() != inputs.size()) {
        throw new IncompatibleInputException("Endpoint '" + name + "' takes arguments "
            + inputs.stream().map(TensorSpec::name).toList() + ", given " + args.keySet());
      }
      try (OrtSession.Result result = session.run(feeds)) {
        List<INDArray> out = new ArrayList<>();
        for (TensorSpec spec : outputs) {
          OnnxValue v = result.get(spec.name()).orElseThrow();
          out.add(array((OnnxTensor) v));
        }
        return out;
      }
    } catch (OrtException e) {
      throw new ExportException("ONNX Runtime failed on endpoint '" + name + "': " + e.getMessage(), e);
    } finally {
      feeds.values().forEach(OnnxTensor::close);
    }
  }

  private OnnxTensor tensor(TensorSpec spec, INDArray x) throws OrtException {
    long[] want = spec.shape();
    long[] got = x.shape();
    boolean ok = want.length == got.length;
    for (int i = 0; ok && i < want.length; i++) {
      ok = want[i] < 0 || want[i] == got[i];
    }
    if (!ok) {
      throw new IncompatibleInputException("Argument '" + spec.name() + "' of endpoint '" + name + "' must have shape "
          + spec.shapeString() + ", got " + Arrays.toString(got));
    }
    INDArray c = x.castTo(spec.dtype().nd4j()).dup('c');
    return switch (spec.dtype()) {
      case FLOAT32 -> OnnxTensor.createTensor(env, FloatBuffer.wrap(c.data().asFloat()), got);
      case FLOAT64 -> OnnxTensor.createTensor(env, DoubleBuffer.wrap(c.data().asDouble()), got);
      case INT64 -> OnnxTensor.createTensor(env, LongBuffer.wrap(c.data().asLong()), got);
      case INT32 -> OnnxTensor.createTensor(env, IntBuffer.wrap(c.data().asInt()), got);
      case INT16 -> OnnxTensor.createTensor(env, ShortBuffer.wrap(shorts(c.data().asInt())), got, OnnxJavaType.INT16);
      // Half floats travel as their IEEE bits; ND4J's half values are read as floats and converted.
      case FLOAT16 -> OnnxTensor.createTensor(env, Fp16Conversions.convertFloatBufferToFp16Buffer(
          FloatBuffer.wrap(c.castTo(DataType.FLOAT).data().asFloat())), got, OnnxJavaType.FLOAT16);
      case INT8 -> OnnxTensor.createTensor(env, bytes(c.data().asInt()), got, OnnxJavaType.INT8);
      case UINT8 -> OnnxTensor.createTensor(env, bytes(c.data().asInt()), got, OnnxJavaType.UINT8);
      case BOOL -> OnnxTensor.createTensor(env, bytes(c.castTo(DataType.INT).data().asInt()), got, OnnxJavaType.BOOL);
      default -> throw new IncompatibleInputException("Argument '" + spec.name() + "' of endpoint '" + name + "': dtype "
          + spec.dtype().kerasName() + " is not supported by the ONNX endpoint runner");
    };
  }

  private static short[] shorts(int[] v) {
    short[] out = new short[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (short) v[i];
    }
    return out;
  }

  /** One byte per element (the low byte: int8, uint8 and bool 0/1), in a direct buffer as ORT reads it. */
  private static ByteBuffer bytes(int[] v) {
    ByteBuffer b = ByteBuffer.allocateDirect(v.length).order(ByteOrder.nativeOrder());
    for (int x : v) {
      b.put((byte) x);
    }
    return b.flip();
  }

  private static INDArray array(OnnxTensor t) {
    long[] shape = t.getInfo().getShape();
    OnnxJavaType type = t.getInfo().type;
    return switch (type) {
      case FLOAT -> Nd4j.create(toArray(t.getFloatBuffer()), shape, 'c');
      case DOUBLE -> Nd4j.create(toArray(t.getDoubleBuffer()), shape, 'c');
      case INT64 -> Nd4j.createFromArray(toArray(t.getLongBuffer())).reshape(shape);
      case INT32 -> Nd4j.createFromArray(toArray(t.getIntBuffer())).reshape(shape);
      case INT16 -> Nd4j.createFromArray(toArray(t.getShortBuffer())).reshape(shape);
      case FLOAT16 -> Nd4j.create(toArray(Fp16Conversions.convertFp16BufferToFloatBuffer(t.getShortBuffer())), shape, 'c')
          .castTo(DataType.HALF);
      case INT8 -> Nd4j.createFromArray(toArray(t.getByteBuffer())).reshape(shape);
      case UINT8 -> Nd4j.createFromArray(toInts(t.getByteBuffer(), 0xff)).reshape(shape).castTo(DataType.UBYTE);
      case BOOL -> Nd4j.createFromArray(toInts(t.getByteBuffer(), 0xff)).reshape(shape).castTo(DataType.BOOL);
      default -> throw new ExportException("ONNX output of type " + type + " is not supported yet");
    };
  }

  private static short[] toArray(ShortBuffer b) {
    short[] a = new short[b.remaining()];
    b.get(a);
    return a;
  }

  private static byte[] toArray(ByteBuffer b) {
    byte[] a = new byte[b.remaining()];
    b.get(a);
    return a;
  }

  private static int[] toInts(ByteBuffer b, int mask) {
    int[] a = new int[b.remaining()];
    for (int i = 0; i < a.length; i++) {
      a[i] = b.get() & mask;
    }
    return a;
  }

  private static float[] toArray(FloatBuffer b) {
    float[] a = new float[b.remaining()];
    b.get(a);
    return a;
  }

  private static double[] toArray(DoubleBuffer b) {
    double[] a = new double[b.remaining()];
    b.get(a);
    return a;
  }

  private static long[] toArray(LongBuffer b) {
    long[] a = new long[b.remaining()];
    b.get(a);
    return a;
  }

  private static int[] toArray(IntBuffer b) {
    int[] a = new int[b.remaining()];
    b.get(a);
    return a;
  }

  /** {@return Keras's rendering of the signature: {@code Endpoint 'serve'} with its Args and Returns} */
  public String describe() {
    StringBuilder sb = new StringBuilder("Endpoint '").append(name).append("'\n  Args:\n");
    for (TensorSpec s : inputs) {
      sb.append("    ").append(s).append('\n');
    }
    sb.append("  Returns:\n");
    for (TensorSpec s : outputs) {
      sb.append("    ").append(s.dtype().kerasName()).append(" Tensor, shape=").append(s.shapeString()).append('\n');
    }
    return sb.toString();
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new ExportException("Cannot close the ONNX Runtime session of endpoint '" + name + "'", e);
    }
  }
}
