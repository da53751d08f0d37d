package org.jeras.layers.rnn;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import java.util.ArrayList;
import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.Serialization;
import org.jeras.core.layer.DTypePolicy;
import org.jeras.core.layer.Layer;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;

/**
 * Keras's {@code StackedRNNCells}: cells run one after the other within each time step, each on
 * the output of the one before; the output is the last cell's. The states are every cell's states
 * in cell order (Keras nests them per cell; here they are one flat list). The cells are tracked as
 * list {@code cells}, so their weights are saved under {@code <rnn>/cell/cells/<cell>/vars}.
 *
 * <p>Dropout of the inner cells is not applied: a training call with an inner cell's
 * {@code dropout} or {@code recurrent_dropout} set is refused.
 */
public class StackedRNNCells extends RecurrentCell {
  private final List<RecurrentCell> cells;

  /**
   * Keras's {@code StackedRNNCells(cells)}.
   *
   * @param cells the cells, first to last
   */
  public StackedRNNCells(List<? extends RecurrentCell> cells) {
    if (cells.isEmpty()) {
      throw new IllegalArgumentException(className() + " needs at least one cell");
    }
    this.cells = track("cells", new ArrayList<>(cells));
  }

  /** {@return the cells, first to last} */
  public List<RecurrentCell> cells() {
    return List.copyOf(cells);
  }

  @Override
  public int stateCount() {
    int n = 0;
    for (RecurrentCell c : cells) {
      n += c.stateCount();
    }
    return n;
  }

  @Override
  public long[] stateShape(int i) {
    int k = i;
    for (RecurrentCell c : cells) {
      if (k < c.stateCount()) {
        return c.stateShape(k);
      }
      k -= c.stateCount();
    }
    throw new IndexOutOfBoundsException(className() + " '" + name() + "' has " + stateCount() + " states, not " + (i + 1));
  }

  @Override
  public long[] outputShape() {
    return cells.get(cells.size() - 1).outputShape();
  }

  @Override
  public <L extends Layer> L setDtypePolicy(DTypePolicy policy) {
    for (RecurrentCell c : cells) {
      c.setDtypePolicy(policy);
    }
    return super.setDtypePolicy(policy);
  }

  /** Builds each cell for the output of the one before. */
  @Override
  protected void build(Shape stepInputShape) {
    Shape in = stepInputShape;
    for (RecurrentCell c : cells) {
      c.buildForStep(in);
      long[] out = c.outputShape();
      long[] d = new long[out.length + 1];
      d[0] = in.get(0);
      System.arraycopy(out, 0, d, 1, out.length);
      in = Shape.of(d);
    }
  }

  @Override
  protected List<Tensor> step(Tensor x, List<Tensor> states, List<Tensor> recurrentMasks) {
    Tensor in = x;
    List<Tensor> next = new ArrayList<>(states.size());
    int at = 0;
    for (RecurrentCell c : cells) {
      List<Tensor> r = c.stepRaw(in, states.subList(at, at + c.stateCount()));
      in = r.get(0);
      next.addAll(r.subList(1, r.size()));
      at += c.stateCount();
    }
    List<Tensor> result = new ArrayList<>(next.size() + 1);
    result.add(in);
    result.addAll(next);
    return result;
  }

  /** Refuses what it cannot do: the inner cells' dropout in training. */
  @Override
  protected List<Tensor> inputDropoutMasks(Tensor sequence) {
    for (RecurrentCell c : cells) {
      if (c instanceof RnnCell rc && (rc.dropout() > 0 || rc.recurrentDropout() > 0)) {
        throw new ConfigException(className() + " '" + name() + "': dropout of inner cell '" + c.name()
            + "' is not supported in training (config keys 'dropout', 'recurrent_dropout')");
      }
    }
    return null;
  }

  @Override
  public Config getConfig() {
    Config c = super.getConfig();
    JsonArray list = new JsonArray();
    for (RecurrentCell cell : cells) {
      list.add(Serialization.serialize(cell));
    }
    return c.put("cells", list);
  }

  /**
   * Rebuilds the stacked cells from their config (Keras's {@code StackedRNNCells.from_config}).
   *
   * @param c the config
   * @return the stacked cells
   */
  public static StackedRNNCells fromConfig(Config c) {
    if (!c.isSet("cells") || !c.get("cells").isJsonArray()) {
      throw new ConfigException("StackedRNNCells config needs key 'cells' holding a list of cell dicts");
    }
    List<RecurrentCell> cells = new ArrayList<>();
    for (JsonElement e : c.get("cells").getAsJsonArray()) {
      Layer l = Serialization.deserialize(e, Layer.class);
      if (!(l instanceof RecurrentCell rc)) {
        throw new ConfigException("StackedRNNCells key 'cells' must hold recurrent cells, got " + l.className());
      }
      cells.add(rc);
    }
    return new StackedRNNCells(cells).withBaseConfig(c);
  }
}
