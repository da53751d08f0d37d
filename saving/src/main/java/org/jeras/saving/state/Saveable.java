package org.jeras.saving.state;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jeras.core.layer.VariableStore;

/**
 * An object with state that the saving walk visits, as Keras's {@code KerasSaveable}: its own
 * variables go to its {@code vars} group, its files to its assets directory, and its children
 * (by attribute name) are walked in turn. Layers and optimizers are adapted by {@link Saveables};
 * other stateful objects may implement this directly.
 */
public interface Saveable {
  /** {@return the object the walk's visited set tracks, so that an object reachable twice is saved once} */
  Object target();

  /** {@return the (Python) class name; containers name their entries by its snake_case form plus a counter} */
  String className();

  /**
   * {@return the {@code name} attribute written on the {@code vars} group, or null (then the group is made
   * only when used)}
   */
  String name();

  /**
   * Keras's {@code save_own_variables}.
   *
   * @param store where to write the variables
   */
  void saveOwnVariables(VariableStore store);

  /**
   * Keras's {@code load_own_variables}; throws naming the path on any mismatch.
   *
   * @param store the saved variables
   */
  void loadOwnVariables(VariableStore store);

  /**
   * Keras's {@code save_assets}: writes files into {@code dir}.
   *
   * @param dir this object's assets directory
   * @throws IOException if writing fails
   */
  default void saveAssets(Path dir) throws IOException {}

  /**
   * Keras's {@code load_assets}: reads what {@link #saveAssets} wrote.
   *
   * @param dir this object's assets directory
   * @throws IOException if reading fails
   */
  default void loadAssets(Path dir) throws IOException {}

  /**
   * The attributes to walk, in Keras's order: each value is a saveable object, a list or map of
   * them (a container), or anything else (ignored).
   *
   * @return the named attributes
   */
  List<Map.Entry<String, Object>> children();
}
