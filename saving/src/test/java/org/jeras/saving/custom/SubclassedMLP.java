package org.jeras.saving.custom;

import java.util.ArrayList;
import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.Layer;
import org.jeras.core.model.Model;
import org.jeras.core.tensor.Tensor;
import org.jeras.layers.core.Dense;

/**
 * The fixtures' subclassed model {@code fixtures>SubclassedMLP} (fixture_custom.py): ReLU
 * {@code Dense} layers {@code hidden_<i>} then a linear {@code head}, tracked as the Python
 * attributes {@code hidden} (a list) and {@code head}.
 */
public final class SubclassedMLP extends Model {
  private final int[] hiddenUnits;
  private final int outputUnits;
  private final List<Layer> hidden = new ArrayList<>();
  private final Layer head;

  public SubclassedMLP(int[] hiddenUnits, int outputUnits) {
    this.hiddenUnits = hiddenUnits.clone();
    this.outputUnits = outputUnits;
    for (int i = 0; i < hiddenUnits.length; i++) {
      hidden.add(new Dense(hiddenUnits[i], "relu").setName("hidden_" + i));
    }
    track("hidden", hidden);
    head = track("head", new Dense(outputUnits).setName("head"));
  }

  public static SubclassedMLP fromConfig(Config c) {
    int[] hidden = c.isSet("hidden_units") ? c.getInts("hidden_units") : new int[] {8, 6};
    return new SubclassedMLP(hidden, c.getInt("output_units", 3)).withBaseConfig(c);
  }

  @Override
  public String module() {
    return "fixture_custom";
  }

  @Override
  public String registeredName() {
    return "fixtures>SubclassedMLP";
  }

  @Override
  protected Tensor call(Tensor input, CallContext ctx) {
    Tensor x = input;
    for (Layer l : hidden) {
      x = l.apply(x);
    }
    return head.apply(x);
  }

  @Override
  public Config getConfig() {
    return super.getConfig().putInts("hidden_units", hiddenUnits).put("output_units", outputUnits);
  }
}
