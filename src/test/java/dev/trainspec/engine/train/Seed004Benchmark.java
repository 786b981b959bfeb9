package dev.trainspec.engine.train;

import dev.trainspec.engine.loss.CrossEntropy;
import dev.trainspec.engine.nn.Layer;
import dev.trainspec.engine.nn.Linear;
import dev.trainspec.engine.nn.Parameter;
import dev.trainspec.engine.nn.ReLU;
import dev.trainspec.engine.optim.Optimizer;
import dev.trainspec.engine.optim.Schedule;
import dev.trainspec.engine.random.RandomState;
import java.util.Arrays;
import java.util.List;

/**
 * Microbenchmark of the seed-004 run: 800 training rows (moons-like, 2 features), a 2-16-2 ReLU
 * MLP, cross-entropy, momentum SGD (a minimal stand-in, not the engine's optimizer), batch 32,
 * 100 epochs, both splits evaluated every epoch. Prints the first (cold JIT) run and the median
 * of later runs. Run: mvn -q -o test-compile, then java -cp target/classes:target/test-classes
 * dev.trainspec.engine.train.Seed004Benchmark
 */
public final class Seed004Benchmark {
    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        Split train = moons("train", 800, 1);
        Split test = moons("test", 200, 2);
        long[] nanos = new long[runs];
        double acc = 0;
        for (int k = 0; k < runs; k++) {
            long t0 = System.nanoTime();
            TrainingRun run = once(train, test, k);
            nanos[k] = System.nanoTime() - t0;
            acc = run.history().last("test.accuracy");
        }
        long[] later = Arrays.copyOfRange(nanos, 1, runs);
        Arrays.sort(later);
        System.out.printf("seed-004 run: first %.1f ms, median of %d later %.2f ms, best %.2f ms (last test accuracy %.3f)%n",
                nanos[0] / 1e6, later.length, later[later.length / 2] / 1e6, later[0] / 1e6, acc);
    }

    static TrainingRun once(Split train, Split test, long seed) {
        RandomState rng = new RandomState(seed);
        List<Layer> layers = List.of(new Linear(16), new ReLU(), new Linear(2));
        int[] widths = new int[layers.size() + 1];
        widths[0] = 2;
        int maxBatch = 1000;
        for (int i = 0; i < layers.size(); i++) widths[i + 1] = layers.get(i).build(widths[i], maxBatch, rng);
        List<Parameter> params = layers.stream().flatMap(l -> l.parameters().stream()).toList();
        TrainConfig config = new TrainConfig(100, 32, true, Double.NaN, null, null);
        return new Trainer(layers, widths, maxBatch, new CrossEntropy(), new MomentumSgd(params, 0.1, 0.9), new Constant(0.1),
                config, new RandomState(seed + 1), train, test).run();
    }

    static Split moons(String name, int rows, long seed) {
        RandomState r = new RandomState(seed);
        float[] x = new float[rows * 2];
        int[] y = new int[rows];
        for (int i = 0; i < rows; i++) {
            double t = Math.PI * r.randomSample();
            y[i] = i % 2;
            x[2 * i] = (float) ((y[i] == 0 ? Math.cos(t) : 1 - Math.cos(t)) + 0.2 * r.standardNormal());
            x[2 * i + 1] = (float) ((y[i] == 0 ? Math.sin(t) : 0.5 - Math.sin(t)) + 0.2 * r.standardNormal());
        }
        return new Split(name, x, rows, 2, y, null, 2);
    }

    /** torch.optim.SGD(momentum) without dampening, nesterov or weight decay. */
    static final class MomentumSgd implements Optimizer {
        private final List<Parameter> params;
        private final float[][] velocity;
        private double lr;
        private final float momentum;
        private boolean first = true;

        MomentumSgd(List<Parameter> params, double lr, double momentum) {
            this.params = params;
            this.lr = lr;
            this.momentum = (float) momentum;
            this.velocity = params.stream().map(p -> new float[p.size()]).toArray(float[][]::new);
        }

        @Override
        public void step() {
            float rate = (float) lr;
            for (int p = 0; p < params.size(); p++) {
                float[] v = velocity[p];
                float[] w = params.get(p).value;
                float[] g = params.get(p).grad;
                for (int i = 0; i < w.length; i++) {
                    v[i] = first ? g[i] : v[i] * momentum + g[i];
                    w[i] -= rate * v[i];
                }
            }
            first = false;
        }

        @Override
        public double lr() {
            return lr;
        }

        @Override
        public void setLr(double lr) {
            this.lr = lr;
        }

        @Override
        public String describe() {
            return "sgd";
        }
    }

    record Constant(double lr) implements Schedule {
        @Override
        public double next(int epoch, double monitored) {
            return lr;
        }

        @Override
        public String describe() {
            return "constant";
        }
    }
}
