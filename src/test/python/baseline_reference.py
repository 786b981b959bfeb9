# Reference numbers for dev.trainspec.baseline (LogisticRegression, LinearSvm, MajorityClass, ridge).
# Usage: /usr/bin/python3 src/test/python/baseline_reference.py src/test/resources/baseline
# Needs scikit-learn 1.2 / numpy 1.24 (Debian bookworm). The Java build never runs this script.
#
# For every fixture data set (src/test/resources/sklearn/*.csv) it splits with
# train_test_split(test_size=0.25, random_state=0), stores the split indices, and records
#  - "default": sklearn's estimator with its defaults (what a user would compare against):
#               train/test accuracy (and log loss for logistic regression);
#  - "tight":   the same objective solved to tight tolerance (coefficients to compare with):
#               LogisticRegression(tol=1e-10, max_iter=100000), LinearSVC(dual=False, tol=1e-10).
# It also writes a regression fixture (make_regression) with Ridge(alpha=1), LinearSVR with the
# squared epsilon-insensitive loss (epsilon 0, liblinear primal, penalised intercept) and
# DummyRegressor(mean); and the seed-000 embedding case (13000 x 512, regenerated in Java).
import sys, os, json, glob, time, numpy as np, sklearn
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.svm import LinearSVC, LinearSVR
from sklearn.dummy import DummyClassifier, DummyRegressor
from sklearn.metrics import log_loss, r2_score, mean_absolute_error
from sklearn.model_selection import train_test_split
from sklearn import datasets

out = sys.argv[1]
here = os.path.dirname(os.path.abspath(__file__))
fixtures = os.path.join(here, "..", "resources", "sklearn")
os.makedirs(out, exist_ok=True)

def load(path):
    d = np.loadtxt(path, delimiter=",", skiprows=1)
    return d[:, :-1], d[:, -1]

def coefs(m):
    return dict(coef=np.atleast_2d(m.coef_).tolist(), intercept=np.atleast_1d(m.intercept_).tolist())

def classifiers(Xtr, ytr, Xte, yte):
    res = {}
    lr = LogisticRegression().fit(Xtr, ytr)
    lt = LogisticRegression(tol=1e-10, max_iter=100000).fit(Xtr, ytr)
    res["logistic_regression"] = dict(
        default=dict(train_accuracy=lr.score(Xtr, ytr), test_accuracy=lr.score(Xte, yte),
                     train_loss=log_loss(ytr, lr.predict_proba(Xtr)), test_loss=log_loss(yte, lr.predict_proba(Xte), labels=lr.classes_)),
        tight=dict(train_accuracy=lt.score(Xtr, ytr), test_accuracy=lt.score(Xte, yte),
                   train_loss=log_loss(ytr, lt.predict_proba(Xtr)), test_loss=log_loss(yte, lt.predict_proba(Xte), labels=lt.classes_), n_iter=int(np.max(lt.n_iter_)), **coefs(lt)))
    sv = LinearSVC().fit(Xtr, ytr)
    st = LinearSVC(dual=False, tol=1e-10, max_iter=100000).fit(Xtr, ytr)
    res["linear_svm"] = dict(
        default=dict(train_accuracy=sv.score(Xtr, ytr), test_accuracy=sv.score(Xte, yte)),
        tight=dict(train_accuracy=st.score(Xtr, ytr), test_accuracy=st.score(Xte, yte), n_iter=int(np.max(st.n_iter_)), **coefs(st)))
    du = DummyClassifier(strategy="most_frequent").fit(Xtr, ytr)
    res["majority_class"] = dict(default=dict(train_accuracy=du.score(Xtr, ytr), test_accuracy=du.score(Xte, yte), constant=int(du.predict(Xtr[:1])[0])))
    return res

def meta():
    return dict(sklearn=sklearn.__version__, numpy=np.__version__)

for path in sorted(glob.glob(os.path.join(fixtures, "*.csv"))):
    name = os.path.basename(path)[:-4]
    X, y = load(path); y = y.astype(int)
    idx = np.arange(len(y)); tr, te = train_test_split(idx, test_size=0.25, random_state=0)
    doc = dict(csv="sklearn/" + name + ".csv", split=dict(test_size=0.25, random_state=0, train=tr.tolist(), test=te.tolist()), **meta())
    doc["baselines"] = classifiers(X[tr], y[tr], X[te], y[te])
    with open(os.path.join(out, name + ".json"), "w") as f: json.dump(doc, f, indent=1)
    print(name, {k: v["default"]["test_accuracy"] for k, v in doc["baselines"].items()})

# Regression: ridge / squared-loss linear SVR / mean predictor.
X, y = datasets.make_regression(n_samples=150, n_features=4, noise=10.0, random_state=0)
rname = "regression_n150_f4_noise10_rs0"
with open(os.path.join(out, rname + ".csv"), "w") as f:
    f.write("x0,x1,x2,x3,y\n")
    for row, t in zip(X, y): f.write(",".join(repr(float(v)) for v in row) + "," + repr(float(t)) + "\n")
