package org.jeras.saving.state;

import java.io.IOException;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jeras.core.layer.Layer;
import org.jeras.core.layer.VariableStore;
import org.jeras.core.model.Functional;
import org.jeras.core.model.Model;
import org.jeras.core.model.Sequential;
import org.jeras.core.optimizers.Optimizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Adapts layers, models and optimizers to {@link Saveable}. */
public final class Saveables {
  private static final Logger LOG = LoggerFactory.getLogger(Saveables.class);

  private Saveables() {}

  /**
   * {@return the saveable view of {@code o}, or null when {@code o} holds no saveable state}
   *
   * @param o any object of the state tree
   */
  public static Saveable of(Object o) {
    if (o instanceof Saveable s) {
      return s;
    }
    if (o instanceof Layer l) {
      return new LayerSaveable(l);
    }
    if (o instanceof Optimizer opt) {
      return new OptimizerSaveable(opt);
    }
    return null;
  }

  private record LayerSaveable(Layer layer) implements Saveable {
    @Override
    public Object target() {
      return layer;
    }

    @Override
    public String className() {
      return layer.pythonClassName();
    }

    @Override
    public String name() {
      return layer.name();
    }

    @Override
    public void saveOwnVariables(VariableStore store) {
      layer.saveOwnVariables(store);
    }

    @Override
    public void loadOwnVariables(VariableStore store) {
      layer.loadOwnVariables(store);
    }

    @Override
    public void saveAssets(Path dir) throws IOException {
      layer.saveAssets(dir);
    }

    @Override
    public void loadAssets(Path dir) throws IOException {
      layer.loadAssets(dir);
    }

    /**
     * Sequential and Functional models walk their {@code layers} first (InputLayers included only
     * for Functional, as Keras's {@code model.layers}); other models expose {@code layers} as one
     * more attribute, as Python's {@code dir(model)} does. A compiled model's optimizer is its
     * {@code optimizer} attribute.
     */
    @Override
    public List<Map.Entry<String, Object>> children() {
      List<Map.Entry<String, Object>> attrs = new ArrayList<>();
      boolean graph = layer instanceof Sequential || layer instanceof Functional;
      for (Map.Entry<String, Object> e : layer.trackedAttributes().entrySet()) {
        if (!(graph && e.getKey().equals("layers"))) {
          attrs.add(new AbstractMap.SimpleImmutableEntry<>(e.getKey(), e.getValue()));
        }
      }
      if (layer instanceof Model m && !graph && !layer.trackedAttributes().containsKey("layers")) {
        attrs.add(new AbstractMap.SimpleImmutableEntry<>("layers", m.layers()));
      }
      // compile() sets Keras's model.optimizer attribute; its state goes under "optimizer".
      if (layer instanceof Model m && m.isCompiled() && !layer.trackedAttributes().containsKey("optimizer")) {
        attrs.add(new AbstractMap.SimpleImmutableEntry<>("optimizer", m.optimizer()));
      }
      attrs.sort(Map.Entry.comparingByKey(WalkOrder.ATTRIBUTES));
      if (graph) {
        attrs.add(0, new AbstractMap.SimpleImmutableEntry<>("layers", ((Model) layer).layers()));
      }
      return attrs;
    }
  }

  /** An optimizer: its variables (iteration, learning rate, slots) and no children. */
  private record OptimizerSaveable(Optimizer optimizer) implements Saveable {
    @Override
    public Object target() {
      return optimizer;
    }

    @Override
    public String className() {
      return optimizer.className();
    }

    @Override
    public String name() {
      return optimizer.name();
    }

    @Override
    public void saveOwnVariables(VariableStore store) {
      optimizer.saveOwnVariables(store);
    }

    /** A count mismatch (typically an optimizer not built yet) is only a warning in Keras. */
    @Override
    public void loadOwnVariables(VariableStore store) {
      int have = optimizer.variables().size();
      int saved = store.keys().size();
      if (have != saved) {
        LOG.warn("Skipping variable loading for optimizer '{}', because it has {} variables whereas the saved "
            + "optimizer has {} variables. {}", optimizer.name(), have, saved,
            have == 0 ? "This is likely because the optimizer has not been called/built yet." : "");
        return;
      }
      optimizer.loadOwnVariables(store);
    }

    @Override
    public List<Map.Entry<String, Object>> children() {
      return List.of();
    }
  }
}
