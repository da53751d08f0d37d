#!/usr/bin/env python3
"""Fixtures for the rest of Keras 3.16's catalogue (issue #13 item 6): losses,
metrics and optimizers Jeras had not implemented, all from real Keras (jax).

Usage:  KERAS_BACKEND=jax python3 gen_catalogue.py OUTDIR [--only=OPTIMIZER_CASE]
(--only reruns one optimizer case and keeps the other entries of the manifests)
writes
  OUTDIR/catalogue/manifest.json   per loss/metric case: serialized object
                                   (keras.saving.serialize_keras_object), the
                                   npz keys of its inputs and expected values
  OUTDIR/catalogue/values.npz      the inputs (seeded) and Keras's values
  OUTDIR/trajectories/catalogue/   optimizer trajectories in the format of
                                   gen_trajectories.py (imported from here):
                                   manifest.json, NAME.npz, NAME.keras,
                                   NAME.io.npz
Loss cases: value with the configured reduction, value with reduction=None
(per-sample) and value with sample weights. Metric cases: result after a first
update_state batch and after a second one (with sample weights where the case
says). LossScaleOptimizer cases store as grad<s>_<i> the SCALED gradients the
optimizer receives (float64 gradient * dynamic scale before step s), so that a
replay feeds exactly what Keras's apply() got; 'loss_scale_inf' applies
hand-made gradients whose step 3 holds an inf (the step is skipped and the
scale halved).
"""
import json
import os
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen_trajectories as gt  # noqa: E402  (imports keras)

keras = gt.keras
L, M, O = keras.losses, keras.metrics, keras.optimizers
SEED = 20261203
ARR = {}


def rng(k):
    return np.random.default_rng(SEED + k)


def put(key, a):
    ARR[key] = np.asarray(a)
    return key


# ---------------------------------------------------------------------------
# seeded inputs
# ---------------------------------------------------------------------------
def inputs():
    r = rng(1)
    put("bin_true", (r.uniform(size=(4, 3)) > 0.5).astype("float32"))
    put("bin_pred", r.uniform(0.05, 0.95, (4, 3)).astype("float32"))
    put("bin_true2", (r.uniform(size=(4, 3)) > 0.5).astype("float32"))
    put("bin_pred2", r.uniform(0.05, 0.95, (4, 3)).astype("float32"))
    labels = np.array([0, 2, 1, 2], "int32")
    labels2 = np.array([1, 1, 0, 2], "int32")
    put("sparse_true", labels)
    put("sparse_true2", labels2)
    put("cat_true", np.eye(3, dtype="float32")[labels])
    put("cat_true2", np.eye(3, dtype="float32")[labels2])
    lg = r.standard_normal((4, 3)).astype("float32")
    put("cat_pred", np.exp(lg) / np.exp(lg).sum(-1, keepdims=True))
    lg2 = r.standard_normal((4, 3)).astype("float32")
    put("cat_pred2", np.exp(lg2) / np.exp(lg2).sum(-1, keepdims=True))
    put("reg_true", r.standard_normal((4, 3)).astype("float32"))
    put("reg_pred", r.standard_normal((4, 3)).astype("float32"))
    put("reg_true2", r.standard_normal((4, 3)).astype("float32"))
    put("reg_pred2", r.standard_normal((4, 3)).astype("float32"))
    put("pos_true", r.uniform(0.1, 2, (4, 3)).astype("float32"))
    put("pos_pred", r.uniform(0.1, 2, (4, 3)).astype("float32"))
    put("pos_true2", r.uniform(0.1, 2, (4, 3)).astype("float32"))
    put("pos_pred2", r.uniform(0.1, 2, (4, 3)).astype("float32"))
    put("sw", r.uniform(0.2, 2.0, 4).astype("float32"))
    put("sw43", r.uniform(0.2, 2.0, (4, 3)).astype("float32"))
    put("seg_true", (r.uniform(size=(2, 4, 4, 1)) > 0.5).astype("float32"))
    put("seg_pred", r.uniform(0.0, 1.0, (2, 4, 4, 1)).astype("float32"))
    put("seg_sw", np.array([0.5, 1.5], "float32"))
    put("circle_true", np.array([0, 1, 0, 2, 1, 2], "int32"))
    e = r.standard_normal((6, 4)).astype("float32")
    put("circle_pred", e / np.linalg.norm(e, axis=-1, keepdims=True))
    put("circle_sw", r.uniform(0.2, 2.0, 6).astype("float32"))
    put("ctc_true", np.array([[1, 2, 2, 0], [3, 1, 0, 0], [4, 4, 1, 3]], "int32"))
    put("ctc_pred", r.standard_normal((3, 8, 5)).astype("float32"))
    put("ctc_sw", np.array([1.0, 0.5, 2.0], "float32"))
    put("iou_true", np.array([0, 1, 2, 2, 1, 0], "int32"))
    put("iou_pred", np.array([0, 2, 2, 1, 1, 1], "int32"))
    put("iou_true2", np.array([2, 2, 0, 1, 0, 1], "int32"))
    put("iou_pred2", np.array([2, 0, 0, 1, 2, 1], "int32"))
    put("iou_sw", r.uniform(0.2, 2.0, 6).astype("float32"))
    put("oh_true", np.eye(3, dtype="float32")[ARR["iou_true"]])
    lg = r.standard_normal((6, 3)).astype("float32")
    put("oh_pred", np.exp(lg) / np.exp(lg).sum(-1, keepdims=True))
    put("oh_true2", np.eye(3, dtype="float32")[ARR["iou_true2"]])
    lg = r.standard_normal((6, 3)).astype("float32")
    put("oh_pred2", np.exp(lg) / np.exp(lg).sum(-1, keepdims=True))
    put("iou_sw6", r.uniform(0.2, 2.0, 6).astype("float32"))
    put("auc_true", (r.uniform(size=(8, 3)) > 0.5).astype("float32"))
    put("auc_pred", r.uniform(0.0, 1.0, (8, 3)).astype("float32"))
    put("auc_true2", (r.uniform(size=(8, 3)) > 0.5).astype("float32"))
    put("auc_pred2", r.uniform(0.0, 1.0, (8, 3)).astype("float32"))
    put("sw8", r.uniform(0.2, 2.0, 8).astype("float32"))


