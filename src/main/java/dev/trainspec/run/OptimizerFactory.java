package dev.trainspec.run;

import dev.trainspec.engine.nn.Parameter;
import dev.trainspec.engine.optim.Adagrad;
import dev.trainspec.engine.optim.Adam;
import dev.trainspec.engine.optim.AdamW;
import dev.trainspec.engine.optim.Optimizer;
import dev.trainspec.engine.optim.RmsProp;
import dev.trainspec.engine.optim.Sgd;
import dev.trainspec.scenario.Named;
import java.util.List;

/**
 * The scenario's {@code optimizer:} choice as an engine optimizer, with the parameter names and
 * defaults of torch.optim 1.13 (the loader's ModelDefinitions.OPTIMIZER table).
 */
public final class OptimizerFactory {
    public static final List<String> NAMES = List.of("sgd", "adam", "adamw", "rmsprop", "adagrad");

    private OptimizerFactory() {
    }

    public static Optimizer of(Named optimizer, List<Parameter> params) {
        NamedParams p = new NamedParams(optimizer);
        return switch (optimizer.name()) {
            case "sgd" -> new Sgd(params, p.requiredNumber("lr"), p.number("momentum", 0), p.number("dampening", 0),
                    p.flag("nesterov", false), p.number("weight_decay", 0));
            case "adam" -> {
                double[] betas = betas(p);
                yield new Adam(params, p.number("lr", 1e-3), betas[0], betas[1], p.number("eps", 1e-8),
                        p.number("weight_decay", 0), p.flag("amsgrad", false));
            }
            case "adamw" -> {
                double[] betas = betas(p);
                yield new AdamW(params, p.number("lr", 1e-3), betas[0], betas[1], p.number("eps", 1e-8),
                        p.number("weight_decay", AdamW.DEFAULT_WEIGHT_DECAY), p.flag("amsgrad", false));
            }
            case "rmsprop" -> new RmsProp(params, p.number("lr", 0.01), p.number("alpha", 0.99), p.number("eps", 1e-8),
                    p.number("weight_decay", 0), p.number("momentum", 0), p.flag("centered", false));
            case "adagrad" -> new Adagrad(params, p.number("lr", 0.01), p.number("lr_decay", 0), p.number("weight_decay", 0),
                    p.number("initial_accumulator_value", 0), p.number("eps", 1e-10));
            default -> throw new IllegalArgumentException("unknown optimizer '" + optimizer.name() + "'; expected one of " + String.join(", ", NAMES));
        };
    }

    private static double[] betas(NamedParams p) {
        double[] betas = p.numbers("betas", new double[] {0.9, 0.999});
        if (betas.length != 2) throw new IllegalArgumentException("betas must hold 2 numbers, got " + betas.length);
        return betas;
    }
}
