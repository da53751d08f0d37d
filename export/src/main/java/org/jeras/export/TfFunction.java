package org.jeras.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jeras.core.tensor.DType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.FunctionDef;
import org.tensorflow.proto.NameAttrList;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.OpDef;
import org.tensorflow.proto.ResourceHandleProto;
import org.tensorflow.proto.TensorProto;
import org.tensorflow.proto.TensorShapeProto;

/**
 * A growing TensorFlow {@link FunctionDef}: typed arguments, nodes with fresh names, constants and
 * returned values. Inside a function a node's output is referenced as {@code node:outputArg:index},
 * so every op it may hold is listed in {@link #OUTPUTS} with the name of its (first) output
 * argument, as TensorFlow's op registry defines it.
 */
final class TfFunction {
  /** Output argument name of each op this builder can add. */
  private static final Map<String, String> OUTPUTS = Map.ofEntries(
      Map.entry("AddV2", "z"), Map.entry("Sub", "z"), Map.entry("Mul", "z"), Map.entry("RealDiv", "z"),
      Map.entry("Maximum", "z"), Map.entry("Minimum", "z"), Map.entry("Pow", "z"), Map.entry("Greater", "z"),
      Map.entry("GreaterEqual", "z"), Map.entry("LessEqual", "z"), Map.entry("NotEqual", "z"),
      Map.entry("LogicalOr", "z"), Map.entry("MatMul", "product"), Map.entry("BatchMatMulV2", "output"),
      Map.entry("Neg", "y"), Map.entry("Sqrt", "y"), Map.entry("Rsqrt", "y"), Map.entry("Exp", "y"),
      Map.entry("Log", "y"), Map.entry("Abs", "y"), Map.entry("Sign", "y"), Map.entry("Reciprocal", "y"),
      Map.entry("Sigmoid", "y"), Map.entry("Tanh", "y"), Map.entry("Square", "y"), Map.entry("Log1p", "y"),
      Map.entry("Erf", "y"), Map.entry("Cast", "y"), Map.entry("Transpose", "y"),
      Map.entry("Relu", "activations"), Map.entry("Relu6", "activations"), Map.entry("Softsign", "activations"),
      Map.entry("LeakyRelu", "activations"), Map.entry("Elu", "activations"), Map.entry("Softplus", "activations"),
      Map.entry("Softmax", "softmax"), Map.entry("LogSoftmax", "logsoftmax"),
      Map.entry("ClipByValue", "output"), Map.entry("SelectV2", "output"), Map.entry("Any", "output"),
      Map.entry("Fill", "output"), Map.entry("Shape", "output"), Map.entry("Reshape", "output"),
      Map.entry("ConcatV2", "output"), Map.entry("StridedSlice", "output"), Map.entry("ReverseV2", "output"),
      Map.entry("GatherV2", "output"), Map.entry("PadV2", "output"), Map.entry("Tile", "output"),
      Map.entry("ExpandDims", "output"), Map.entry("Squeeze", "output"), Map.entry("Sum", "output"),
      Map.entry("Mean", "output"), Map.entry("Max", "output"), Map.entry("Min", "output"),
      Map.entry("ArgMax", "output"), Map.entry("BiasAdd", "output"), Map.entry("Conv2D", "output"),
      Map.entry("Conv3D", "output"), Map.entry("DepthwiseConv2dNative", "output"),
      Map.entry("Conv2DBackpropInput", "output"), Map.entry("Conv3DBackpropInputV2", "output"),
      Map.entry("MaxPool", "output"), Map.entry("AvgPool", "output"), Map.entry("MaxPool3D", "output"),
      Map.entry("AvgPool3D", "output"), Map.entry("Identity", "output"), Map.entry("Const", "output"),
      Map.entry("ReadVariableOp", "value"), Map.entry("StatefulPartitionedCall", "output"),
      Map.entry("TopKV2", "values"), Map.entry("Cumsum", "out"), Map.entry("Equal", "z"));

  private final FunctionDef.Builder fn = FunctionDef.newBuilder();
  private final List<TensorShapeProto> inputShapes = new ArrayList<>();
  private int counter;

  TfFunction(String name) {
    fn.getSignatureBuilder().setName(name).setIsStateful(true);
  }

