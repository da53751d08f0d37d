package org.jeras.core.optimizers;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jeras.core.config.Config;
import org.jeras.core.config.KerasObject;
import org.jeras.core.config.PyNumber;
import org.jeras.core.config.Serialization;
import org.jeras.core.io.LoadLimits;
import org.jeras.core.layer.Names;
import org.jeras.core.layer.VariableStore;
import org.jeras.core.ops.MathOps;
import org.jeras.core.schedules.LearningRateSchedule;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keras's optimizer base class: the shared arguments ({@link OptimizerOptions}), the
 * {@code iteration} and {@code learning_rate} variables, slot variables, gradient clipping,
 * weight decay, gradient accumulation, EMA of the weights, constraints and saving. Subclasses add
 * only their hyper-parameters, slots ({@link #createSlots}) and update rule ({@link #updateStep}).
 *
 * <p>Updates run in place on the variables' arrays, in the variables' dtype (float32 as Keras).
 */
public abstract class Optimizer implements KerasObject, Serialization.StrictKeys {
  /** Keras's base optimizer takes {@code decay} from old configs and ignores it (with a warning). */
  private static final Set<String> IGNORED_KEYS = Set.of("decay");
  /** The Keras module optimizers are registered under. */
  public static final String MODULE = "keras.optimizers";
  private static final Logger LOG = LoggerFactory.getLogger(Optimizer.class);

  private final OptimizerOptions options;
  private final String name;
  private final List<Variable> variables = new ArrayList<>();
  private final Variable iteration;
  private Variable learningRate; // null while a schedule gives the rate
  private LearningRateSchedule schedule;
  private List<Variable> trainable; // null until built
  private final Map<Variable, Integer> indices = new IdentityHashMap<>();
  private List<Variable> averages = List.of();
  private List<Variable> accumulators = List.of();
  private Set<Variable> excludedFromDecay = Set.of();
  private Pattern excludedNames;

  /**
   * An optimizer with the arguments every optimizer takes.
   *
   * @param options the base arguments
   */
  protected Optimizer(OptimizerOptions options) {
    this.options = Objects.requireNonNull(options, "options");
    this.name = options.name() != null ? options.name() : Names.unique(Names.snakeCase(className()));
    // Keras creates both at construction, so an unbuilt optimizer already has (and saves) them.
    iteration = track(new Variable("iteration", name + "/iteration", Nd4j.scalar(DataType.INT, 0), false));
    if (options.schedule() != null) {
      schedule = options.schedule();
    } else {
      learningRate = track(newLearningRateVariable(options.learningRate()));
    }
  }

  private Variable newLearningRateVariable(double value) {
    return new Variable("learning_rate", name + "/learning_rate", Nd4j.scalar((float) value), false);
  }

  @Override
  public String module() {
    return MODULE;
  }

  /** {@return the optimizer's name, e.g. {@code "adam"}} */
  public String name() {
    return name;
  }

  @Override
  public Set<String> alwaysAllowedKeys() {
    return IGNORED_KEYS;
  }

  /** Keras's optimizers say "Argument(s) not recognized", not the layers' message. */
  @Override
  public String unrecognizedKeysMessage(String className, String kwargs) {
    return "Argument(s) not recognized: " + kwargs;
  }

  /**
   * {@return the arguments this optimizer was created with (the live learning rate is
   * {@link #learningRate()})}
   */
  public OptimizerOptions options() {
    return options;
  }

  // ---- subclass contract ----

  /**
   * Creates the per-variable slots (Keras's {@code build} after {@code super().build}).
   *
   * @param vars the variables to update, in order
   */
  protected abstract void createSlots(List<Variable> vars);

  /**
   * Updates one variable in place from its (clipped, decayed) gradient; {@code index} is the
   * variable's position in the list the optimizer was built with.
   *
   * @param index the variable's position
   * @param gradient its gradient
   * @param variable its value, updated in place
   * @param learningRate the learning rate of this update
   */
  protected abstract void updateStep(int index, INDArray gradient, INDArray variable, float learningRate);

  /**
   * Runs {@link #updateStep} for each variable; overridden where a step has shared state (Nadam).
   *
   * @param indices the positions of the variables to update
   * @param grads their gradients
   * @param learningRate the learning rate of this update
   */
  protected void updateSteps(int[] indices, List<INDArray> grads, float learningRate) {
    for (int k = 0; k < indices.length; k++) {
      updateStep(indices[k], grads.get(k), trainable.get(indices[k]).array(), learningRate);
    }
  }

  /**
   * One zero-initialized slot per variable, named {@code <var path with _>_<slot>}.
   *
   * @param vars the variables
   * @param slot the slot's name, e.g. {@code "momentum"}
   * @return the slots, one per variable
   */
  protected final List<Variable> addSlots(List<Variable> vars, String slot) {
    return addSlots(vars, new String[] {slot}, new double[] {0}).get(0);
  }

  /**
   * Slots for several names, created interleaved per variable as Keras does (so {@link #variables()}
   * reads {@code v0_momentum, v0_velocity, v1_momentum, ...}); one list per name.
   *
   * @param vars the variables
   * @param slots the slots' names
   * @param initialValues the starting value of each slot
   * @return per slot name, one slot per variable
   */
  protected final List<List<Variable>> addSlots(List<Variable> vars, String[] slots, double[] initialValues) {
    List<List<Variable>> out = new ArrayList<>();
    for (int i = 0; i < slots.length; i++) {
      out.add(new ArrayList<>());
    }
    for (Variable v : vars) {
      for (int i = 0; i < slots.length; i++) {
        String slotName = v.path().replace('/', '_') + "_" + slots[i];
        // Slots are weights too: a model loaded from a file pays for them from the same budget.
        LoadLimits.chargeWeights(v.array().shape(), v.array().dataType().width(),
            "Optimizer slot '" + name + "/" + slotName + "'", true);
        INDArray init = initialValues[i] == 0 ? Nd4j.zeros(v.array().dataType(), v.array().shape())
            : Nd4j.valueArrayOf(v.array().shape(), initialValues[i], v.array().dataType());
        out.get(i).add(track(new Variable(slotName, name + "/" + slotName, init, false)));
      }
    }
    return out;
  }

  /**
   * Adds an optimizer variable to {@link #variables()} (after all earlier ones).
   *
   * @param v the variable
   * @return {@code v}
   */
  protected final Variable track(Variable v) {
    variables.add(v);
    return v;
  }

  // ---- building and state ----

  /** {@return whether the slots exist (Keras's {@code optimizer.built})} */
  public boolean isBuilt() {
    return trainable != null;
  }

  /**
   * Creates the slots for {@code vars} (once; later calls do nothing), as Keras's {@code build}.
   *
   * @param vars the variables to update, in order
   */
  public void build(List<Variable> vars) {
    if (trainable != null) {
      return;
    }
    List<Variable> copy = List.copyOf(vars);
    if (options.useEma()) {
      averages = addSlots(copy, "average");
    }
    if (accumulating()) {
      accumulators = addSlots(copy, "gradient_accumulator");
    }
    for (int i = 0; i < copy.size(); i++) {
      indices.put(copy.get(i), i);
    }
    trainable = copy;
    createSlots(copy);
  }

  /**
   * {@return the variables this optimizer updates (those it was built with), or an empty list before build}
   */
  public List<Variable> trainableVariables() {
    return trainable == null ? List.of() : trainable;
  }

  /**
   * {@return every optimizer variable in Keras's order: {@code iteration}, {@code learning_rate}, slots..}
   */
  public List<Variable> variables() {
    return Collections.unmodifiableList(new ArrayList<>(variables));
  }

  /**
   * {@return the update count, divided by the accumulation steps when accumulating gradients (Keras's
   * {@code iterations})}
   */
  public long iterations() {
    long raw = rawIterations();
    return accumulating() ? raw / options.gradientAccumulationSteps() : raw;
  }

  private long rawIterations() {
    return iteration.array().getLong(0);
  }

  private boolean accumulating() {
    Integer steps = options.gradientAccumulationSteps();
    return steps != null && steps != 0;
  }

  /**
   * {@return the learning rate the next update uses: the schedule at the current iteration, or the float32
   * variable}
   */
  public double learningRate() {
    return schedule != null ? (float) schedule.at(rawIterations()) : learningRate.array().getFloat(0);
  }

  /** {@return the schedule giving the learning rate, or null for a constant rate} */
  public LearningRateSchedule schedule() {
    return schedule;
  }

  /**
   * Sets a constant learning rate (stored as float32); not allowed when created with a schedule.
   *
   * @param value the learning rate
   */
  public void setLearningRate(double value) {
    if (schedule != null) {
      throw new IllegalStateException("This optimizer was created with a LearningRateSchedule as its learning_rate, "
          + "hence its learning rate is not settable. Create the optimizer with a float learning_rate instead.");
    }
    learningRate.array().assign((float) value);
  }

  /**
   * Replaces the learning rate by a schedule (the {@code learning_rate} variable is then dropped).
   *
   * @param newSchedule the schedule
   */
  public void setLearningRate(LearningRateSchedule newSchedule) {
    schedule = Objects.requireNonNull(newSchedule, "schedule");
    if (learningRate != null) {
      variables.remove(learningRate);
      learningRate = null;
    }
  }

  /**
   * Excludes variables from weight decay, by identity or when their name contains a match of one of
   * {@code names} (regular expressions); only before the optimizer is built.
   *
   * @param vars variables to exclude
   * @param names regular expressions matched against variable names
   */
  public void excludeFromWeightDecay(List<Variable> vars, List<String> names) {
    if (isBuilt()) {
      throw new IllegalStateException("excludeFromWeightDecay() can only be configured before the optimizer is built.");
    }
    Set<Variable> ids = Collections.newSetFromMap(new IdentityHashMap<>());
    if (vars != null) {
      ids.addAll(vars);
    }
    excludedFromDecay = ids;
    excludedNames = names == null || names.isEmpty() ? null : Pattern.compile(String.join("|", names));
  }

  // ---- updates ----

  /**
   * Applies gradients to the variables the optimizer was built with (in that order).
   *
   * @param grads one gradient per variable, in order
   */
  public void applyGradients(List<INDArray> grads) {
    if (!isBuilt()) {
      throw new IllegalStateException("When passing gradients without variables, the optimizer must already be "
          + "built on a list of variables. Call build(trainableVariables) first.");
    }
    applyGradients(grads, trainable);
  }

  /**
   * One training update (Keras's {@code apply}): builds on first use, skips variables whose gradient
   * is null, unscales, accumulates, clips, decays weights, runs the update rule, updates the EMA,
   * applies constraints and increments the iteration counter.
   *
   * @param grads the gradients, null where a variable has none
   * @param vars the variables, in the same order
   */
  public void applyGradients(List<INDArray> grads, List<Variable> vars) {
    if (grads.size() != vars.size()) {
      throw new IllegalArgumentException("Got " + grads.size() + " gradients for " + vars.size() + " variables");
    }
    if (grads.isEmpty()) {
      return;
    }
    build(vars);
    List<INDArray> active = new ArrayList<>();
    int[] idx = new int[grads.size()];
    int n = 0;
    for (int k = 0; k < grads.size(); k++) {
      Integer i = indices.get(vars.get(k));
      if (i == null) {
        throw new IllegalArgumentException("Unknown variable: " + vars.get(k) + ". This optimizer can only be called "
            + "for the variables it was originally built with. When working with a new set of variables, you "
            + "should recreate a new optimizer instance.");
      }
      INDArray g = grads.get(k);
      if (g == null) {
        continue;
      }
      INDArray value = trainable.get(i).array();
      if (!Arrays.equals(g.shape(), value.shape())) {
        throw new IllegalArgumentException("Gradient of shape " + Shape.of(g.shape()) + " for variable '"
            + trainable.get(i).path() + "' of shape " + Shape.of(value.shape()));
      }
      g = g.dataType() == value.dataType() ? g : g.castTo(value.dataType());
      if (options.lossScaleFactor() != null) {
        g = g.div(options.lossScaleFactor());
      }
      active.add(g);
      idx[n++] = i;
    }
    if (n == 0) {
      throw new IllegalArgumentException("No gradients provided for any variable.");
    }
    idx = Arrays.copyOf(idx, n);
    float lr = (float) learningRate();
    if (accumulating()) {
      accumulateOrUpdate(idx, active, lr);
    } else {
      update(idx, active, lr);
    }
    if (options.useEma()) {
      updateAverages();
    }
    for (int i : idx) {
      Variable v = trainable.get(i);
      if (v.constraint() != null) {
        INDArray c = v.constraint().apply(v.array());
        if (c != v.array()) {
          v.assign(c);
        }
      }
    }
    iteration.array().addi(1);
  }

  private void update(int[] idx, List<INDArray> grads, float lr) {
    List<INDArray> clipped = clip(grads);
    for (int i : idx) {
      Double decay = weightDecayOf(i);
      if (decay != null && usesWeightDecay(trainable.get(i))) {
        trainable.get(i).array().muli(1f - decay.floatValue() * lr);
      }
    }
    updateSteps(idx, clipped, lr);
  }

  /**
   * The decoupled weight decay of the variable at {@code index} ({@code v -= v * decay * lr} before
   * the update), or null for none: {@code weight_decay} for every variable unless an optimizer
   * decays some variables differently (Muon).
   *
   * @param index the variable's position
   * @return the decay, or null
   */
  protected Double weightDecayOf(int index) {
    return options.weightDecay();
  }

  private void accumulateOrUpdate(int[] idx, List<INDArray> grads, float lr) {
    int steps = options.gradientAccumulationSteps();
    if ((rawIterations() + 1) % steps != 0) {
      for (int k = 0; k < idx.length; k++) {
        accumulators.get(idx[k]).array().addi(grads.get(k));
      }
      return;
    }
    List<INDArray> mean = new ArrayList<>();
    for (int k = 0; k < idx.length; k++) {
      mean.add(grads.get(k).add(accumulators.get(idx[k]).array()).divi(steps));
    }
    update(idx, mean, lr);
    for (Variable acc : accumulators) {
      acc.array().assign(0);
    }
  }

  private List<INDArray> clip(List<INDArray> grads) {
    Double clipnorm = options.clipnorm();
    Double global = options.globalClipnorm();
    Double clipvalue = options.clipvalue();
    List<INDArray> out = new ArrayList<>(grads.size());
    if (clipnorm != null && clipnorm > 0) {
      float c = clipnorm.floatValue();
      for (INDArray g : grads) {
        float norm = g.norm2Number().floatValue();
        out.add(g.mul(c).divi(Math.max(norm, c)));
      }
    } else if (global != null && global > 0) {
      double sumSquares = 0;
      for (INDArray g : grads) {
        double n2 = g.norm2Number().doubleValue();
        sumSquares += n2 * n2;
      }
      float norm = (float) Math.sqrt(sumSquares);
      float c = global.floatValue();
      // A non-finite norm makes every gradient NaN, as in Keras.
      float scale = Float.isFinite(norm) ? c * Math.min(1f / norm, 1f / c) : Float.NaN;
      for (INDArray g : grads) {
        out.add(g.mul(scale));
      }
    } else if (clipvalue != null && clipvalue > 0) {
      double v = clipvalue;
      for (INDArray g : grads) {
        out.add(Transforms.min(Transforms.max(g, -v, true), v, false));
      }
    } else {
      return grads;
    }
    return out;
  }

  private boolean usesWeightDecay(Variable v) {
    if (excludedFromDecay.contains(v)) {
      return false;
    }
    return excludedNames == null || !excludedNames.matcher(v.name()).find();
  }

  private void updateAverages() {
    // Keras's first EMA step copies the weights (momentum 0 while iterations == 0).
    float momentum = iterations() != 0 ? (float) options.emaMomentum() : 0f;
    for (int i = 0; i < trainable.size(); i++) {
      INDArray avg = averages.get(i).array();
      avg.muli(momentum).addi(trainable.get(i).array().mul(1f - momentum));
    }
    Integer every = options.emaOverwriteFrequency();
    if (every != null && every != 0 && (iterations() + 1) % every == 0) {
      finalizeVariableValues(trainable);
    }
  }

  /**
   * With EMA, overwrites the variables by their moving averages (Keras does so at the end of fit).
   *
   * @param vars the variables to overwrite
   */
  public void finalizeVariableValues(List<Variable> vars) {
    if (!options.useEma()) {
      return;
    }
    if (vars.size() != averages.size()) {
      throw new IllegalArgumentException("The length of model variables (" + vars.size() + ") to override does not "
          + "match the length of model variables stored in the optimizer (" + averages.size() + ").");
    }
    for (int i = 0; i < vars.size(); i++) {
      vars.get(i).assign(averages.get(i).array());
    }
  }

  /**
   * The loss times {@code loss_scale_factor} when set (gradients are divided back in {@link #applyGradients}).
   *
   * @param loss the loss
   * @return the scaled loss
   */
  public Tensor scaleLoss(Tensor loss) {
    return options.lossScaleFactor() == null ? loss : MathOps.mul(loss, options.lossScaleFactor());
  }

  // ---- saving ----

  /**
   * Writes {@link #variables()} under keys {@code "0"}, {@code "1"}, ... as Keras's {@code save_own_variables}.
   *
   * @param store where to write
   */
  public void saveOwnVariables(VariableStore store) {
    List<Variable> all = variables();
    for (int i = 0; i < all.size(); i++) {
      store.put(Integer.toString(i), all.get(i));
    }
  }

  /**
   * Reads the variables back. Like Keras, a store whose variable count differs (typically because
   * this optimizer is not built yet) is skipped with a warning; returns whether values were loaded.
   * Build the optimizer on the model's trainable variables first.
   *
   * @param store the saved variables
   * @return whether the variables were read
   */
  public boolean loadOwnVariables(VariableStore store) {
    List<Variable> variables = variables();
    if (store.keys().size() != variables.size()) {
      LOG.warn("Skipping variable loading for optimizer '{}', because it has {} variables whereas the saved "
          + "optimizer has {} variables{}", name, variables.size(), store.keys().size(),
          isBuilt() ? "." : " (the optimizer is not built yet).");
      return false;
    }
    for (int i = 0; i < variables.size(); i++) {
      Variable v = variables.get(i);
      v.assign(store.getChecked(Integer.toString(i), v, "optimizer variable"));
    }
    return true;
  }

  // ---- config ----

  /** The base keys in Keras's order; subclasses append theirs. */
  @Override
  public Config getConfig() {
    JsonElement lr = schedule != null ? Serialization.serialize(schedule)
        : number((double) learningRate.array().getFloat(0));
    return Config.empty()
        .put("name", name)
        .put("learning_rate", lr)
        .put("weight_decay", number(options.weightDecay()))
        .put("clipnorm", number(options.clipnorm()))
        .put("global_clipnorm", number(options.globalClipnorm()))
        .put("clipvalue", number(options.clipvalue()))
        .put("use_ema", options.useEma())
        .put("ema_momentum", options.emaMomentum())
        .put("ema_overwrite_frequency", options.emaOverwriteFrequency())
        .put("loss_scale_factor", number(options.lossScaleFactor()))
        .put("gradient_accumulation_steps", options.gradientAccumulationSteps());
  }

  private static JsonElement number(Double v) {
    return v == null ? JsonNull.INSTANCE : new JsonPrimitive(PyNumber.of(v));
  }

  @Override
  public String toString() {
    return "<" + className() + " name=" + name + ", iterations=" + rawIterations() + ">";
  }
}
