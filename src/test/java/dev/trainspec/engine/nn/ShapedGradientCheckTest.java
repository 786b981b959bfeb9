package dev.trainspec.engine.nn;

import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Finite-difference checks (see {@link GradientCheck}) of the layers of section 8.4, on shaped rows. */
class ShapedGradientCheckTest {
    private static void check(String what, Supplier<Layer> layer, int[] shape, long seed) {
        double miss = new GradientCheck(layer, shape, 3, seed).run(what);
        System.out.printf("gradient check %-36s miss %.2e%n", what, miss);
    }

    @Test
    void conv2d() {
        check("conv2d 2->3 k3", () -> new Conv(2, 3, 3, 1, 0, true), new int[] {2, 5, 5}, 1);
        check("conv2d 2->3 k3 stride 2 padding 1", () -> new Conv(2, 3, 3, 2, 1, true), new int[] {2, 5, 6}, 2);
        check("conv2d 1->2 k2 no bias", () -> new Conv(2, 2, 2, 1, 0, false), new int[] {1, 4, 4}, 3);
    }

    @Test
    void conv1d() {
        check("conv1d 2->3 k3", () -> new Conv(1, 3, 3, 1, 0, true), new int[] {2, 7}, 4);
        check("conv1d 1->2 k2 stride 2 padding 1", () -> new Conv(1, 2, 2, 2, 1, true), new int[] {1, 6}, 5);
    }

    /**
     * Max pooling is not differentiable where two values of a window are within the step (0.01)
     * of each other; these seeds draw windows without such near-ties.
     */
    @Test
    void pooling() {
        check("max_pool2d k2", () -> new Pool2d(true, 2), new int[] {2, 4, 4}, 21);
        check("max_pool2d k3 stride 2 (overlapping)", () -> new Pool2d(true, 3, 2), new int[] {1, 5, 5}, 24);
        check("avg_pool2d k2", () -> new Pool2d(false, 2), new int[] {2, 4, 5}, 8);
        check("avg_pool2d k3 stride 1", () -> new Pool2d(false, 3, 1), new int[] {1, 4, 4}, 9);
    }

    @Test
    void geluAndLayerNorm() {
        check("gelu", Gelu::new, new int[] {6}, 10);
        check("layer_norm flat", () -> new LayerNorm(1e-5, true), new int[] {6}, 11);
        check("layer_norm over W of [C, H, W]", () -> new LayerNorm(1e-5, true), new int[] {2, 2, 3}, 24);
        check("layer_norm no affine", () -> new LayerNorm(1e-5, false), new int[] {5}, 13);
    }

    @Test
    void softmaxAndLogSoftmaxOverTheChannels() {
        check("log_softmax over C of [C, L]", LogSoftmax::new, new int[] {4, 3}, 16);
        check("log_softmax over C of [C, H, W]", LogSoftmax::new, new int[] {3, 2, 2}, 17);
        check("softmax over C of [C, L]", Softmax::new, new int[] {4, 3}, 18);
        check("softmax over C of [C, H, W]", Softmax::new, new int[] {3, 2, 2}, 19);
    }

    @Test
    void batchNormAndPReLUPerChannel() {
        check("batch_norm over N and L of [C, L]", () -> new BatchNorm1d(0.1, 1e-5), new int[] {3, 4}, 25);
        check("batch_norm on [C, 1]", () -> new BatchNorm1d(0.1, 1e-5), new int[] {4, 1}, 26);
        check("prelu per channel of [C, L]", () -> new PReLU(3, 0.25), new int[] {3, 4}, 27);
        check("prelu per channel of [C, H, W]", () -> new PReLU(2, 0.25), new int[] {2, 2, 3}, 28);
        check("prelu shared on [C, H, W]", () -> new PReLU(1, 0.25), new int[] {2, 2, 3}, 29);
    }

    @Test
    void reshapes() {
        check("unflatten", () -> Reshape.unflatten(2, 3), new int[] {6}, 14);
        check("flatten", Reshape::flatten, new int[] {2, 3}, 15);
    }
}
