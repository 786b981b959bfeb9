package dev.trainspec.engine.random;

/**
 * PyTorch 1.13's CPU generator ({@code CPUGeneratorImpl}) and the CPU kernels that draw from it,
 * so that {@code new TorchGenerator(seed)} gives the draws of {@code torch.manual_seed(seed)}:
 * <ul>
 * <li>the engine is std::mt19937 seeded with the low 32 bits of the seed; {@code random()} is one
 * 32-bit output, {@code random64()} two, the first in the high half;</li>
 * <li>{@code uniform_} on float32 takes the low 24 bits of one {@code random()} as x in [0, 1) and
 * returns {@code fma(x, to - from, from)} in float (the AVX2 build contracts x * (to - from) + from);</li>
 * <li>{@code normal_} on float32: from 16 elements on, the AVX2 kernel (all uniforms first, then
 * Box-Muller 16 at a time, a ragged tail recomputed from 16 fresh uniforms, see
 * {@link Avx2BoxMuller}); below 16, the double Box-Muller of {@code normal_distribution<double>}
 * on 53-bit uniforms, whose second value is cached in the generator until the next such draw or
 * the next seeding;</li>
 * <li>{@code bernoulli_(p)} (this build has no MKL): one 53-bit uniform per element, kept when below p;</li>
 * <li>{@code randperm(n)}: Fisher-Yates from the front with {@code random() % (n - i)};</li>
 * <li>an epoch of {@code DataLoader(shuffle=...)}: the iterator draws a base seed (int64
 * {@code random_()}) whether it shuffles or not; RandomSampler then draws its own seed the same
 * way, seeds a fresh generator with it and takes {@code randperm(n)} from that one.</li>
 * </ul>
 * A generator belongs to one run (one thread); nothing here allocates after construction except
 * the sampler generator on the first shuffled epoch.
 */
public final class TorchGenerator implements RandomStream {
    private static final double TWO_TO_MINUS_24 = 0x1p-24;
    private static final double TWO_TO_MINUS_53 = 0x1p-53;
    /** {@code std::numeric_limits<uint32_t>::max() / 20}: randperm's 32-bit algorithm applies below it. */
    static final int RANDPERM_32_BIT_LIMIT = 214748364;

    private final Mt19937 engine;
    private long seed;
    private boolean hasNextDoubleNormal;
    private double nextDoubleNormal;
    private final float[] sincos = new float[2];
    private TorchGenerator sampler;

    /** {@code torch.manual_seed(seed)}. */
    public TorchGenerator(long seed) {
        this.engine = new Mt19937(seed);
        manualSeed(seed);
    }

    /** {@code generator.manual_seed(seed)}: a fresh engine and no cached normal. */
    public void manualSeed(long seed) {
        this.seed = seed;
        engine.seed(seed);
        hasNextDoubleNormal = false;
    }

    public long initialSeed() {
        return seed;
    }

    /** One 32-bit output, unsigned in an int's bits. */
    public int random() {
        return engine.next();
    }

    /** Two 32-bit outputs, the first in the high half. */
    public long random64() {
        long hi = engine.next() & 0xFFFFFFFFL;
        long lo = engine.next() & 0xFFFFFFFFL;
        return hi << 32 | lo;
    }

    /** {@code torch.empty((), dtype=torch.int64).random_()}: random64() modulo 2^63. */
    public long randomInt64() {
        return random64() & Long.MAX_VALUE;
    }

    /** {@code uniform_real_distribution<float>(0, 1)} without the fma: 24 bits. */
    private float uniform24() {
        return (float) ((engine.next() & 0xFFFFFF) * TWO_TO_MINUS_24);
    }

    /** {@code uniform_real_distribution<double>(0, 1)}: 53 bits of random64(). */
    public double uniform53() {
        return (random64() & ((1L << 53) - 1)) * TWO_TO_MINUS_53;
    }

    @Override
    public void uniform(float[] dst, int n, double from, double to) {
        if (!(from <= to)) throw new IllegalArgumentException("uniform_ expects to return a [from, to) range, but found from=" + from + " > to=" + to);
        float lo = (float) from;
        float span = (float) to - lo;
        for (int i = 0; i < n; i++) dst[i] = Math.fma(uniform24(), span, lo);
    }

    @Override
    public void normal(float[] dst, int n, double mean, double std) {
        if (std < 0) throw new IllegalArgumentException("normal expects std >= 0.0, but found std " + std);
        if (n < 16) {
            for (int i = 0; i < n; i++) dst[i] = (float) normalDouble(mean, std);
            return;
        }
        float m = (float) mean;
        float s = (float) std;
        for (int i = 0; i < n; i++) dst[i] = uniform24();
        for (int i = 0; i + 16 <= n; i += 16) Avx2BoxMuller.fill16(dst, i, m, s, sincos);
        if (n % 16 != 0) {
            int tail = n - 16;
            for (int i = 0; i < 16; i++) dst[tail + i] = uniform24();
            Avx2BoxMuller.fill16(dst, tail, m, s, sincos);
        }
    }

    /** {@code normal_distribution<double>(mean, std)}: Box-Muller on two 53-bit uniforms, the sine half cached. */
    public double normalDouble(double mean, double std) {
        if (hasNextDoubleNormal) {
            hasNextDoubleNormal = false;
            return Math.fma(nextDoubleNormal, std, mean);
        }
        double u1 = uniform53();
        double u2 = uniform53();
        double r = Math.sqrt(-2.0 * StrictMath.log1p(-u2));
        double theta = 2.0 * Math.PI * u1;
        nextDoubleNormal = r * StrictMath.sin(theta);
        hasNextDoubleNormal = true;
        return Math.fma(r * StrictMath.cos(theta), std, mean);
    }

    @Override
    public void bernoulli(float[] dst, int n, double p, float valueIfTrue) {
        if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException("bernoulli_ expects p to be in [0, 1], but got p=" + p);
        for (int i = 0; i < n; i++) dst[i] = uniform53() < p ? valueIfTrue : 0f;
    }

    /** {@code torch.randperm(n, generator=this)} into out[0, n). */
    public void randperm(int[] out, int n) {
        if (n < 0) throw new IllegalArgumentException("n must be non-negative, got" + n);
        // from 2^32 / 20 rows on torch switches to a random64() algorithm, which is not reproduced here
        if (n >= RANDPERM_32_BIT_LIMIT) throw new IllegalArgumentException("randperm of " + n + " rows: only n < " + RANDPERM_32_BIT_LIMIT + " is supported");
        for (int i = 0; i < n; i++) out[i] = i;
        for (int i = 0; i < n - 1; i++) {
            int z = (int) Integer.remainderUnsigned(engine.next(), n - i);
            int t = out[i];
            out[i] = out[z + i];
            out[z + i] = t;
        }
    }

    @Override
    public void epochOrder(int[] order, boolean shuffle) {
        randomInt64(); // _BaseDataLoaderIter's _base_seed, drawn even without workers or shuffling
        if (!shuffle) {
            for (int i = 0; i < order.length; i++) order[i] = i;
            return;
        }
        long samplerSeed = randomInt64();
        if (sampler == null) sampler = new TorchGenerator(samplerSeed);
        else sampler.manualSeed(samplerSeed);
        sampler.randperm(order, order.length);
    }

    @Override
    public String toString() {
        return "torch.manual_seed(" + seed + ")";
    }
}
