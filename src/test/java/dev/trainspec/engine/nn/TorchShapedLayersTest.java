package dev.trainspec.engine.nn;

import static dev.trainspec.engine.Close.assertClose;
import static dev.trainspec.engine.TorchFixture.floats;
import static dev.trainspec.engine.TorchFixture.ints;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trainspec.engine.TorchFixture;
import dev.trainspec.engine.random.TorchGenerator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The layers of section 8.4 against PyTorch 1.13 (torch/shaped_layers.json,
 * make_torch_shaped_fixtures.py): forward output, input gradient and parameter gradients on the
 * same float32 values, compared with PyTorch's float32 pass and with the same pass in float64
 * (the double-precision reference), each to float32 rounding; and whole models' initial
 * parameters after torch.manual_seed, bit for bit.
 */
class TorchShapedLayersTest {
    /** A few float32 roundings over sums of up to ~20 terms, relative to the element plus the tensor's largest value. */
    private static final double RTOL = 5e-7;
    private static final Map<String, Object> CASES = TorchFixture.cases("shaped_layers.json");

    /** Builds the layer for the case's [batch, ...] input, loads its parameters, compares forward and backward. */
    private static void check(String name, Function<double[], Layer> make) {
        Map<String, Object> c = TorchFixture.of(CASES, name);
        int[] shape = ints(c, "shape");
        int batch = shape[0];
        int[] row = Arrays.copyOfRange(shape, 1, shape.length);
        double[] params = c.containsKey("params") ? ((List<?>) c.get("params")).stream().mapToDouble(v -> v instanceof Boolean b ? (b ? 1 : 0) : ((Number) v).doubleValue()).toArray() : new double[0];
        Layer layer = make.apply(params);
        if (layer instanceof ShapedLayer s) s.build(row, batch, new TorchGenerator(0));
        else layer.build(ShapedLayer.size(row), batch, new TorchGenerator(0));
        for (Parameter p : layer.parameters()) System.arraycopy(floats(c, p.name), 0, p.value, 0, p.size());
        float[] y = layer.forward(floats(c, "x"), batch, true);
        float[] dx = layer.backward(floats(c, "g"), batch, true);
        for (String ref : List.of("", "64")) {
            String against = ref.isEmpty() ? " (torch float32)" : " (torch float64)";
            float[] expectedY = floats(c, "y" + ref);
            double miss = assertClose(name + " output" + against, expectedY, Arrays.copyOf(y, expectedY.length), RTOL);
            float[] expectedDx = floats(c, "dx" + ref);
            miss = Math.max(miss, assertClose(name + " input gradient" + against, expectedDx, Arrays.copyOf(dx, expectedDx.length), RTOL));
            for (Parameter p : layer.parameters()) {
                miss = Math.max(miss, assertClose(name + " d" + p.name + against, floats(c, "d" + p.name + ref), p.grad, RTOL));
            }
            System.out.printf("%-24s%s largest relative miss %.2e%n", name, against, miss);
        }
    }

    private static int i(double[] p, int k) {
        return (int) p[k];
    }

    @Test
    void conv2d() {
        for (String name : List.of("conv2d_2to3_k3", "conv2d_2to3_k3_s2_p1", "conv2d_1to4_k2_nobias")) {
            check(name, p -> new Conv(2, i(p, 0), i(p, 1), i(p, 2), i(p, 3), p[4] != 0));
        }
    }

    @Test
    void conv1d() {
        for (String name : List.of("conv1d_3to2_k3_p1", "conv1d_1to3_k4_s2")) {
            check(name, p -> new Conv(1, i(p, 0), i(p, 1), i(p, 2), i(p, 3), p[4] != 0));
        }
    }

    @Test
    void pooling() {
        check("max_pool2d_k2", p -> new Pool2d(true, i(p, 0), i(p, 1)));
        check("max_pool2d_k3_s2", p -> new Pool2d(true, i(p, 0), i(p, 1)));
        check("avg_pool2d_k2", p -> new Pool2d(false, i(p, 0), i(p, 1)));
        check("avg_pool2d_k3_s1", p -> new Pool2d(false, i(p, 0), i(p, 1)));
    }

    @Test
    void geluAndLayerNorm() {
        check("gelu", p -> new Gelu());
        for (String name : List.of("layer_norm_6", "layer_norm_w_of_chw", "layer_norm_no_affine")) {
            check(name, p -> new LayerNorm(p[0], p[1] != 0));
        }
    }

    /** Dim 1 of [C, L] and [C, H, W] rows: a softmax over the channels at each position, not over the row. */
    @Test
    void softmaxAndLogSoftmaxOverTheChannels() {
        check("log_softmax_c4_l9", p -> new LogSoftmax());
        check("log_softmax_c3_hw_wide", p -> new LogSoftmax());
        check("softmax_c4_l9", p -> new Softmax());
        check("softmax_c3_hw", p -> new Softmax());
    }

