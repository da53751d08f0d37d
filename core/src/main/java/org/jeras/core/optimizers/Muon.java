package org.jeras.core.optimizers;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jeras.core.config.Config;
import org.jeras.core.config.PyNumber;
import org.jeras.core.tensor.Variable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Keras's {@code Muon}: 2-D variables (outside excluded layers and embeddings) follow momentum
 * orthogonalized by {@code ns_steps} quintic Newton-Schulz iterations, scaled by
 * {@code sqrt(max(rows, cols)) * rms_rate}; every other variable follows AdamW with the learning
 * rate times {@code adam_lr_ratio}. Weight decay is {@code weight_decay} for the Muon variables
 * and {@code adam_weight_decay} for the AdamW ones.
 */
public class Muon extends Optimizer {
  /**
   * Muon's arguments beyond the base optimizer's.
   *
   * @param adamBeta1 the AdamW first-moment decay
   * @param adamBeta2 the AdamW second-moment decay
   * @param adamWeightDecay the weight decay of the AdamW variables, or null
   * @param epsilon the AdamW epsilon
   * @param excludeLayers regular expressions: variables whose path matches one take the AdamW path
   * @param excludeEmbeddings whether variables with "embedding" in their path take the AdamW path
   * @param muonA the first Newton-Schulz coefficient
   * @param muonB the second Newton-Schulz coefficient
   * @param muonC the third Newton-Schulz coefficient
   * @param adamLrRatio the AdamW learning rate relative to the Muon one
   * @param momentum the Muon momentum
   * @param nsSteps the number of Newton-Schulz iterations
   * @param nesterov whether the Muon step uses Nesterov momentum
   * @param rmsRate the update RMS scale of the Muon step, or null for no scaling
   */
  public record Settings(double adamBeta1, double adamBeta2, Double adamWeightDecay, double epsilon,
      List<String> excludeLayers, boolean excludeEmbeddings, double muonA, double muonB, double muonC,
      Number adamLrRatio, double momentum, int nsSteps, boolean nesterov, Double rmsRate) {
    /** Keras's defaults. */
    public static final Settings DEFAULTS = new Settings(0.9, 0.999, 0.004, 1e-7, List.of(), true, 3.4445, -4.7750,
        2.0315, 1, 0.95, 5, true, 0.2);
  }

  private final Settings s;
  private final List<Pattern> excluded = new ArrayList<>();
  private final List<Variable> momentums = new ArrayList<>();
  private final List<Variable> velocities = new ArrayList<>();

  /**
   * Keras's {@code Muon}.
   *
   * @param options the arguments every optimizer takes ({@code weight_decay} defaults to 0.004)
   * @param settings Muon's own arguments
   */
  public Muon(OptimizerOptions options, Settings settings) {
    super(options);
    this.s = new Settings(settings.adamBeta1(), settings.adamBeta2(), settings.adamWeightDecay(), settings.epsilon(),
        List.copyOf(settings.excludeLayers()), settings.excludeEmbeddings(), settings.muonA(), settings.muonB(),
        settings.muonC(), settings.adamLrRatio(), settings.momentum(), settings.nsSteps(), settings.nesterov(),
        settings.rmsRate());
    settings.excludeLayers().forEach(p -> excluded.add(Pattern.compile(p)));
  }

  /**
   * Muon with Keras's defaults and the given learning rate.
   *
   * @param learningRate the constant learning rate
   */
  public Muon(double learningRate) {
    this(OptimizerOptions.of(learningRate).withWeightDecay(0.004), Settings.DEFAULTS);
  }

  /** Muon with Keras's defaults. */
  public Muon() {
    this(0.001);
  }

  /** Whether a variable takes the AdamW path: not 2-D, an embedding, or in an excluded layer. */
  private boolean usesAdamw(Variable v) {
    if (v.array().rank() != 2) {
      return true;
    }
    if (s.excludeEmbeddings() && v.path().toLowerCase(Locale.ROOT).contains("embedding")) {
      return true;
    }
    return excluded.stream().anyMatch(p -> p.matcher(v.path()).find());
  }

  @Override
  protected void createSlots(List<Variable> vars) {
    for (Variable v : vars) {
      momentums.add(addSlots(List.of(v), "momentum").get(0));
      velocities.add(usesAdamw(v) ? addSlots(List.of(v), "velocity").get(0) : null);
    }
  }

  @Override
  protected Double weightDecayOf(int index) {
    return velocities.get(index) != null ? s.adamWeightDecay() : options().weightDecay();
  }

