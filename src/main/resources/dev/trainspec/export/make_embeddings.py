def make_embeddings(n_samples=100, n_features=512, n_informative=16, shift=0.5, random_state=None):
    """trainspec's make_embeddings: two Gaussian classes whose means differ by +-shift on the first
    n_informative dimensions, each row divided by its L2 norm and stored in float32."""
    rng = np.random.RandomState(random_state)
    y = np.zeros(n_samples, dtype=np.int64)
    y[n_samples - n_samples // 2:] = 1
    rng.shuffle(y)
    X = np.empty((n_samples, n_features), dtype=np.float32)
    for i in range(n_samples):
        v = rng.standard_normal(n_features)
        v[:n_informative] += shift if y[i] == 1 else -shift
        norm = np.sqrt(np.cumsum(v * v)[-1])  # summed in order, as trainspec does
        X[i] = v / (norm if norm >= 10 * np.finfo(np.float64).eps else 1.0)
    return X, y
