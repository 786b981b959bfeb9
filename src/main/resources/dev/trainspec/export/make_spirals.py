def make_spirals(n_samples=100, n_classes=2, noise=None, random_state=None):
    """trainspec's make_spirals: one Archimedean spiral (1.75 turns) per class, rows shuffled, then noise."""
    rng = np.random.RandomState(random_state)
    X, y = [], []
    for c in range(n_classes):
        m = n_samples // n_classes + (1 if c < n_samples % n_classes else 0)
        for i in range(m):
            t = i / m
            angle = 2 * np.pi * c / n_classes + 3.5 * np.pi * t
            X.append([t * np.cos(angle), t * np.sin(angle)])
            y.append(c)
    order = rng.permutation(n_samples)
    X, y = np.array(X)[order], np.array(y, dtype=np.int64)[order]
    if noise is not None:
        X += rng.normal(0.0, noise, size=X.shape)
    return X, y
