/**
 * Standalone inference artifacts, as Keras's {@code model.export} and {@code keras.export.ExportArchive}:
 * the forward pass of a model or of any inference function over tracked layers, traced into an
 * {@link org.jeras.core.graph.OpGraph} and lowered to ONNX (served by ONNX Runtime without the
 * model's classes) or to a TensorFlow SavedModel (loaded by TensorFlow and TensorFlow Serving).
 *
 * <h2>API</h2>
 * <ul>
 *   <li>{@link org.jeras.export.Exporter#export(org.jeras.core.model.Model, java.nio.file.Path,
 *       org.jeras.export.ExportFormat, org.jeras.core.graph.TensorSpec...)}: endpoint {@code serve},
 *       the model's inference call on its input signature with a dynamic batch dimension.</li>
 *   <li>{@link org.jeras.export.ExportArchive}: {@code track(layer)}, {@code addEndpoint(name, fn,
 *       inputSignature...)} (traced when added), {@code addVariableCollection(name, variables)},
 *       {@code writeOut(dir)} or {@code writeOut(dir, format)}, {@code describe()} (the endpoints as Keras
 *       prints them after writing a SavedModel).</li>
 *   <li>{@link org.jeras.export.ExportedModel#load(java.nio.file.Path)}: {@code endpoint(name).call(...)}
 *       with positional or named arrays, {@code variables(name)}, {@code endpointNames()} and
 *       {@code describe()} (the signatures as Keras prints them).</li>
 * </ul>
 *
 * <h2>Archive layout</h2>
 * An archive is a directory:
 * <pre>
 * manifest.json             format "jeras-onnx-archive", version 1, opset, endpoints, variable_collections
 * NAME.onnx                 one self-contained ONNX model per endpoint (weights as initializers)
 * variables/COLLECTION.npz  one numpy archive per variable collection, keyed by variable path
 * </pre>
 * Each manifest endpoint lists its file and its inputs and outputs ({@code name}, {@code dtype},
 * {@code shape} with {@code null} for a dynamic dimension); each collection lists its file and its
 * variable paths in order. Inputs are named {@code args_0, args_1, ...} unless the signature names
 * them, outputs {@code output_0, ...}. Every endpoint file runs alone in any ONNX runtime.
 *
 * <h2>ONNX</h2>
 * Opset 17 (IR version 8). The classes are generated at build time from ONNX's own
 * {@code onnx.proto} (vendored in {@code src/main/onnx} with its license; the build copy is given the
 * Java package {@code org.jeras.export.onnx}, since nd4j-api ships classes in the schema's default
 * package). Dynamic dimensions are symbolic ({@code batch} for axis 0). Jeras's channels_last
 * convolutions and poolings are lowered as transposes around ONNX's channels_first operators.
 * Lowered ops: element-wise arithmetic and math, the Keras activations, softmax and log-softmax,
 * matmul and dense (Gemm), reshape, transpose, concat, slice, reverse, pad, repeat, gather
 * (Embedding), the reductions, argmax, standardize (LayerNormalization), batch normalization
 * (inference: composed arithmetic), 1-3-d convolutions (grouped and depthwise), transposed
 * convolutions, max and average pooling; dropout and noise layers are identities in inference and
 * leave no op; the fused LSTM sequence becomes ONNX's LSTM (gates reordered), GRU and SimpleRNN
 * export unrolled over their (static) time steps. Not yet: sparsemax, masks computed from input
 * masks (causal masks are constants and export).
 * An op without a lowering fails the export with an {@link org.jeras.export.ExportException} listing
 * the ops and layers.
 *
 * <h2>TensorFlow SavedModel</h2>
 * The same graph lowered by {@code TfLowering} to a TensorFlow function (one rule per op; TensorFlow
 * is channels_last like Jeras; LSTMs unrolled), written by {@code SavedModelWriter} as Keras's export
 * writes it: {@code saved_model.pb} (tag {@code serve}: the function library, the saved object graph
 * with the variable lists, the collections, one function per endpoint and the {@code signatures},
 * signature defs over graph placeholders, a saver) and the checkpoint {@code variables/variables.index}
 * (a LevelDB table, via the iq80 library) and {@code variables/variables.data-00000-of-00001}. The
 * generated classes are the {@code org.tensorflow.proto} ones of {@code tensorflow-core-native}'s plain
 * jar (no native code).
 */
package org.jeras.export;