  @Override
  protected void updateStep(int index, INDArray g, INDArray w, float lr) {
    INDArray m = momentums.get(index).array();
    Variable v = velocities.get(index);
    if (v != null) {
      adamw(g, w, lr * s.adamLrRatio().floatValue(), m, v.array());
      return;
    }
    m.addi(g.add(m.mul(s.momentum() - 1)));
    INDArray direction = s.nesterov() ? g.add(m.mul(s.momentum())) : m.dup();
    INDArray update = newtonSchulz(direction).muli(lr);
    if (s.rmsRate() != null) {
      update.muli((float) Math.sqrt(Math.max(w.size(0), w.size(1))) * s.rmsRate().floatValue());
    }
    w.subi(update);
  }

  private void adamw(INDArray g, INDArray w, float lr, INDArray m, INDArray v) {
    float t = iterations() + 1;
    float b1Power = (float) Math.pow((float) s.adamBeta1(), t);
    float b2Power = (float) Math.pow((float) s.adamBeta2(), t);
    float alpha = lr * (float) Math.sqrt(1f - b2Power) / (1f - b1Power);
    m.addi(g.sub(m).muli(1 - s.adamBeta1()));
    v.addi(g.mul(g).subi(v).muli(1 - s.adamBeta2()));
    w.subi(m.mul(alpha).divi(Transforms.sqrt(v, true).addi(s.epsilon())));
  }

  /** The quintic Newton-Schulz iteration towards the orthogonal factor of {@code x} (2-D). */
  private INDArray newtonSchulz(INDArray x) {
    boolean tall = x.size(0) > x.size(1);
    INDArray y = tall ? x.transpose().dup() : x.dup();
    y.divi(y.norm2Number().floatValue() + 1e-7f);
    float a = (float) s.muonA();
    float b = (float) s.muonB();
    float c = (float) s.muonC();
    for (int i = 0; i < s.nsSteps(); i++) {
      INDArray gram = y.mmul(y.transpose());
      INDArray poly = gram.mul(b).addi(gram.mmul(gram).muli(c));
      y = y.mul(a).addi(poly.mmul(y));
    }
    return tall ? y.transpose().dup() : y;
  }

  @Override
  public Config getConfig() {
    JsonArray layers = new JsonArray();
    s.excludeLayers().forEach(layers::add);
    return super.getConfig().put("adam_beta_1", s.adamBeta1()).put("adam_beta_2", s.adamBeta2())
        .put("epsilon", s.epsilon()).put("exclude_layers", layers).put("muon_a", s.muonA()).put("muon_b", s.muonB())
        .put("muon_c", s.muonC()).put("adam_lr_ratio", new JsonPrimitive(s.adamLrRatio() instanceof Double r ? PyNumber.of(r) : s.adamLrRatio()))
        .put("momentum", s.momentum()).put("ns_steps", s.nsSteps()).put("nesterov", s.nesterov())
        .put("exclude_embeddings", s.excludeEmbeddings())
        .put("adam_weight_decay", s.adamWeightDecay() == null ? JsonNull.INSTANCE
            : new JsonPrimitive(PyNumber.of(s.adamWeightDecay())))
        .put("rms_rate", s.rmsRate() == null ? JsonNull.INSTANCE : new JsonPrimitive(PyNumber.of(s.rmsRate())));
  }

  /**
   * Keras's {@code from_config}.
   *
   * @param c the optimizer's config
   * @return the optimizer
   */
  public static Muon fromConfig(Config c) {
    OptimizerOptions o = OptimizerOptions.fromConfig(c, 0.001);
    if (!c.has("weight_decay")) {
      o = o.withWeightDecay(0.004); // Muon's default, unlike the base optimizer's None
    }
    Settings d = Settings.DEFAULTS;
    Settings s = new Settings(c.getDouble("adam_beta_1", d.adamBeta1()), c.getDouble("adam_beta_2", d.adamBeta2()),
        c.has("adam_weight_decay") ? (c.isSet("adam_weight_decay") ? c.getDouble("adam_weight_decay") : null)
            : d.adamWeightDecay(),
        c.getDouble("epsilon", d.epsilon()),
        c.isSet("exclude_layers") ? c.getStrings("exclude_layers") : List.of(),
        c.getBoolean("exclude_embeddings", d.excludeEmbeddings()), c.getDouble("muon_a", d.muonA()),
        c.getDouble("muon_b", d.muonB()), c.getDouble("muon_c", d.muonC()),
        c.getNumber("adam_lr_ratio", d.adamLrRatio()), c.getDouble("momentum", d.momentum()),
        c.getInt("ns_steps", d.nsSteps()), c.getBoolean("nesterov", d.nesterov()),
        c.has("rms_rate") ? (c.isSet("rms_rate") ? c.getDouble("rms_rate") : null) : d.rmsRate());
    return new Muon(o, s);
  }
}