    /**
     * BatchNorm1d(C) on [C, L] rows in training: statistics per channel over the batch's N * L
     * values, so one row of L > 1 values trains as in PyTorch.
     */
    @Test
    void batchNormOverTheChannelsOfCLRows() {
        check("batch_norm_c4_l9", p -> new BatchNorm1d(p[0], p[1]));
        check("batch_norm_c3_l5_one_row", p -> new BatchNorm1d(p[0], p[1]));
    }

    /** Running statistics over three training batches of [C, L] rows (one of a single row), then eval. */
    @Test
    void batchNormRunningStatisticsOfCLRowsThenEval() {
        Map<String, Object> c = TorchFixture.of(CASES, "batch_norm_c3_l4_3_steps_then_eval");
        BatchNorm1d bn = new BatchNorm1d(TorchFixture.number(c, "momentum"), TorchFixture.number(c, "eps"));
        bn.build(new int[] {3, 4}, 6, new TorchGenerator(0));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> steps = (List<Map<String, Object>>) c.get("steps");
        for (int k = 0; k < steps.size(); k++) {
            Map<String, Object> step = steps.get(k);
            bn.forward(floats(step, "x"), ints(step, "shape")[0], true);
            assertClose("running_mean after step " + (k + 1), floats(step, "running_mean"), bn.runningMean(), RTOL);
            assertClose("running_var after step " + (k + 1), floats(step, "running_var"), bn.runningVar(), RTOL);
        }
        System.arraycopy(floats(c, "weight"), 0, bn.parameters().get(0).value, 0, 3);
        System.arraycopy(floats(c, "bias"), 0, bn.parameters().get(1).value, 0, 3);
        int batch = ints(c, "shape")[0];
        float[] y = bn.forward(floats(c, "x"), batch, false);
        float[] dx = bn.backward(floats(c, "g"), batch, true);
        assertClose("eval output", floats(c, "y"), Arrays.copyOf(y, batch * 12), RTOL);
        assertClose("eval input gradient", floats(c, "dx"), Arrays.copyOf(dx, batch * 12), RTOL);
        assertClose("eval dweight", floats(c, "dweight"), bn.parameters().get(0).grad, RTOL);
        assertClose("eval dbias", floats(c, "dbias"), bn.parameters().get(1).grad, RTOL);
    }

    /** PReLU(C) on [C, L] and [C, H, W] rows: one slope per channel; PReLU() still one for all. */
    @Test
    void preluSlopePerChannel() {
        for (String name : List.of("prelu_c4_l9", "prelu_c3_hw", "prelu_1_of_c3_hw")) check(name, p -> new PReLU(i(p, 0), p[1]));
    }

    /** nn.Sequential(...) after torch.manual_seed(seed): every parameter bit for bit, then the generator's next draws. */
    private static void checkInit(String name, List<Layer> layers, int[] input) {
        Map<String, Object> c = TorchFixture.of(CASES, name);
        TorchGenerator g = new TorchGenerator((long) TorchFixture.number(c, "seed"));
        int[] shape = input;
        List<Parameter> params = new ArrayList<>();
        for (Layer l : layers) {
            if (l instanceof ShapedLayer s) {
                s.build(shape, 1, g);
                shape = s.outputShape(shape);
            } else {
                int width = l.build(ShapedLayer.size(shape), 1, g);
                if (width != ShapedLayer.size(shape)) shape = new int[] {width}; // element-wise layers keep the shape
            }
            params.addAll(l.parameters());
        }
        @SuppressWarnings("unchecked")
        List<List<Object>> expected = (List<List<Object>>) c.get("parameters");
        assertEquals(expected.size(), params.size(), name + ": parameters");
        for (int k = 0; k < params.size(); k++) {
            assertSameBits(expected.get(k).get(1), params.get(k).value, name + " parameter " + k + " (" + expected.get(k).get(0) + ")");
        }
        float[] next = new float[4];
        g.uniform(next, 4, 0, 1);
        assertSameBits(c.get("after"), next, name + ": the draws after the model");
    }

    private static void assertSameBits(Object expected, float[] actual, String what) {
        List<?> list = (List<?>) expected;
        assertEquals(list.size(), actual.length, what + ": size");
        for (int k = 0; k < actual.length; k++) {
            assertEquals(Float.floatToIntBits(((Number) list.get(k)).floatValue()), Float.floatToIntBits(actual[k]), what + "[" + k + "]");
        }
    }

    @Test
    void digitsCnnStartsWithPyTorchsWeights() {
        checkInit("digits_cnn_seed3", List.of(Reshape.unflatten(1, 8, 8), new Conv(2, 8, 3, 1, 0, true), new ReLU(), new Pool2d(true, 2),
                Reshape.flatten(), new Linear(10)), new int[] {64});
    }

    @Test
    void conv1dWithoutBiasGeluAndLayerNormStartWithPyTorchsWeights() {
        checkInit("conv1d_layer_norm_seed5", List.of(Reshape.unflatten(2, 6), new Conv(1, 3, 3, 1, 1, false), new Gelu(),
                new LayerNorm(1e-5, true), Reshape.flatten(), new Linear(4)), new int[] {12});
    }
}
