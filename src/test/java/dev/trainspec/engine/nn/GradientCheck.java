package dev.trainspec.engine.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainspec.engine.random.RandomState;
import dev.trainspec.engine.random.TorchGenerator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Central finite differences of L = sum(y * r) (r fixed random weights, summed in double) with
 * respect to a layer's input and every parameter, against the layer's backward. The layer works
 * in float32, so the step is 1e-2 and inputs keep |x| >= 0.1 (away from the kinks of ReLU-like
 * units); the miss is the largest |analytic - numeric| over a tensor divided by the tensor's
 * largest |analytic|. Each perturbed evaluation uses a freshly built layer with the same seed and
 * the same parameters, so a dropout mask is the same in every evaluation.
 */
final class GradientCheck {
    static final double STEP = 1e-2;
    static final double TOLERANCE = 5e-4;
    private static final long LAYER_SEED = 99;

    private final Supplier<Layer> factory;
    private final int width;
    private final int batch;
    private final boolean training;
    private final Consumer<Layer> prepare;
    /** The per-row input shape handed to a {@link ShapedLayer} (null: flat rows of {@code width}). */
    private final int[] shape;
    private final float[] x;
    private final float[] weights;
    private final List<float[]> paramValues;
    private int outWidth;

    /** {@code prepare} runs on every fresh layer after build (e.g. training steps that move running statistics). */
    GradientCheck(Supplier<Layer> factory, int width, int batch, boolean training, Consumer<Layer> prepare, long seed) {
        this(factory, null, width, batch, training, prepare, seed);
    }

    /** A shaped layer fed rows of {@code shape}. */
    GradientCheck(Supplier<Layer> factory, int[] shape, int batch, long seed) {
        this(factory, shape, ShapedLayer.size(shape), batch, true, l -> {}, seed);
    }

    private GradientCheck(Supplier<Layer> factory, int[] shape, int width, int batch, boolean training, Consumer<Layer> prepare, long seed) {
        this.factory = factory;
        this.shape = shape;
        this.width = width;
        this.batch = batch;
        this.training = training;
        this.prepare = prepare;
        RandomState rng = new RandomState(seed);
        this.x = new float[batch * width];
        for (int i = 0; i < x.length; i++) {
            double u = rng.uniform(0.1, 1.6);
            x[i] = (float) (rng.randomSample() < 0.5 ? -u : u);
        }
        Layer probe = fresh(null);
        this.paramValues = probe.parameters().stream().map(p -> {
            float[] v = new float[p.size()];
            for (int i = 0; i < v.length; i++) v[i] = (float) rng.uniform(-1, 1);
            return v;
        }).toList();
        this.weights = new float[batch * outWidth];
        for (int i = 0; i < weights.length; i++) weights[i] = (float) rng.normal(0, 1);
    }

    static GradientCheck of(Supplier<Layer> factory, int width, boolean training) {
        return new GradientCheck(factory, width, 5, training, l -> {}, 2024);
    }

    private Layer fresh(List<float[]> values) {
        Layer layer = factory.get();
        outWidth = layer instanceof ShapedLayer shaped && shape != null ? shaped.build(shape, batch, new TorchGenerator(LAYER_SEED))
                : layer.build(width, batch, new TorchGenerator(LAYER_SEED));
        prepare.accept(layer);
        if (values != null) {
            List<Parameter> ps = layer.parameters();
            for (int i = 0; i < ps.size(); i++) System.arraycopy(values.get(i), 0, ps.get(i).value, 0, ps.get(i).size());
        }
        return layer;
    }

    private double objective(float[] input, List<float[]> values) {
        float[] y = fresh(values).forward(input, batch, training);
        double sum = 0;
        for (int i = 0; i < weights.length; i++) sum += (double) y[i] * weights[i];
        return sum;
    }

    /** Checks the input gradient and every parameter gradient; returns the largest miss. */
    double run(String what) {
        Layer layer = fresh(paramValues);
        layer.forward(x, batch, training);
        float[] dx = layer.backward(weights, batch, true).clone();
        double worst = compare(what + " input", dx, k -> {
            float[] xp = x.clone();
            xp[k] += STEP;
            float[] xm = x.clone();
            xm[k] -= STEP;
            return (objective(xp, paramValues) - objective(xm, paramValues)) / (2 * STEP);
        }, x.length);
        List<Parameter> ps = layer.parameters();
        for (int p = 0; p < ps.size(); p++) {
            int index = p;
            worst = Math.max(worst, compare(what + " " + ps.get(p).name, ps.get(p).grad, k -> {
                List<float[]> plus = paramValues.stream().map(float[]::clone).toList();
                plus.get(index)[k] += STEP;
                List<float[]> minus = paramValues.stream().map(float[]::clone).toList();
                minus.get(index)[k] -= STEP;
                return (objective(x, plus) - objective(x, minus)) / (2 * STEP);
            }, ps.get(p).size()));
        }
        return worst;
    }

    private static double compare(String what, float[] analytic, java.util.function.IntToDoubleFunction numeric, int n) {
        double scale = 0;
        double diff = 0;
        for (int k = 0; k < n; k++) {
            scale = Math.max(scale, Math.abs(analytic[k]));
            diff = Math.max(diff, Math.abs(analytic[k] - numeric.applyAsDouble(k)));
        }
        double miss = scale == 0 ? diff : diff / scale;
        assertTrue(miss <= TOLERANCE, what + " gradient: finite-difference miss " + miss + " > " + TOLERANCE);
        assertTrue(scale > 0 || diff == 0, what + " gradient is all zero");
        return miss;
    }
}