def _np(v):
    return np.asarray(keras.ops.convert_to_numpy(v))


# ---------------------------------------------------------------------------
# losses
# ---------------------------------------------------------------------------
LOSSES = [
    # name, factory (kwargs -> loss), y_true key, y_pred key, sample weight key
    ("dice", lambda **k: L.Dice(**k), "bin_true", "bin_pred", "sw"),
    ("dice_axis", lambda **k: L.Dice(axis=(1, 2, 3), **k), "seg_true", "seg_pred", "seg_sw"),
    ("dice_axis_last", lambda **k: L.Dice(axis=-1, name="dice_last", **k), "bin_true", "bin_pred", "sw"),
    ("tversky", lambda **k: L.Tversky(**k), "bin_true", "bin_pred", "sw"),
    ("tversky_axis", lambda **k: L.Tversky(alpha=0.3, beta=0.7, axis=(1, 2, 3), **k),
     "seg_true", "seg_pred", "seg_sw"),
    ("circle", lambda **k: L.Circle(**k), "circle_true", "circle_pred", "circle_sw"),
    ("circle_params", lambda **k: L.Circle(gamma=16.0, margin=0.25, remove_diagonal=False, **k),
     "circle_true", "circle_pred", "circle_sw"),
    ("cgce", lambda **k: L.CategoricalGeneralizedCrossEntropy(**k), "sparse_true", "cat_pred", "sw"),
    ("cgce_q", lambda **k: L.CategoricalGeneralizedCrossEntropy(q=0.7, **k), "sparse_true", "cat_pred", "sw"),
    ("ctc", lambda **k: L.CTC(**k), "ctc_true", "ctc_pred", "ctc_sw"),
    ("ctc_sum", lambda **k: L.CTC(**{"reduction": "sum", **k}), "ctc_true", "ctc_pred", "ctc_sw"),
]


def loss_cases():
    out = []
    for name, make, yt, yp, sw in LOSSES:
        loss = make()
        t, p = ARR[yt], ARR[yp]
        out.append(dict(
            name=name, kind="loss", y_true=yt, y_pred=yp, sample_weight=sw,
            object=keras.saving.serialize_keras_object(loss),
            value=put(f"loss_{name}", _np(loss(t, p))),
            value_weighted=put(f"loss_{name}_weighted", _np(loss(t, p, sample_weight=ARR[sw]))),
            value_none=put(f"loss_{name}_none", _np(make(reduction=None)(t, p)))))
    return out


