package org.jeras.core.losses;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import java.util.Locale;
import org.jeras.core.config.Serialization;
import org.jeras.core.tensor.Shape;

/** Resolves the loss of a compile config as Keras's {@code compile_utils.get_loss} does. */
public final class Losses {
  private Losses() {}

  /**
   * The loss for a compile-config entry: a string ({@code "mse"}, {@code "CategoricalCrossentropy"},
   * a registered custom name) or a Keras dict. {@code "crossentropy"} / {@code "ce"} pick binary,
   * sparse or categorical crossentropy from the shapes. A loss resolved from a string keeps it as
   * its {@link Loss#alias()}, so it serializes back to the same string.
   *
   * @param identifier the compile-config entry
   * @param yTrueShape the targets' shape, to resolve {@code "crossentropy"}
   * @param yPredShape the predictions' shape, likewise
   * @return the loss
   */
  public static Loss get(JsonElement identifier, Shape yTrueShape, Shape yPredShape) {
    if (identifier != null && identifier.isJsonPrimitive() && identifier.getAsJsonPrimitive().isString()) {
      return get(identifier.getAsString(), yTrueShape, yPredShape);
    }
    return Serialization.deserialize(identifier, Loss.class);
  }

  /**
   * The loss for a string in a compile config; {@code "crossentropy"} / {@code "ce"} pick binary, sparse or
   * categorical crossentropy from the shapes, as Keras does.
   *
   * @param identifier the loss's name
   * @param yTrueShape the targets' shape
   * @param yPredShape the predictions' shape
   * @return the loss
   */
  public static Loss get(String identifier, Shape yTrueShape, Shape yPredShape) {
    String lower = identifier.toLowerCase(Locale.ROOT);
    if (!lower.equals("crossentropy") && !lower.equals("ce")) {
      return Serialization.deserialize(new JsonPrimitive(identifier), Loss.class);
    }
    Loss chosen;
    if (isBinary(yPredShape)) {
      chosen = new BinaryCrossentropy();
    } else if (isSparseCategorical(yTrueShape, yPredShape)) {
      chosen = new SparseCategoricalCrossentropy();
    } else {
      chosen = new CategoricalCrossentropy();
    }
    return chosen.withName(identifier).withAlias(identifier);
  }

  /**
   * Keras's {@code is_binary_or_sparse_categorical}, binary part: y_pred's last dim is 1.
   *
   * @param yPred the predictions' shape
   * @return whether the predictions have a last dimension of 1
   */
  public static boolean isBinary(Shape yPred) {
    return yPred.rank() > 0 && yPred.get(-1) == 1;
  }

  /**
   * Keras's test for sparse labels: y_true has lower rank, or a last dim of 1 against several classes.
   *
   * @param yTrue the targets' shape
   * @param yPred the predictions' shape
   * @return whether the labels are integer class indices
   */
  public static boolean isSparseCategorical(Shape yTrue, Shape yPred) {
    return yTrue.rank() < yPred.rank()
        || (yTrue.rank() > 0 && yPred.rank() > 0 && yTrue.get(-1) == 1 && yPred.get(-1) > 1);
  }
}
