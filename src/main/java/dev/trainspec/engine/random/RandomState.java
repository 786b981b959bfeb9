package dev.trainspec.engine.random;

/**
 * numpy's legacy {@code numpy.random.RandomState} (MT19937): same seed, same draws, bit for bit.
 * scikit-learn's generators and train_test_split draw from it, so reproducing their rows needs
 * exactly these algorithms: init_genrand seeding, 53-bit doubles, the polar Box-Muller "legacy
 * gauss" with its cached second value, masked rejection for bounded integers, and Fisher-Yates
 * shuffling from the last element down. Training draws (init, shuffling, dropout) come from
 * {@link TorchGenerator} instead, PyTorch's generator.
 */
public final class RandomState {
    /** Generator outputs {@link #polarDraws} reads at once: at most a whole state of the twister. */
    private static final int PAIR_BLOCK = 624;
    /** numpy's legacy integer seeding is init_genrand, the same generator torch uses. */
    private final Mt19937 mt;
    private boolean hasGauss;
    private double gauss;
    /** The last point {@link #drawPair} accepted, read right after it. */
    private double pairX1;
    private double pairX2;
    private double pairR2;
    private final long seed;

    /** {@code RandomState(seed)} for {@code 0 <= seed < 2^32}, as numpy accepts it. */
    public RandomState(long seed) {
        if (seed < 0 || seed > 0xFFFFFFFFL) throw new IllegalArgumentException("Seed must be between 0 and 2**32 - 1, found " + seed);
        this.seed = seed;
        this.mt = new Mt19937(seed);
    }

    public long seed() {
        return seed;
    }

    /** The next raw 32-bit output, as an unsigned value in an int's bits. */
    public int nextInt32() {
        return mt.next();
    }

    private long nextUnsigned32() {
        return nextInt32() & 0xFFFFFFFFL;
    }

    /** {@code random_sample()}: a double in [0, 1) from two 32-bit draws (27 + 26 bits). */
    public double randomSample() {
        int a = nextInt32();
        return sample(a, nextInt32());
    }

    /** The double in [0, 1) that random_sample makes of two 32-bit outputs: 27 bits of the first, 26 of the second. */
    private static double sample(int first, int second) {
        return ((first >>> 5) * 67108864.0 + (second >>> 6)) * 0x1p-53; // = / 2^53 exactly (a power of two), without a division
    }

    /** {@code standard_normal()}: numpy's legacy polar method, which caches the second value. */
    public double standardNormal() {
        if (hasGauss) {
            hasGauss = false;
            return gauss;
        }
        drawPair();
        double f = polarFactor(pairR2);
        gauss = f * pairX1;
        hasGauss = true;
        return f * pairX2;
    }

    /** One accepted point of the polar method, into pairX1, pairX2 and pairR2. */
    private void drawPair() {
        double x1;
        double x2;
        double r2;
        do {
            x1 = 2.0 * randomSample() - 1.0;
            x2 = 2.0 * randomSample() - 1.0;
            r2 = x1 * x1 + x2 * x2;
        } while (r2 >= 1.0 || r2 == 0.0);
        pairX1 = x1;
        pairX2 = x2;
        pairR2 = r2;
    }

    /** The polar method's scale for a pair drawn with radius^2 {@code r2}: normals are f x2, then f x1. */
    public static double polarFactor(double r2) {
        return Math.sqrt(-2.0 * Math.log(r2) / r2);
    }

    /** Whether the next {@link #standardNormal()} returns the second value cached from the last pair. */
    public boolean hasCachedNormal() {
        return hasGauss;
    }