# ---------------------------------------------------------------------------
# metrics
# ---------------------------------------------------------------------------
BIN = ("bin_true", "bin_pred", "bin_true2", "bin_pred2", "sw")
BINW = ("bin_true", "bin_pred", "bin_true2", "bin_pred2", "sw43")
CAT = ("cat_true", "cat_pred", "cat_true2", "cat_pred2", "sw")
SPARSE = ("sparse_true", "cat_pred", "sparse_true2", "cat_pred2", "sw")
REG = ("reg_true", "reg_pred", "reg_true2", "reg_pred2", "sw")
POS = ("pos_true", "pos_pred", "pos_true2", "pos_pred2", "sw")
IOU = ("iou_true", "iou_pred", "iou_true2", "iou_pred2", "iou_sw")
OH = ("oh_true", "oh_pred", "oh_true2", "oh_pred2", "iou_sw6")
AUCI = ("auc_true", "auc_pred", "auc_true2", "auc_pred2", "sw8")
METRICS = [
    ("binary_crossentropy", lambda: M.BinaryCrossentropy(), BIN),
    ("binary_crossentropy_smooth", lambda: M.BinaryCrossentropy(label_smoothing=0.1), BIN),
    ("categorical_crossentropy", lambda: M.CategoricalCrossentropy(), CAT),
    ("sparse_categorical_crossentropy", lambda: M.SparseCategoricalCrossentropy(), SPARSE),
    ("categorical_hinge", lambda: M.CategoricalHinge(), CAT),
    ("hinge", lambda: M.Hinge(), BIN),
    ("squared_hinge", lambda: M.SquaredHinge(), BIN),
    ("kl_divergence", lambda: M.KLDivergence(), CAT),
    ("cosine_similarity", lambda: M.CosineSimilarity(), REG),
    ("logcosh", lambda: M.LogCoshError(), REG),
    ("mape", lambda: M.MeanAbsolutePercentageError(), POS),
    ("msle", lambda: M.MeanSquaredLogarithmicError(), POS),
    ("sparse_top_k", lambda: M.SparseTopKCategoricalAccuracy(k=2), SPARSE),
    ("true_positives", lambda: M.TruePositives(), BIN),
    ("false_positives", lambda: M.FalsePositives(thresholds=[0.3, 0.6]), BIN),
    ("true_negatives", lambda: M.TrueNegatives(), BIN),
    ("false_negatives", lambda: M.FalseNegatives(), BIN),
    ("f1_none", lambda: M.F1Score(), CAT),
    ("f1_micro", lambda: M.F1Score(average="micro", threshold=0.4), CAT),
    ("f1_macro", lambda: M.F1Score(average="macro"), BIN),
    ("fbeta_weighted", lambda: M.FBetaScore(average="weighted", beta=2.0, threshold=0.5), BIN),
    ("r2", lambda: M.R2Score(), REG),
    ("r2_variance", lambda: M.R2Score(class_aggregation="variance_weighted_average"), REG),
    ("r2_adjusted", lambda: M.R2Score(class_aggregation=None, num_regressors=1), REG),
    ("pearson", lambda: M.PearsonCorrelation(), REG),
    ("concordance", lambda: M.ConcordanceCorrelation(), REG),
    ("iou", lambda: M.IoU(num_classes=3, target_class_ids=[0, 2]), IOU),
    ("mean_iou", lambda: M.MeanIoU(num_classes=3), IOU),
    ("one_hot_iou", lambda: M.OneHotIoU(num_classes=3, target_class_ids=[1]), OH),
    ("one_hot_mean_iou", lambda: M.OneHotMeanIoU(num_classes=3), OH),
    ("binary_iou", lambda: M.BinaryIoU(), BINW),
    ("binary_iou_threshold", lambda: M.BinaryIoU(target_class_ids=[1], threshold=0.3), BINW),
    ("auc_multi_label", lambda: M.AUC(num_thresholds=50, multi_label=True), AUCI),
    ("auc_label_weights", lambda: M.AUC(num_thresholds=50, multi_label=True,
                                        label_weights=[0.2, 0.5, 1.3]), AUCI),
    ("auc_pr_multi_label", lambda: M.AUC(num_thresholds=50, curve="PR", multi_label=True), AUCI),
    ("precision_at_recall", lambda: M.PrecisionAtRecall(0.5, num_thresholds=50), BIN),
    ("recall_at_precision", lambda: M.RecallAtPrecision(0.6, num_thresholds=50), BIN),
    ("sensitivity_at_specificity", lambda: M.SensitivityAtSpecificity(0.5, num_thresholds=50), BIN),
    ("specificity_at_sensitivity", lambda: M.SpecificityAtSensitivity(0.5, num_thresholds=50), BIN),
]


