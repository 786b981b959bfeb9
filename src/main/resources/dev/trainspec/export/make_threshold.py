def make_threshold(n_samples=100, loc=0.0, scale=1.0, threshold=0.0, random_state=None):
    """trainspec's make_threshold: one feature x ~ N(loc, scale), label = x >= threshold."""
    x = np.random.RandomState(random_state).normal(loc, scale, size=n_samples)
    return x.reshape(-1, 1), (x >= threshold).astype(np.int64)