    /**
     * The draws {@link #standardNormal()} makes for its next {@code 2 * pairs} normals, when none
     * is cached: normal 2k is {@code polarFactor(r2[k]) * x2[k]}, normal 2k+1 is
     * {@code polarFactor(r2[k]) * x1[k]}. Drawing is cheap and sequential, the logarithms are
     * costly and independent, so a caller can spread them over threads with the same bits.
     */
    public void polarDraws(double[] x1, double[] x2, double[] r2, int pairs) {
        if (hasGauss) throw new IllegalStateException("a normal is cached: draw it with standardNormal() first");
        // drawPair's loop over blocks of the generator's outputs: every attempt takes four outputs,
        // accepted or not, so a block of attempts is read at once and only the attempts used are consumed
        int[] block = new int[PAIR_BLOCK];
        int k = 0;
        while (k < pairs) {
            int attempts = mt.available() / 4;
            if (attempts == 0) { // an attempt would straddle a twist: one pair the sequential way
                drawPair();
                x1[k] = pairX1;
                x2[k] = pairX2;
                r2[k++] = pairR2;
                continue;
            }
            attempts = Math.min(attempts, PAIR_BLOCK / 4);
            mt.peek(block, 4 * attempts);
            int used = 0;
            while (used < attempts && k < pairs) {
                int o = 4 * used++;
                double a = 2.0 * sample(block[o], block[o + 1]) - 1.0;
                double b = 2.0 * sample(block[o + 2], block[o + 3]) - 1.0;
                double rr = a * a + b * b;
                // written whatever the outcome and kept only when accepted: no branch to mispredict on the one attempt in five that fails
                x1[k] = a;
                x2[k] = b;
                r2[k] = rr;
                k += rr < 1.0 & rr != 0.0 ? 1 : 0;
            }
            mt.skip(4 * used);
        }
    }

    /** {@code normal(loc, scale)}. */
    public double normal(double loc, double scale) {
        return loc + scale * standardNormal();
    }

    /** {@code uniform(low, high)}. */
    public double uniform(double low, double high) {
        return low + (high - low) * randomSample();
    }

    /** {@code randint(low, high)}: an integer in [low, high), by masked rejection like numpy. */
    public long randint(long low, long high) {
        if (high <= low) throw new IllegalArgumentException("low >= high");
        long range = high - low - 1;
        if (range == 0) return low;
        if (range > 0xFFFFFFFFL) throw new IllegalArgumentException("ranges above 2^32 are not supported");
        if (range == 0xFFFFFFFFL) return low + nextUnsigned32();
        long mask = maskFor(range);
        long v;
        do {
            v = nextUnsigned32() & mask;
        } while (v > range);
        return low + v;
    }

    /** numpy's {@code random_interval(max)}: uniform in [0, max], used by shuffle. */
    private int interval(int max) {
        if (max == 0) return 0;
        long mask = maskFor(max);
        long v;
        do {
            v = nextUnsigned32() & mask;
        } while (v > max);
        return (int) v;
    }

    private static long maskFor(long max) {
        long mask = max;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        mask |= mask >>> 32;
        return mask;
    }

    /** {@code shuffle(a)} in place: Fisher-Yates from the last index down, as numpy does. */
    public void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = interval(i);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** {@code random_sample(size=n)} (also {@code rand(n)}, {@code uniform(size=n)}): n draws in order. */
    public double[] randomSample(int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = randomSample();
        return out;
    }

    /** {@code standard_normal(size=n)} (also {@code randn(n)}): n draws in order, row-major for shaped calls. */
    public double[] standardNormal(int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = standardNormal();
        return out;
    }

    /** {@code randint(high)}: an integer in [0, high). */
    public long randint(long high) {
        return randint(0, high);
    }

    /**
     * {@code choice(a, size, replace=False)} without probabilities: numpy's legacy code takes
     * {@code a[permutation(len(a))[:size]]}, so it always shuffles the whole population, even when
     * size equals its length.
     */
    public int[] choiceWithoutReplacement(int[] a, int size) {
        if (size < 0 || size > a.length) throw new IllegalArgumentException("Cannot take a larger sample than population when 'replace=False'");
        int[] perm = permutation(a.length);
        int[] out = new int[size];
        for (int i = 0; i < size; i++) out[i] = a[perm[i]];
        return out;
    }

    /** {@code permutation(n)}: a shuffled {@code arange(n)}. */
    public int[] permutation(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        shuffle(a);
        return a;
    }
}