def metric_cases():
    out = []
    for name, make, (t1, p1, t2, p2, sw) in METRICS:
        m = make()
        m.update_state(ARR[t1], ARR[p1])
        r1 = put(f"metric_{name}_1", _np(m.result()))
        m.update_state(ARR[t2], ARR[p2], sample_weight=ARR[sw])
        r2 = put(f"metric_{name}_2", _np(m.result()))
        out.append(dict(name=name, kind="metric", object=keras.saving.serialize_keras_object(m),
                        class_name=type(m).__name__,
                        batch1=[t1, p1], batch2=[t2, p2, sw], result1=r1, result2=r2,
                        variables=[{"path": v.path, "shape": list(v.shape), "dtype": str(v.dtype)}
                                   for v in m.variables]))
    return out


# ---------------------------------------------------------------------------
# optimizers
# ---------------------------------------------------------------------------
def optimizer_cases():
    gt.CASES.clear()
    gt.case("lamb", lambda: O.Lamb(learning_rate=0.01))
    gt.case("adafactor", lambda: O.Adafactor(learning_rate=0.01))
    gt.case("adafactor_fixed_step", lambda: O.Adafactor(learning_rate=0.05, relative_step=False,
                                                        clip_threshold=0.5, beta_2_decay=-0.6))
    gt.case("muon", lambda: O.Muon(learning_rate=0.01))
    gt.case("muon_plain", lambda: O.Muon(learning_rate=0.02, nesterov=False, rms_rate=None,
                                         weight_decay=None, adam_weight_decay=0.01, ns_steps=3,
                                         exclude_layers=["logits"]))
    gt.case("schedule_free_adamw", lambda: O.ScheduleFreeAdamW(learning_rate=0.01, warmup_steps=2))
    gt.case("loss_scale", lambda: O.LossScaleOptimizer(O.Adam(learning_rate=0.01),
                                                       initial_scale=64.0, dynamic_growth_steps=2),
            notes=["grad<s>_<i> are the SCALED gradients LossScaleOptimizer.apply receives: "
                   "float64 gradient * dynamic_scale before step s"])
    return list(gt.CASES)


def scale_gradients(entry, arrays, outdir):
    """LSO receives d(loss * scale)/dw: store those as grad<s>_<i>."""
    names = [v["name"] for v in entry["optimizer_variables"]]
    j = names.index("dynamic_scale")
    scale = float(entry["optimizer"]["config"]["initial_scale"])
    for s in range(1, gt.STEPS + 1):
        for i in range(4):
            arrays[f"grad{s}_{i}"] = arrays[f"grad{s}_{i}"] * scale
        scale = float(arrays[f"opt{s}_{j}"])
    np.savez(os.path.join(outdir, entry["files"]["trajectory_npz"]), **arrays)


def resume_after(entry, arrays, outdir):
    """Keras loads NAME.keras (saved after the 6 steps) and fits one more epoch: resume<s>_* for s = 7..9."""
    keras.backend.clear_session()
    model = keras.saving.load_model(os.path.join(outdir, entry["files"]["keras"]))
    rec = gt.Recorder()
    gt._fit(model, arrays["x"], arrays["y"], rec, 1)
    for k in range(len(rec.weights)):
        s = gt.STEPS + 1 + k
        for i, a in enumerate(rec.weights[k]):
            arrays[f"resume_w{s}_{i}"] = a
        for j, a in enumerate(rec.opt_vars[k]):
            arrays[f"resume_opt{s}_{j}"] = a
    np.savez(os.path.join(outdir, entry["files"]["trajectory_npz"]), **arrays)
    entry["arrays"]["resume_w<s>_<i> / resume_opt<s>_<j>"] = (
        "weights / optimizer variables after step s = 7..9 of fit(epochs=1, batch_size=4, shuffle=False) "
        "run by Keras on keras.saving.load_model(NAME.keras)")


