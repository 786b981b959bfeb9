package dev.trainspec.run;

import dev.trainspec.engine.nn.BatchNorm1d;
import dev.trainspec.engine.nn.Conv;
import dev.trainspec.engine.nn.Gelu;
import dev.trainspec.engine.nn.LayerNorm;
import dev.trainspec.engine.nn.Pool2d;
import dev.trainspec.engine.nn.Reshape;
import dev.trainspec.engine.nn.Dropout;
import dev.trainspec.engine.nn.Init;
import dev.trainspec.engine.nn.Layer;
import dev.trainspec.engine.nn.LeakyReLU;
import dev.trainspec.engine.nn.Linear;
import dev.trainspec.engine.nn.LogSoftmax;
import dev.trainspec.engine.nn.PReLU;
import dev.trainspec.engine.nn.ReLU;
import dev.trainspec.engine.nn.Sigmoid;
import dev.trainspec.engine.nn.Softmax;
import dev.trainspec.engine.nn.Tanh;
import dev.trainspec.scenario.LayerSpec;
import dev.trainspec.scenario.Named;
import dev.trainspec.scenario.Params;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code model:} entries to engine layers (unbuilt: input widths are inferred when the caller
 * builds them in order). PyTorch's defaults are the loader's (ModelDefinitions.LAYER and INIT);
 * this reads the parameters it filled in.
 */
public final class ModelFactory {
    private ModelFactory() {}

    /**
     * @param outputWidthForClasses what {@code linear: {out: classes}} resolves to: the loss's
     *     output width for the data's classes ({@link dev.trainspec.engine.loss.Loss#outputWidth})
     */
    public static List<Layer> build(List<LayerSpec> specs, int outputWidthForClasses) {
        List<Layer> layers = new ArrayList<>(specs.size());
        for (LayerSpec spec : specs) layers.add(layer(spec, outputWidthForClasses));
        return layers;
    }

    static Layer layer(LayerSpec spec, int outputWidthForClasses) {
        if (spec instanceof LayerSpec.Linear l) {
            int out = l.out() == LayerSpec.Linear.CLASSES ? outputWidthForClasses : l.out();
            return new Linear(out, l.bias(), init(l.init()));
        }
        if (spec instanceof LayerSpec.Activation a) return activation(a.name(), a.params() == null ? Params.EMPTY : a.params());
        if (spec instanceof LayerSpec.Dropout d) return new Dropout(d.p());
        if (spec instanceof LayerSpec.BatchNorm b) return new BatchNorm1d(b.momentum(), b.eps());
        Layer shaped = shaped(spec);
        if (shaped != null) return shaped;
        throw new IllegalStateException("unknown layer spec " + spec);
    }

    static Layer activation(String name, Params p) {
        return switch (name) {
            case "relu" -> new ReLU();
            case "leaky_relu" -> new LeakyReLU(p.getDouble("negative_slope"));
            case "prelu" -> new PReLU(p.getInt("num_parameters"), p.getDouble("init"));
            case "sigmoid" -> new Sigmoid();
            case "tanh" -> new Tanh();
            case "softmax" -> new Softmax();
            case "log_softmax" -> new LogSoftmax();
            case "gelu" -> new Gelu();
            default -> throw new IllegalStateException("unknown activation '" + name + "'");
        };
    }

    /** Section 8.4's layers over shaped rows; null for any other spec. */
    private static Layer shaped(LayerSpec spec) {
        if (spec instanceof LayerSpec.Unflatten u) return Reshape.unflatten(u.sizes().stream().mapToInt(Integer::intValue).toArray());
        if (spec instanceof LayerSpec.Flatten) return Reshape.flatten();
        if (spec instanceof LayerSpec.Conv c) return new Conv(c.dims(), c.outChannels(), c.kernelSize(), c.stride(), c.padding(), c.bias());
        if (spec instanceof LayerSpec.Pool p) return new Pool2d(p.max(), p.kernelSize(), p.stride());
        if (spec instanceof LayerSpec.LayerNorm n) return new LayerNorm(n.eps(), n.elementwiseAffine());
        return null;
    }

    /** A linear layer's {@code init:}; null means nn.Linear's default. */
    public static Init init(Named init) {
        if (init == null) return new Init.PyTorch();
        Params p = init.params() == null ? Params.EMPTY : init.params();
        return switch (init.name()) {
            case "pytorch" -> new Init.PyTorch();
            case "uniform" -> new Init.Uniform(p.getDouble("a"), p.getDouble("b"));
            case "normal" -> new Init.Normal(p.getDouble("mean"), p.getDouble("std"));
            case "constant" -> new Init.Constant(p.getDouble("val"));
            case "zeros" -> new Init.Constant(0.0);
            case "xavier_uniform" -> new Init.XavierUniform(p.getDouble("gain"));
            case "xavier_normal" -> new Init.XavierNormal(p.getDouble("gain"));
            case "kaiming_uniform" -> new Init.KaimingUniform(p.getDouble("a"), fan(p), nonlinearity(p));
            case "kaiming_normal" -> new Init.KaimingNormal(p.getDouble("a"), fan(p), nonlinearity(p));
            default -> throw new IllegalStateException("unknown init '" + init.name() + "'");
        };
    }

    private static Init.Fan fan(Params p) {
        return Init.Fan.of(p.getString("mode"));
    }

    private static Init.Nonlinearity nonlinearity(Params p) {
        return Init.Nonlinearity.of(p.getString("nonlinearity"));
    }
}
