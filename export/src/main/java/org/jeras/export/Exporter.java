package org.jeras.export;

import java.nio.file.Path;
import java.util.List;
import org.jeras.core.graph.ModelSignature;
import org.jeras.core.graph.TensorSpec;
import org.jeras.core.layer.CallArgs;
import org.jeras.core.layer.CallContext;
import org.jeras.core.model.Model;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;

/**
 * Keras's {@code model.export(path, format, input_signature)}: writes the model's inference call
 * (training=false) as endpoint {@code serve} of an {@link ExportArchive}.
 */
public final class Exporter {
  private Exporter() {}

  /**
   * Exports {@code model} to {@code path} as ONNX on the model's own input signature (dynamic batch).
   *
   * @param model the built model to export
   * @param path the file to write
   */
  public static void export(Model model, Path path) {
    export(model, path, ExportFormat.ONNX);
  }

  /**
   * Exports {@code model} to {@code path} in {@code format}; {@code inputSignature} defaults to the
   * model's inputs with a dynamic batch dimension. Returns the archive written (its
   * {@link ExportArchive#describe} lists the endpoint as Keras prints it).
   *
   * @param model the built model to export
   * @param path the file or directory to write
   * @param format the export format
   * @param inputSignature one spec per model input; none for the model's own inputs
   * @return the archive written
   */
  public static ExportArchive export(Model model, Path path, ExportFormat format, TensorSpec... inputSignature) {
    if (!model.isBuilt()) {
      throw new IllegalArgumentException("The model provided has not yet been built. It must be built before export.");
    }
    TensorSpec[] sig = inputSignature.length > 0 ? inputSignature : signature(model).toArray(new TensorSpec[0]);
    for (TensorSpec s : sig) {
      if (s.dtype() == DType.STRING) {
        throw new ExportException("Cannot export to " + format + ": input '" + s.name() + "' is a string tensor; the"
            + " layers that take text (lookups, hashing, text vectorization) compute in Java, not with ops a graph holds");
      }
    }
    ExportArchive archive = new ExportArchive();
    archive.track(model);
    archive.addEndpoint("serve", args -> serve(model, args), sig);
    archive.writeOut(path, format);
    return archive;
  }

  /** The model's inference call on positional inputs. */
  static List<Tensor> serve(Model model, List<Tensor> args) {
    CallArgs call = args.size() == 1 ? CallArgs.of(args.get(0)) : CallArgs.ofList(args);
    return model.apply(call, CallContext.INFERENCE);
  }

  /**
   * {@return the model's input signature with the batch dimension unknown ({@link ModelSignature#of})}
   *
   * @param model a built model
   */
  public static List<TensorSpec> signature(Model model) {
    return ModelSignature.of(model);
  }
}
