package dev.trainspec.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trainspec.engine.loss.Bce;
import dev.trainspec.engine.loss.BceWithLogits;
import dev.trainspec.engine.loss.CrossEntropy;
import dev.trainspec.engine.loss.CrossEntropyOnProbabilities;
import dev.trainspec.engine.loss.Hinge;
import dev.trainspec.engine.loss.Mse;
import dev.trainspec.engine.loss.NllLoss;
import dev.trainspec.engine.nn.Init;
import dev.trainspec.engine.nn.Layer;
import dev.trainspec.engine.nn.Linear;
import dev.trainspec.engine.random.TorchGenerator;
import dev.trainspec.scenario.LayerSpec;
import dev.trainspec.scenario.Named;
import dev.trainspec.scenario.Origin;
import dev.trainspec.scenario.Params;
import dev.trainspec.scenario.yaml.ChoiceDefaults;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scenario records to engine layers and losses, with the loader's parameter names and defaults. */
class FactoriesTest {
    private static final Origin O = Origin.UNKNOWN;

    private static Params params(Map<String, Object> values) {
        return new Params(values, Map.of());
    }

    /** An init or loss choice as the loader delivers it, the table's defaults filled in. */
    private static Named named(String kind, String name, Map<String, Object> values) {
        return ChoiceDefaults.of(kind, new Named(name, params(values), O));
    }

    private static Named init(String name, Map<String, Object> values) {
        return named("init", name, values);
    }

    private static Named loss(String name) {
        return named("loss", name, Map.of());
    }

    /** An activation layer as the loader builds it. */
    private static LayerSpec layer(String name, Map<String, Object> values) {
        return new LayerSpec.Activation(name, named("layer", name, values).params(), O);
    }

    private static String describeBuilt(List<Layer> layers, int inputWidth) {
        TorchGenerator rng = new TorchGenerator(0);
        int width = inputWidth;
        StringBuilder s = new StringBuilder();
        for (Layer l : layers) {
            width = l.build(width, 4, rng);
            if (s.length() > 0) s.append(", ");
            s.append(l.describe());
        }
        return s.toString();
    }

    @Test
    void everyLayerKindWithClassesResolvedToTheLossWidth() {
        List<LayerSpec> specs = List.of(
                new LayerSpec.Linear(16, true, init("pytorch", Map.of()), O),
                layer("relu", Map.of()),
                new LayerSpec.BatchNorm(0.1, 1e-5, O),
                layer("leaky_relu", Map.of("negative_slope", 0.2)),
                new LayerSpec.Dropout(0.5, O),
                new LayerSpec.Linear(8, false, init("xavier_uniform", Map.of("gain", 1.0)), O),
                layer("prelu", Map.of("num_parameters", 8L, "init", 0.25)),
                layer("tanh", Map.of()),
                layer("sigmoid", Map.of()),
                new LayerSpec.Linear(LayerSpec.Linear.CLASSES, true, null, O),
                layer("softmax", Map.of()));
        String described = describeBuilt(ModelFactory.build(specs, 3), 2);
        assertEquals("linear(2->16), relu, batch_norm(16), leaky_relu(0.2), dropout(p=0.5), "
                + "linear(16->8, no bias, init=xavier_uniform(gain=1)), prelu(8), tanh, sigmoid, linear(8->3), softmax", described);
    }

    @Test
    void omittedParametersTakeTheTablesPyTorchDefaults() {
        String described = describeBuilt(ModelFactory.build(List.of(
                layer("leaky_relu", Map.of()),
                layer("prelu", Map.of())), 2), 4);
        assertEquals("leaky_relu(0.01), prelu(1)", described);
    }

    @Test
    void initialisers() {
        assertEquals(new Init.Uniform(-0.1, 0.1), ModelFactory.init(init("uniform", Map.of("a", -0.1, "b", 0.1))));
        assertEquals(new Init.Normal(0.0, 0.02), ModelFactory.init(init("normal", Map.of("mean", 0.0, "std", 0.02))));
        assertEquals(new Init.Constant(0.3), ModelFactory.init(init("constant", Map.of("val", 0.3))));
        assertEquals(new Init.Constant(0.0), ModelFactory.init(init("zeros", Map.of())));
        assertEquals(new Init.XavierNormal(2.0), ModelFactory.init(init("xavier_normal", Map.of("gain", 2.0))));
        assertEquals(new Init.KaimingUniform(0.0, Init.Fan.FAN_OUT, Init.Nonlinearity.RELU),
                ModelFactory.init(init("kaiming_uniform", Map.of("a", 0.0, "mode", "fan_out", "nonlinearity", "relu"))));
        assertEquals(new Init.KaimingNormal(0.0, Init.Fan.FAN_IN, Init.Nonlinearity.LEAKY_RELU),
                ModelFactory.init(init("kaiming_normal", Map.of())));
        assertEquals(new Init.PyTorch(), ModelFactory.init(null));
        Linear l = (Linear) ModelFactory.build(List.of(new LayerSpec.Linear(2, true, init("constant", Map.of("val", 0.5)), O)), 2).get(0);
        TorchGenerator g = new TorchGenerator(0);
        l.build(3, 1, g);
        l.applyInit(g);
        for (float w : l.weight().value) assertEquals(0.5f, w);
    }

    @Test
    void losses() {
        assertInstanceOf(CrossEntropy.class, LossFactory.of(named("loss", "cross_entropy", Map.of("input", "logits"))));
        assertInstanceOf(CrossEntropy.class, LossFactory.of(loss("cross_entropy")));
        assertInstanceOf(CrossEntropyOnProbabilities.class, LossFactory.of(named("loss", "cross_entropy", Map.of("input", "probabilities"))));
        assertInstanceOf(NllLoss.class, LossFactory.of(loss("nll")));
        assertInstanceOf(BceWithLogits.class, LossFactory.of(loss("bce_with_logits")));
        assertInstanceOf(Bce.class, LossFactory.of(loss("bce")));
        assertInstanceOf(Hinge.class, LossFactory.of(loss("hinge")));
        assertEquals(false, ((Mse) LossFactory.of(loss("mse"))).isRegression());
        assertEquals(true, ((Mse) LossFactory.of(loss("mse"), true)).isRegression());
        assertThrows(IllegalStateException.class, () -> LossFactory.of(new Named("focal", Params.EMPTY, O)));
    }
}
