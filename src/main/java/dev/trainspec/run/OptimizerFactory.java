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
 * The scenario's {@code optimizer:} choice as an engine optimizer. The names and defaults of
 * torch.optim 1.13 are the loader's (ModelDefinitions.OPTIMIZER); this reads filled parameters.
 */
public final class OptimizerFactory {
    private OptimizerFactory() {
    }

    public static Optimizer of(Named optimizer, List<Parameter> params) {
        NamedParams p = new NamedParams(optimizer);
        return switch (optimizer.name()) {
            case "sgd" -> new Sgd(params, p.requiredNumber("lr"), p.number("momentum"), p.number("dampening"),
                    p.flag("nesterov"), p.number("weight_decay"));
            case "adam" -> {
                double[] betas = betas(p);
                yield new Adam(params, p.number("lr"), betas[0], betas[1], p.number("eps"), p.number("weight_decay"), p.flag("amsgrad"));
            }
            case "adamw" -> {
                double[] betas = betas(p);
                yield new AdamW(params, p.number("lr"), betas[0], betas[1], p.number("eps"), p.number("weight_decay"), p.flag("amsgrad"));
            }
            case "rmsprop" -> new RmsProp(params, p.number("lr"), p.number("alpha"), p.number("eps"),
                    p.number("weight_decay"), p.number("momentum"), p.flag("centered"));
            case "adagrad" -> new Adagrad(params, p.number("lr"), p.number("lr_decay"), p.number("weight_decay"),
                    p.number("initial_accumulator_value"), p.number("eps"));
            default -> throw new IllegalArgumentException("unknown optimizer '" + optimizer.name() + "'");
        };
    }

    private static double[] betas(NamedParams p) {
        double[] betas = p.numbers("betas");
        if (betas.length != 2) throw new IllegalArgumentException("betas must hold 2 numbers, got " + betas.length);
        return betas;
    }
}
