package dev.trainspec.engine.data;

import dev.trainspec.engine.random.RandomState;

/**
 * Project generator {@code make_spirals}: {@code n_classes} interleaved Archimedean spirals
 * (radius proportional to angle), one a class. Class c gets {@code n_samples // n_classes}
 * points, the first {@code n_samples % n_classes} classes one more; its point i of m has
 * {@code t = i / m}, radius {@code t}, angle {@code 2 pi c / n_classes + 3.5 pi t} (1.75 turns),
 * and coordinates {@code (r cos(angle), r sin(angle))}. Rows are built class by class, then
 * shuffled by {@code rng.permutation(n_samples)}, then {@code rng.normal(0, noise)} is added to
 * every value in row-major order (the make_moons recipe).
 */
public final class MakeSpirals {
    private MakeSpirals() {
    }

    public static Dataset makeSpirals(int nSamples, int nClasses, Double noise, RandomState rng) {
        Checks.positive("n_samples", nSamples);
        if (nClasses < 2) throw new IllegalArgumentException("n_classes must be >= 2, found " + nClasses);
        if (nSamples < nClasses) throw new IllegalArgumentException("n_samples must be at least n_classes");
        Checks.noise(noise);
        double[] x = new double[2 * nSamples];
        int[] y = new int[nSamples];
        int row = 0;
        for (int c = 0; c < nClasses; c++) {
            int m = nSamples / nClasses + (c < nSamples % nClasses ? 1 : 0);
            for (int i = 0; i < m; i++, row++) {
                double t = i / (double) m;
                double angle = 2 * Math.PI * c / nClasses + 3.5 * Math.PI * t;
                x[2 * row] = t * Math.cos(angle);
                x[2 * row + 1] = t * Math.sin(angle);
                y[row] = c;
            }
        }
        return Checks.shuffleAndNoise(Dataset.classification(x, nSamples, 2, y, nClasses), true, noise, rng);
    }
}
