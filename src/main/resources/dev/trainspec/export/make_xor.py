def make_xor(n_samples=100, noise=None, random_state=None):
    """trainspec's make_xor: uniform points in [-1, 1]^2, label = the signs of x0 and x1 differ."""
    rng = np.random.RandomState(random_state)
    X = rng.uniform(-1, 1, size=(n_samples, 2))
    y = ((X[:, 0] > 0) != (X[:, 1] > 0)).astype(np.int64)
    if noise is not None:
        X += rng.normal(0.0, noise, size=X.shape)
    return X, y
