package dev.trainspec.export;

import dev.trainspec.run.ModelShapes;
import dev.trainspec.scenario.LayerSpec;
import dev.trainspec.scenario.Named;
import dev.trainspec.scenario.Params;
import dev.trainspec.scenario.Problem;
import dev.trainspec.scenario.ScenarioException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code model:} as the {@code nn.Sequential} it stands for, input sizes written out (trainspec
 * inferred them), then the custom {@code init:}s as {@code nn.init.X_(weight)} calls after the
 * whole model was built: the order in which the engine draws them from the seeded generator.
 *
 * <p>One row of {@link #LAYERS} a word of the language: a new layer is one more entry. A word
 * without a row is refused at its line, never exported as something else.
 */
final class ModelCode {
    private ModelCode() {}

    /** A layer's module expression from its spec and its per-row input and output shapes ({@code run.Checks.shapes}). */
    private interface Emitter {
        String module(LayerSpec spec, int[] in, int[] out);
    }

    private static final Map<String, Emitter> LAYERS = Map.ofEntries(
            Map.entry("linear", (spec, in, out) -> "nn.Linear(" + in[0] + ", " + out[0] + (((LayerSpec.Linear) spec).bias() ? "" : ", bias=False") + ")"),
            Map.entry("relu", (spec, in, out) -> "nn.ReLU()"),
            Map.entry("leaky_relu", (spec, in, out) -> "nn.LeakyReLU(" + keywords(spec) + ")"),
            Map.entry("prelu", (spec, in, out) -> "nn.PReLU(" + keywords(spec) + ")"),
            Map.entry("sigmoid", (spec, in, out) -> "nn.Sigmoid()"),
            Map.entry("tanh", (spec, in, out) -> "nn.Tanh()"),
            Map.entry("gelu", (spec, in, out) -> "nn.GELU()"),
            Map.entry("softmax", (spec, in, out) -> "nn.Softmax(dim=1)"),
            Map.entry("log_softmax", (spec, in, out) -> "nn.LogSoftmax(dim=1)"),
            Map.entry("dropout", (spec, in, out) -> "nn.Dropout(p=" + Py.number(((LayerSpec.Dropout) spec).p()) + ")"),
            Map.entry("batch_norm", (spec, in, out) -> {
                LayerSpec.BatchNorm b = (LayerSpec.BatchNorm) spec;
                return "nn.BatchNorm1d(" + in[0] + ", eps=" + Py.number(b.eps()) + ", momentum=" + Py.number(b.momentum()) + ")";
            }),
            Map.entry("unflatten", (spec, in, out) -> "nn.Unflatten(1, " + Py.tuple(((LayerSpec.Unflatten) spec).sizes()) + ")"),
            Map.entry("flatten", (spec, in, out) -> "nn.Flatten()"),
            Map.entry("conv1d", ModelCode::conv),
            Map.entry("conv2d", ModelCode::conv),
            Map.entry("max_pool2d", ModelCode::pool),
            Map.entry("avg_pool2d", ModelCode::pool),
            Map.entry("layer_norm", (spec, in, out) -> {
                LayerSpec.LayerNorm n = (LayerSpec.LayerNorm) spec;
                // over the last dimension of each row's shape, as the engine's LayerNorm
                return "nn.LayerNorm(" + in[in.length - 1] + ", eps=" + Py.number(n.eps()) + ", elementwise_affine="
                        + Py.literal(n.elementwiseAffine()) + ")";
            }));

    /** in_channels is the first dimension of the inferred input shape [C, L] or [C, H, W]. */
    private static String conv(LayerSpec spec, int[] in, int[] out) {
        LayerSpec.Conv c = (LayerSpec.Conv) spec;
        return "nn.Conv" + c.dims() + "d(" + in[0] + ", " + c.outChannels() + ", " + c.kernelSize() + ", stride=" + c.stride()
                + ", padding=" + c.padding() + ", bias=" + Py.literal(c.bias()) + ")";
    }

    private static String pool(LayerSpec spec, int[] in, int[] out) {
        LayerSpec.Pool p = (LayerSpec.Pool) spec;
        return "nn." + (p.max() ? "MaxPool2d(" : "AvgPool2d(") + p.kernelSize() + ", " + p.stride() + ")";
    }

    /** nn.init's function for each {@code init:} word ({@code pytorch}: nn.Linear's own, nothing to add). */
    private static final Map<String, String> INITS = Map.of("uniform", "uniform_", "normal", "normal_", "constant", "constant_",
            "zeros", "zeros_", "xavier_uniform", "xavier_uniform_", "xavier_normal", "xavier_normal_",
            "kaiming_uniform", "kaiming_uniform_", "kaiming_normal", "kaiming_normal_");

    /** The word a layer is written with in a scenario ({@code run.ModelShapes}' rule). */
    static String word(LayerSpec spec) {
        return ModelShapes.name(spec);
    }

    /** @param shapes shapes[0] = [features], shapes[i + 1] = the per-row output shape of layer i ({@code run.Checks.shapes}) */
    static void write(List<LayerSpec> model, int[][] shapes, ScriptText out) {
        List<Problem> refused = new ArrayList<>();
        List<String> modules = new ArrayList<>();
        List<String> inits = new ArrayList<>();
        for (int i = 0; i < model.size(); i++) {
            LayerSpec spec = model.get(i);
            Emitter e = LAYERS.get(word(spec));
            if (e == null) {
                refused.add(new Problem(spec.origin(), "model[" + i + "]", "a layer the PyTorch export knows (" + String.join(", ",
                        new java.util.TreeSet<>(LAYERS.keySet())) + ")", word(spec), "this layer has no PyTorch export yet"));
                continue;
            }
            modules.add(e.module(spec, shapes[i], shapes[i + 1]));
            if (spec instanceof LayerSpec.Linear l && l.init() != null && !l.init().name().equals("pytorch")) {
                inits.add(init(i, l.init(), refused));
            }
        }
        if (!refused.isEmpty()) throw new ScenarioException(refused);
        out.def("def build_model():");
        out.line("    model = nn.Sequential(");
        for (String m : modules) out.line("        " + m + ",");
        out.line("    )");
        if (!inits.isEmpty()) out.line("    # init: applied after the whole model was built, in layer order");
        for (String line : inits) out.line("    " + line);
        out.line("    return model");
        out.blank().blank();
    }

    private static String init(int layer, Named init, List<Problem> refused) {
        String fn = INITS.get(init.name());
        if (fn == null) {
            refused.add(new Problem(init.origin(), "model[" + layer + "].linear.init", "an init the PyTorch export knows",
                    init.name(), "known: pytorch, " + String.join(", ", new java.util.TreeSet<>(INITS.keySet()))));
            return "";
        }
        Params p = init.params() == null ? Params.EMPTY : init.params();
        List<String> args = new ArrayList<>(List.of("model[" + layer + "].weight"));
        args.addAll(Py.keywords(p.values(), Map.of(), Set.of()));
        return "nn.init." + fn + "(" + String.join(", ", args) + ")";
    }

    /** An activation's parameters carry PyTorch's names; one the loader left out keeps the module's default. */
    private static String keywords(LayerSpec spec) {
        Params p = ((LayerSpec.Activation) spec).params();
        return p == null ? "" : String.join(", ", Py.keywords(p.values(), Map.of(), Set.of()));
    }
}