  /** Adds a tensor argument; returns its reference. */
  String input(String name, DType dtype, long[] shape) {
    fn.getSignatureBuilder().addInputArg(OpDef.ArgDef.newBuilder().setName(name).setType(TfTypes.dataType(dtype)));
    fn.putArgAttr(inputShapes.size(), FunctionDef.ArgAttrs.newBuilder()
        .putAttr("_user_specified_name", AttrValue.newBuilder().setS(utf8(name)).build())
        .putAttr("_output_shapes", AttrValue.newBuilder().setList(AttrValue.ListValue.newBuilder()
            .addShape(TfTypes.shape(shape))).build())
        .build());
    inputShapes.add(TfTypes.shape(shape));
    return name;
  }

  /** Adds a resource argument (a captured variable's handle) of {@code dtype} and {@code shape}. */
  String resource(String name, DType dtype, long[] shape) {
    fn.getSignatureBuilder().addInputArg(OpDef.ArgDef.newBuilder().setName(name).setType(DataType.DT_RESOURCE)
        .addHandleData(ResourceHandleProto.DtypeAndShape.newBuilder().setDtype(TfTypes.dataType(dtype))
            .setShape(TfTypes.shape(shape))));
    fn.putArgAttr(inputShapes.size(), FunctionDef.ArgAttrs.newBuilder()
        .putAttr("_user_specified_name", AttrValue.newBuilder().setS(utf8("resource")).build()).build());
    inputShapes.add(TensorShapeProto.getDefaultInstance());
    return name;
  }

  /** A fresh node name with {@code hint} in it. */
  String fresh(String hint) {
    return hint + "_" + counter++;
  }

  /** Adds node {@code op} over {@code inputs}; returns the reference of its first output. */
  String node(String op, List<String> inputs, Map<String, AttrValue> attrs) {
    String out = OUTPUTS.get(op);
    if (out == null) {
      throw new IllegalStateException("TfFunction does not know the outputs of TensorFlow op " + op);
    }
    String name = fresh(op.toLowerCase());
    fn.addNodeDef(NodeDef.newBuilder().setName(name).setOp(op).addAllInput(inputs).putAllAttr(attrs));
    return name + ":" + out + ":0";
  }

  /** Adds a {@code Const} node holding {@code value}; returns its reference. */
  String constant(TensorProto value) {
    return node("Const", List.of(), Map.of("value", AttrValue.newBuilder().setTensor(value).build(),
        "dtype", type(value.getDtype())));
  }

  /** A constant holding {@code array}. */
  String constant(INDArray array, String what) {
    return constant(TfTypes.tensor(array, what));
  }

  /** Returns {@code ref} as output {@code name} of type {@code dtype}. */
  void output(String name, DType dtype, String ref) {
    fn.getSignatureBuilder().addOutputArg(OpDef.ArgDef.newBuilder().setName(name).setType(TfTypes.dataType(dtype)));
    fn.putRet(name, ref);
  }

  FunctionDef build() {
    AttrValue.ListValue.Builder shapes = AttrValue.ListValue.newBuilder().addAllShape(inputShapes);
    fn.putAttr("_input_shapes", AttrValue.newBuilder().setList(shapes).build());
    return fn.build();
  }

  // ------------------------------------------------------------------ attribute values

  static AttrValue type(DataType t) {
    return AttrValue.newBuilder().setType(t).build();
  }

  static AttrValue type(DType t) {
    return type(TfTypes.dataType(t));
  }

  static AttrValue i(long v) {
    return AttrValue.newBuilder().setI(v).build();
  }

  static AttrValue f(double v) {
    return AttrValue.newBuilder().setF((float) v).build();
  }

  static AttrValue b(boolean v) {
    return AttrValue.newBuilder().setB(v).build();
  }

  static AttrValue s(String v) {
    return AttrValue.newBuilder().setS(utf8(v)).build();
  }

  static AttrValue ints(long... v) {
    AttrValue.ListValue.Builder l = AttrValue.ListValue.newBuilder();
    for (long x : v) {
      l.addI(x);
    }
    return AttrValue.newBuilder().setList(l).build();
  }

  static AttrValue types(List<DType> v) {
    AttrValue.ListValue.Builder l = AttrValue.ListValue.newBuilder();
    for (DType t : v) {
      l.addType(TfTypes.dataType(t));
    }
    return AttrValue.newBuilder().setList(l).build();
  }

  static AttrValue func(String name) {
    return AttrValue.newBuilder().setFunc(NameAttrList.newBuilder().setName(name)).build();
  }

  static com.google.protobuf.ByteString utf8(String s) {
    return com.google.protobuf.ByteString.copyFromUtf8(s);
  }
}
