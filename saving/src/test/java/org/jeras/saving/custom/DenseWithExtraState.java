package org.jeras.saving.custom;

import org.jeras.core.config.Config;
import org.jeras.core.graph.Tracer;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.Layer;
import org.jeras.core.layer.VariableStore;
import org.jeras.core.ops.LinalgOps;
import org.jeras.core.ops.MathOps;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The fixtures' {@code fixtures>DenseWithExtraState} (fixture_custom.py): {@code x @ kernel + offset}
 * where {@code offset} is plain state saved under the extra key {@code extra_offset}.
 */
public final class DenseWithExtraState extends Layer {
  static final String EXTRA_KEY = "extra_offset";
  private final int units;
  private INDArray offset;
  private Variable kernel;

  public DenseWithExtraState(int units) {
    this.units = units;
    this.offset = Nd4j.zeros(DataType.FLOAT, units);
  }

  public static DenseWithExtraState fromConfig(Config c) {
    return new DenseWithExtraState(c.getInt("units")).withBaseConfig(c);
  }

  public INDArray offset() {
    return offset;
  }

  /** Sets the plain (non-variable) offset, as the fixture generator assigns {@code layer.offset}. */
  public void setOffset(INDArray value) {
    offset = value.castTo(DataType.FLOAT).reshape(units);
  }

  @Override
  public String module() {
    return "fixture_custom";
  }

  @Override
  public String registeredName() {
    return "fixtures>DenseWithExtraState";
  }

  @Override
  protected void build(Shape inputShape) {
    kernel = addWeight("kernel", new long[] {inputShape.get(inputShape.rank() - 1), units}, null);
  }

  @Override
  protected Tensor call(Tensor input, CallContext ctx) {
    return MathOps.add(LinalgOps.matmul(input, kernel.read()), Tracer.literal(Tensor.of(offset)));
  }

  @Override
  public void saveOwnVariables(VariableStore store) {
    super.saveOwnVariables(store);
    store.put(EXTRA_KEY, offset);
  }

  @Override
  public void loadOwnVariables(VariableStore store) {
    kernel.assign(store.get("0"));
    offset = store.get(EXTRA_KEY).castTo(DataType.FLOAT);
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("units", units);
  }
}
