package dev.trainspec.run;

import dev.trainspec.engine.nn.ShapedLayer;
import dev.trainspec.engine.tensor.Simd;
import dev.trainspec.scenario.LayerSpec;
import dev.trainspec.scenario.Scenario;
import dev.trainspec.scenario.ScenarioFile;

/**
 * When the vector kernels pay: the one rule the CLI (restart with the vector module or not) and
 * every run (start compiling the vector kernels or not) follow, so a scenario gets the same
 * treatment from {@code trainspec run}, {@code mvn test} and an IDE. The vector kernels are 1.4-2x
 * faster on wide layers once compiled, but compiling them costs about a second of CPU and the
 * CLI's restart 0.3-0.5 s. Measured as whole processes on this project's 2-core machine
 * (docs/benchmarks.md), no bundled scenario gains: seed 000 (5.2e8 multiply-adds) saves 0.1 s
 * of training CPU, and seed 002's softmax file (5.5e9, 64-wide layers, small batches) took
 * 6.1 s of CPU with the vector module against 4.6 s without. Either way the results are the same bits.
 */
public final class VectorWork {
    /** Multiply-adds of a file's runs (all variants and repeats) from which the vector kernels pay. */
    static final double PAYS_FROM = 1e10;

    private VectorWork() {}

    /** True when the file's training work is large enough for the vector kernels to pay. */
    public static boolean pays(ScenarioFile file) {
        double work = 0;
        for (Scenario s : file.variants()) work += multiplyAdds(s);
        return work >= PAYS_FROM;
    }

    /**
     * Forward and backward multiply-adds of the variant's runs, estimated before any data exists:
     * 3 x epochs x generated rows x multiply-adds a row x repeats, the first layer as wide as the
     * generator's features (0 for a csv file or a bundled dataset, whose width is known only when
     * read: they are small). A row's multiply-adds are each linear layer's weights and each
     * convolution's outputs x patch size, the shapes followed through the model.
     */
    static double multiplyAdds(Scenario s) {
        Limits.DataSize size = Limits.DataSize.of(s.data().source());
        if (size == null || size.features() > Integer.MAX_VALUE) return 0;
        double perRow = 0;
        int[] shape = {(int) size.features()};
        for (LayerSpec layer : s.model()) {
            if (layer instanceof LayerSpec.Linear linear) {
                long in = ShapedLayer.size(shape);
                long out = Math.max(1, linear.out());
                perRow += (double) in * out + out;
                shape = new int[] {(int) Math.min(out, Integer.MAX_VALUE)};
            } else if (ModelShapes.isShaped(layer)) {
                int[] out;
                try {
                    out = ((ShapedLayer) ModelFactory.layer(layer, 0)).outputShape(shape);
                } catch (IllegalArgumentException | ArithmeticException refused) {
                    break; // a shape the loader's checks refuse: the work so far
                }
                if (layer instanceof LayerSpec.Conv conv) perRow += (double) ShapedLayer.size(out) * shape[0] * Math.pow(conv.kernelSize(), conv.dims());
                shape = out;
            }
        }
        return 3.0 * s.train().epochs() * size.rows() * perRow * Math.max(1, s.repeat());
    }

    /** Starts compiling the vector kernels when the file's work pays for it (nothing when they are off). */
    static void warmUpIfItPays(ScenarioFile file) {
        if (Simd.ENABLED && pays(file)) Simd.warmUp();
    }
}