idx = np.arange(len(y)); tr, te = train_test_split(idx, test_size=0.25, random_state=0)
def rscores(m):
    return dict(train_r2=r2_score(y[tr], m.predict(X[tr])), test_r2=r2_score(y[te], m.predict(X[te])),
                train_mae=mean_absolute_error(y[tr], m.predict(X[tr])), test_mae=mean_absolute_error(y[te], m.predict(X[te])))
ri = Ridge(alpha=1.0).fit(X[tr], y[tr])
svr = LinearSVR(loss="squared_epsilon_insensitive", epsilon=0.0, C=1.0, dual=False, tol=1e-10, max_iter=100000).fit(X[tr], y[tr])
dr = DummyRegressor(strategy="mean").fit(X[tr], y[tr])
doc = dict(csv="baseline/" + rname + ".csv", split=dict(test_size=0.25, random_state=0, train=tr.tolist(), test=te.tolist()), **meta(),
           generator=dict(fn="make_regression", n_samples=150, n_features=4, noise=10.0, random_state=0))
doc["baselines"] = dict(
    logistic_regression=dict(estimator="Ridge(alpha=1.0)", **rscores(ri), coef=[ri.coef_.tolist()], intercept=[float(ri.intercept_)]),
    linear_svm=dict(estimator="LinearSVR(loss='squared_epsilon_insensitive', epsilon=0, C=1, intercept_scaling=1)", **rscores(svr), coef=[svr.coef_.tolist()], intercept=[float(np.atleast_1d(svr.intercept_)[0])]),
    majority_class=dict(estimator="DummyRegressor(strategy='mean')", **rscores(dr), constant=float(dr.constant_[0][0])))
with open(os.path.join(out, rname + ".json"), "w") as f: json.dump(doc, f, indent=1)
print(rname, {k: v["test_r2"] for k, v in doc["baselines"].items()})

# Seed 000: the generator of /work/shared/reference/pytorch/ref_embed512.py, regenerated in Java
# (numpy legacy RandomState: randint, then normal row-major; rows L2-normalised, cast to float32).
def make(n, seed):
    r = np.random.RandomState(seed); y = r.randint(0, 2, n)
    mu = np.zeros(512); mu[:16] = 0.35
    X = r.normal(0, 1, (n, 512)) + np.outer(2*y-1, mu)
    X /= np.linalg.norm(X, axis=1, keepdims=True)
    return X.astype(np.float32), y
Xtr, ytr = make(13000, 0); Xte, yte = make(4000, 1)
Xtr64, Xte64 = Xtr.astype(np.float64), Xte.astype(np.float64)
doc = dict(generator="ref_embed512.py make(n, seed): train n=13000 seed 0, test n=4000 seed 1", **meta(),
           checks=dict(y_train_sum=int(ytr.sum()), y_test_sum=int(yte.sum()), x_train_first=Xtr64[0, :8].tolist(), x_train_last=Xtr64[-1, -8:].tolist(), x_test_first=Xte64[0, :8].tolist()))
b = {}
for C in [1.0, 10.0]:
    t0 = time.perf_counter(); m = LogisticRegression(C=C, tol=1e-10, max_iter=100000).fit(Xtr64, ytr); dt = time.perf_counter() - t0
    d = LogisticRegression(C=C, max_iter=2000).fit(Xtr64, ytr)
    b["logistic_regression_C%g" % C] = dict(C=C, seconds=dt, n_iter=int(m.n_iter_[0]),
        default=dict(train_accuracy=d.score(Xtr64, ytr), test_accuracy=d.score(Xte64, yte)),
        tight=dict(train_accuracy=m.score(Xtr64, ytr), test_accuracy=m.score(Xte64, yte), train_loss=log_loss(ytr, m.predict_proba(Xtr64)), test_loss=log_loss(yte, m.predict_proba(Xte64)), **coefs(m)))
t0 = time.perf_counter(); s = LinearSVC(dual=False, tol=1e-10, max_iter=100000).fit(Xtr64, ytr); dt = time.perf_counter() - t0
d = LinearSVC().fit(Xtr64, ytr)
b["linear_svm"] = dict(C=1.0, seconds=dt, default=dict(train_accuracy=d.score(Xtr64, ytr), test_accuracy=d.score(Xte64, yte)),
                       tight=dict(train_accuracy=s.score(Xtr64, ytr), test_accuracy=s.score(Xte64, yte), **coefs(s)))
du = DummyClassifier(strategy="most_frequent").fit(Xtr64, ytr)
b["majority_class"] = dict(default=dict(train_accuracy=du.score(Xtr64, ytr), test_accuracy=du.score(Xte64, yte)))
doc["baselines"] = b
with open(os.path.join(out, "embed512_n13000_seed0_test4000_seed1.json"), "w") as f: json.dump(doc, f)
print("embed512", {k: (v["default"]["train_accuracy"], v["default"]["test_accuracy"]) for k, v in b.items()})
