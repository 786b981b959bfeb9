package dev.trainspec.engine.random;

/**
 * The arithmetic of PyTorch's AVX2 {@code normal_} kernel (normal_fill_16_AVX2), one lane at a
 * time: 16 uniforms u[0..16) become 16 normals, lane j pairing u[j] (the radius, through
 * log(1 - u)) with u[j + 8] (the angle). log and sincos are the Cephes-style single-precision
 * polynomials of avx_mathfun.h, evaluated in float exactly as the compiled kernel does it: GCC
 * contracts a multiply whose only use is an add into a fused multiply-add (the first such multiply
 * in program order, when an add has two), which {@link Math#fma(float, float, float)} reproduces.
 * Checked bit for bit against torch 1.13 on 320,000 normals (two mean/std pairs) during
 * development and on the fixture cases in TorchGeneratorTest; other contraction choices miss
 * 12 to 90 of them by an ulp.
 */
final class Avx2BoxMuller {
    private static final float TWO_PI = (float) (2.0 * Math.PI);

    private static final float SQRTHF = 0.707106781186547524f;
    private static final float[] LOG_P = {7.0376836292E-2f, -1.1514610310E-1f, 1.1676998740E-1f, -1.2420140846E-1f,
            1.4249322787E-1f, -1.6668057665E-1f, 2.0000714765E-1f, -2.4999993993E-1f, 3.3333331174E-1f};
    private static final float LOG_Q1 = -2.12194440e-4f;
    private static final float LOG_Q2 = 0.693359375f;

    private static final float FOUR_OVER_PI = 1.27323954473516f;
    private static final float MINUS_DP1 = -0.78515625f;
    private static final float MINUS_DP2 = -2.4187564849853515625e-4f;
    private static final float MINUS_DP3 = -3.77489497744594108e-8f;
    private static final float SIN_P0 = -1.9515295891E-4f;
    private static final float SIN_P1 = 8.3321608736E-3f;
    private static final float SIN_P2 = -1.6666654611E-1f;
    private static final float COS_P0 = 2.443315711809948E-005f;
    private static final float COS_P1 = -1.388731625493765E-003f;
    private static final float COS_P2 = 4.166664568298827E-002f;

    private Avx2BoxMuller() {}

    /**
     * Replaces data[off, off + 16) (uniforms in [0, 1)) with normals: mean + std * radius * cos/sin(angle).
     * @param sincos a scratch pair
     */
    static void fill16(float[] data, int off, float mean, float std, float[] sincos) {
        for (int j = 0; j < 8; j++) {
            float u1 = 1f - data[off + j];
            float u2 = data[off + j + 8];
            float radius = (float) Math.sqrt(-2f * log(u1));
            float theta = TWO_PI * u2;
            sincos(theta, sincos);
            data[off + j] = Math.fma(radius * sincos[1], std, mean);
            data[off + j + 8] = Math.fma(radius * sincos[0], std, mean);
        }
    }

    /** log256_ps for one lane, x in [2^-24, 1] (no denormals, no {@code x <= 0} here). */
    static float log(float x) {
        int bits = Float.floatToRawIntBits(x);
        float e = (float) ((bits >>> 23) - 0x7f) + 1f;
        // mantissa in [0.5, 1)
        float m = Float.intBitsToFloat((bits & ~0x7f800000) | 0x3f000000);
        if (m < SQRTHF) {
            e -= 1f;
            m = (m - 1f) + m;
        } else {
            m = m - 1f;
        }
        float z = m * m;
        float y = LOG_P[0];
        for (int k = 1; k < LOG_P.length; k++) y = Math.fma(y, m, LOG_P[k]);
        y = y * m;
        // y * z + e * q1: GCC fuses the first of the two products it meets, so e * q1 is rounded alone
        y = Math.fma(y, z, e * LOG_Q1);
        y = Math.fma(-z, 0.5f, y);
        return Math.fma(e, LOG_Q2, m + y);
    }

    /** sincos256_ps for one lane, x >= 0 (an angle in [0, 2 pi)): out[0] = sin, out[1] = cos. */
    static void sincos(float x, float[] out) {
        int j = (int) (x * FOUR_OVER_PI);
        j = (j + 1) & ~1;
        float y = j;
        boolean sinNegative = (j & 4) != 0;
        boolean cosNegative = ((j - 2) & 4) == 0;
        boolean sinFromSinPoly = (j & 2) == 0;
        x = Math.fma(y, MINUS_DP1, x);
        x = Math.fma(y, MINUS_DP2, x);
        x = Math.fma(y, MINUS_DP3, x);
        float z = x * x;
        float c = Math.fma(Math.fma(COS_P0, z, COS_P1), z, COS_P2);
        c = c * z;
        c = Math.fma(c, z, -(z * 0.5f));
        c = c + 1f;
        float s = Math.fma(Math.fma(SIN_P0, z, SIN_P1), z, SIN_P2);
        s = s * z;
        s = Math.fma(s, x, x);
        float sin = sinFromSinPoly ? s : c;
        float cos = sinFromSinPoly ? c : s;
        out[0] = sinNegative ? -sin : sin;
        out[1] = cosNegative ? -cos : cos;
    }
}