def inf_case(outdir):
    """LossScaleOptimizer(SGD) on two variables, hand-made gradients, step 3 non-finite."""
    keras.backend.clear_session()
    w = [keras.Variable(np.array([[0.5, -1.0], [2.0, 0.25]], "float32"), name="kernel"),
         keras.Variable(np.array([0.1, -0.2], "float32"), name="bias")]
    opt = O.LossScaleOptimizer(O.SGD(learning_rate=0.1, momentum=0.5), initial_scale=8.0,
                               dynamic_growth_steps=2)
    r = rng(7)
    grads = [[r.standard_normal(v.shape).astype("float32") * 8 for v in w] for _ in range(5)]
    grads[2][0][1, 0] = np.inf
    arrays = {f"w0_{i}": _np(v) for i, v in enumerate(w)}
    lr = []
    opt.build(w)
    for s, g in enumerate(grads, 1):
        lr.append(float(_np(opt.learning_rate)))
        # jax: the stateful apply() leaks tracers from its cond, so apply statelessly
        new_w, new_o = opt.stateless_apply([v.value for v in opt.variables],
                                           [keras.ops.convert_to_tensor(a) for a in g],
                                           [v.value for v in w])
        for v, a in zip(w, new_w):
            v.assign(a)
        for v, a in zip(opt.variables, new_o):
            v.assign(a)
        for i, v in enumerate(w):
            arrays[f"w{s}_{i}"] = _np(v)
            arrays[f"grad{s}_{i}"] = g[i]
        for j, v in enumerate(opt.variables):
            arrays[f"opt{s}_{j}"] = _np(v)
    arrays["lr"] = np.array(lr)
    np.savez(os.path.join(outdir, "loss_scale_inf.npz"), **arrays)
    return dict(
        name="loss_scale_inf", status="ok", generator="generators/gen_catalogue.py",
        backend=keras.backend.backend(), keras_version=keras.__version__,
        optimizer=keras.saving.serialize_keras_object(opt),
        loss=None, fit={"steps": len(grads), "manual_apply": True},
        weights=[{"path": v.path, "name": v.name, "shape": list(v.shape), "dtype": str(v.dtype),
                  "trainable": True, "key": f"w*_{i}"} for i, v in enumerate(w)],
        optimizer_variables=[{"path": v.path, "name": v.name, "shape": list(v.shape),
                              "dtype": str(v.dtype), "key": f"opt*_{j}"}
                             for j, v in enumerate(opt.variables)],
        notes=["optimizer.apply(grads, vars) by hand (no fit); grad3_0 holds an inf: the step is "
               "skipped, step_counter reset to 0, dynamic_scale halved; grads are passed as "
               "given (already 'scaled')"],
        files={"trajectory_npz": "loss_scale_inf.npz"})


def only_case(out, name):
    traj_dir = os.path.join(out, "trajectories", "catalogue")
    mpath = os.path.join(traj_dir, "manifest.json")
    with open(mpath) as f:
        manifest = json.load(f)
    c = next(c for c in optimizer_cases() if c["name"] == name)
    e, arrays = gt.run_case(c, traj_dir)
    if name.startswith("loss_scale"):
        scale_gradients(e, arrays, traj_dir)
    resume_after(e, arrays, traj_dir)
    e["generator"] = "generators/gen_catalogue.py"
    names = [x["name"] for x in manifest["cases"]]
    if name in names:
        manifest["cases"][names.index(name)] = e
    else:
        manifest["cases"].insert(len([n for n in names if not n.startswith("loss_scale")]), e)
    with open(mpath, "w") as f:
        json.dump(manifest, f, indent=1, default=str)
    print(name, json.dumps(e["self_checks"]))


def main():
    out = os.path.abspath(sys.argv[1])
    only = [a.split("=", 1)[1] for a in sys.argv[2:] if a.startswith("--only=")]
    if only:
        only_case(out, only[0])
        return
    cat_dir = os.path.join(out, "catalogue")
    traj_dir = os.path.join(out, "trajectories", "catalogue")
    os.makedirs(cat_dir, exist_ok=True)
    os.makedirs(traj_dir, exist_ok=True)
    keras.utils.set_random_seed(SEED)
    inputs()
    cases = loss_cases() + metric_cases()
    np.savez(os.path.join(cat_dir, "values.npz"), **ARR)
    env = gt._environment()
    with open(os.path.join(cat_dir, "manifest.json"), "w") as f:
        json.dump({"generator": "generators/gen_catalogue.py",
                   "generated_at": time.strftime("%Y-%m-%dT%H:%M:%S"), "environment": env,
                   "conventions": __doc__, "cases": cases}, f, indent=1, default=str)
    entries = []
    for c in optimizer_cases():
        e, arrays = gt.run_case(c, traj_dir)
        if c["name"].startswith("loss_scale"):
            scale_gradients(e, arrays, traj_dir)
        resume_after(e, arrays, traj_dir)
        e["generator"] = "generators/gen_catalogue.py"
        entries.append(e)
        print(e["name"], json.dumps(e["self_checks"]), flush=True)
    entries.append(inf_case(traj_dir))
    with open(os.path.join(traj_dir, "manifest.json"), "w") as f:
        json.dump({"generator": "generators/gen_catalogue.py",
                   "generated_at": time.strftime("%Y-%m-%dT%H:%M:%S"), "environment": env,
                   "conventions": "as ../manifest.json (gen_trajectories.py); see gen_catalogue.py",
                   "cases": entries}, f, indent=1, default=str)
    print(len(cases), "loss/metric cases,", len(entries), "optimizer cases")


if __name__ == "__main__":
    main()
