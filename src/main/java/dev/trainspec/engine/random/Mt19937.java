package dev.trainspec.engine.random;

/**
 * The 32-bit Mersenne Twister as std::mt19937 and at::mt19937 define it (init_genrand seeding
 * from the low 32 bits of the seed). Reseeding reuses the state array, so a per-epoch generator
 * allocates nothing.
 */
final class Mt19937 {
    private static final int N = 624;
    private static final int M = 397;
    private final int[] mt = new int[N];
    private int pos;

    Mt19937(long seed) {
        seed(seed);
    }

    void seed(long seed) {
        long s = seed & 0xFFFFFFFFL;
        for (int i = 0; i < N; i++) {
            mt[i] = (int) s;
            s = (1812433253L * (s ^ (s >>> 30)) + i + 1) & 0xFFFFFFFFL;
        }
        pos = N;
    }

    /** The next 32-bit output, as an unsigned value in an int's bits. */
    int next() {
        if (pos >= N) twist();
        return temper(mt[pos++]);
    }

    /** How many outputs are left before the state is twisted again (twisting first when none is). */
    int available() {
        if (pos >= N) twist();
        return N - pos;
    }

    /**
     * The next {@code n} outputs ({@code n <= available()}) into {@code out}, without consuming
     * them: {@link #skip} consumes as many of them as the caller used. A loop over a block of
     * outputs, with no twist check per output, is what a bulk draw needs.
     */
    void peek(int[] out, int n) {
        for (int i = 0; i < n; i++) out[i] = temper(mt[pos + i]);
    }

    /** Consumes {@code n} outputs that {@link #peek} returned. */
    void skip(int n) {
        pos += n;
    }

    private static int temper(int y) {
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y;
    }

    private void twist() {
        int i = 0;
        for (; i < N - M; i++) mt[i] = mix(mt[i + M], mt[i], mt[i + 1]);
        for (; i < N - 1; i++) mt[i] = mix(mt[i + M - N], mt[i], mt[i + 1]);
        mt[N - 1] = mix(mt[M - 1], mt[N - 1], mt[0]);
        pos = 0;
    }

    private static int mix(int far, int current, int next) {
        int y = (current & 0x80000000) | (next & 0x7fffffff);
        return far ^ (y >>> 1) ^ (-(y & 1) & 0x9908b0df); // the matrix row when y is odd, without a branch
    }
}
