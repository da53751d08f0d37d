package org.jeras.export;

import java.util.List;
import org.jeras.export.onnx.Onnx.AttributeProto;
import org.jeras.export.onnx.Onnx.GraphProto;
import org.jeras.export.onnx.Onnx.NodeProto;
import org.jeras.export.onnx.Onnx.TensorProto;
import org.jeras.export.onnx.Onnx.TensorShapeProto;
import org.jeras.export.onnx.Onnx.TypeProto;
import org.jeras.export.onnx.Onnx.ValueInfoProto;
import org.jeras.core.tensor.DType;

/** A growing ONNX graph: nodes with fresh output names, constant initializers and typed inputs/outputs. */
final class OnnxGraph {
  private final GraphProto.Builder graph = GraphProto.newBuilder();
  private int counter;

  OnnxGraph(String name) {
    graph.setName(name);
  }

  /** A fresh value name with {@code hint} in it. */
  String fresh(String hint) {
    return hint + "__" + counter++;
  }

  /** Adds node {@code opType} over {@code inputs} ("" for an absent optional input); returns its output name. */
  String node(String opType, List<String> inputs, AttributeProto... attrs) {
    String out = fresh(opType.toLowerCase());
    nodeInto(out, opType, inputs, attrs);
    return out;
  }

  /** Adds node {@code opType} writing the value named {@code output}. */
  void nodeInto(String output, String opType, List<String> inputs, AttributeProto... attrs) {
    nodeInto(List.of(output), opType, inputs, attrs);
  }

  /** Adds node {@code opType} writing the values named {@code outputs}. */
  void nodeInto(List<String> outputs, String opType, List<String> inputs, AttributeProto... attrs) {
    NodeProto.Builder n = NodeProto.newBuilder().setOpType(opType).setName(fresh("n_" + opType)).addAllOutput(outputs);
    n.addAllInput(inputs);
    for (AttributeProto a : attrs) {
      n.addAttribute(a);
    }
    graph.addNode(n);
  }

  /** Adds {@code tensor} as an initializer; returns its name. */
  String initializer(TensorProto tensor) {
    graph.addInitializer(tensor);
    return tensor.getName();
  }

  String scalar(double value, DType dtype) {
    return initializer(OnnxTypes.scalar(fresh("c"), value, dtype));
  }

  String longs(long... values) {
    return initializer(OnnxTypes.longs(fresh("shape"), values));
  }

  void input(String name, DType dtype, long[] shape) {
    graph.addInput(valueInfo(name, dtype, shape));
  }

  void output(String name, DType dtype, long[] shape) {
    graph.addOutput(valueInfo(name, dtype, shape));
  }

  GraphProto build() {
    return graph.build();
  }

  /** A tensor type whose {@code -1} dimensions are symbolic: {@code batch} for axis 0, else {@code dim_i}. */
  static ValueInfoProto valueInfo(String name, DType dtype, long[] shape) {
    TensorShapeProto.Builder s = TensorShapeProto.newBuilder();
    for (int i = 0; i < shape.length; i++) {
      TensorShapeProto.Dimension.Builder d = TensorShapeProto.Dimension.newBuilder();
      if (shape[i] < 0) {
        d.setDimParam(i == 0 ? "batch" : "dim_" + i);
      } else {
        d.setDimValue(shape[i]);
      }
      s.addDim(d);
    }
    TypeProto type = TypeProto.newBuilder()
        .setTensorType(TypeProto.Tensor.newBuilder().setElemType(OnnxTypes.elemType(dtype)).setShape(s))
        .build();
    return ValueInfoProto.newBuilder().setName(name).setType(type).build();
  }

  static AttributeProto attr(String name, long value) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
  }

  static AttributeProto attr(String name, double value) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT)
        .setF((float) value).build();
  }

  static AttributeProto attr(String name, String value) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.STRING)
        .setS(com.google.protobuf.ByteString.copyFromUtf8(value)).build();
  }

  static AttributeProto attr(String name, long[] values) {
    AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
    for (long v : values) {
      a.addInts(v);
    }
    return a.build();
  }

  static AttributeProto attr(String name, TensorProto value) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.TENSOR).setT(value).build();
  }
}
