package dev.trainspec.engine.optim;

import dev.trainspec.engine.nn.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The optimizer fixture made by src/test/python/make_optim_fixtures.py with torch 1.13: a small
 * problem (a 5x4 and a 3-element parameter, pseudo-gradients {@code curvature * (p - center) +
 * noise[t]}) and, per case, torch's parameters after each of 50 steps. {@link #replay} runs the
 * same steps with a Java optimizer and measures how far it lands from torch.
 */
public final class TorchOptimizerFixture {
    public record Case(String name, String optimizer, Map<String, Object> args, Map<Integer, Double> lrChanges, float[][] expected) {
        @Override
        public String toString() {
            return name + " " + optimizer + args;
        }
    }

    /** Largest miss over all steps and values, relative to max(|torch value|, 1); and how many values were bit-identical. */
    public record Miss(double worst, int worstStep, int identical, int total) {
        @Override
        public String toString() {
            return String.format("max miss %.3g (step %d), %d of %d values bit-identical", worst, worstStep + 1, identical, total);
        }
    }

    private final Map<String, Object> json = TinyJson.resource("/torch/optim_steps.json");
    private final int steps = ((Number) json.get("steps")).intValue();
    private final List<int[]> shapes = new ArrayList<>();

    public TorchOptimizerFixture() {
        for (Object s : list(json.get("shapes"))) shapes.add(list(s).stream().mapToInt(v -> ((Number) v).intValue()).toArray());
    }

    @SuppressWarnings("unchecked")
    public List<Case> cases() {
        List<Case> out = new ArrayList<>();
        for (Object o : list(json.get("cases"))) {
            Map<String, Object> c = (Map<String, Object>) o;
            Map<Integer, Double> changes = new java.util.TreeMap<>();
            ((Map<String, Object>) c.get("lr_changes")).forEach((k, v) -> changes.put(Integer.parseInt(k), ((Number) v).doubleValue()));
            List<Object> traj = list(c.get("params"));
            float[][] expected = new float[traj.size()][];
            for (int t = 0; t < expected.length; t++) expected[t] = floats(traj.get(t));
            out.add(new Case((String) c.get("name"), (String) c.get("optimizer"), (Map<String, Object>) c.get("args"), changes, expected));
        }
        return out;
    }

    /** Fresh parameters at the fixture's starting point. */
    public List<Parameter> freshParameters() {
        List<Parameter> params = new ArrayList<>();
        List<Object> init = list(json.get("init"));
        for (int k = 0; k < shapes.size(); k++) {
            Parameter p = new Parameter("p" + k, shapes.get(k));
            System.arraycopy(floats(init.get(k)), 0, p.value, 0, p.size());
            params.add(p);
        }
        return params;
    }

    public Miss replay(Case c, Function<List<Parameter>, Optimizer> build) {
        List<Parameter> params = freshParameters();
        Optimizer opt = build.apply(params);
        float[][] curvature = perParam("curvature");
        float[][] center = perParam("center");
        List<Object> noise = list(json.get("noise"));
        double worst = 0;
        int worstStep = 0;
        int identical = 0;
        int total = 0;
        for (int t = 0; t < steps; t++) {
            if (c.lrChanges().containsKey(t)) opt.setLr(c.lrChanges().get(t));
            List<Object> noiseT = list(noise.get(t));
            for (int k = 0; k < params.size(); k++) {
                Parameter p = params.get(k);
                float[] n = floats(noiseT.get(k));
                // same float32 operations as torch: c * (p - m) + n
                for (int j = 0; j < p.size(); j++) p.grad[j] = curvature[k][j] * (p.value[j] - center[k][j]) + n[j];
            }
            opt.step();
            int off = 0;
            for (Parameter p : params) {
                for (int j = 0; j < p.size(); j++, off++) {
                    float want = c.expected()[t][off];
                    float got = p.value[j];
                    double miss = Math.abs((double) got - want) / Math.max(Math.abs(want), 1.0);
                    if (!(miss <= worst)) {
                        worst = miss;
                        worstStep = t;
                    }
                    if (Float.floatToIntBits(got) == Float.floatToIntBits(want)) identical++;
                    total++;
                }
            }
        }
        return new Miss(worst, worstStep, identical, total);
    }

    private float[][] perParam(String key) {
        List<Object> rows = list(json.get(key));
        float[][] out = new float[rows.size()][];
        for (int k = 0; k < out.length; k++) out[k] = floats(rows.get(k));
        return out;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    static float[] floats(Object o) {
        List<Object> l = list(o);
        float[] f = new float[l.size()];
        for (int i = 0; i < f.length; i++) f[i] = ((Number) l.get(i)).floatValue();
        return f;
    }
}
