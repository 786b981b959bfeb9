package dev.trainspec.engine.optim;

import dev.trainspec.engine.nn.Parameter;
import java.util.List;

/** torch.optim.AdamW (1.13): Adam with decoupled weight decay, default 0.01. */
public final class AdamW extends AdamFamily {
    public static final double DEFAULT_WEIGHT_DECAY = 0.01;

    public AdamW(List<Parameter> params, double lr, double beta1, double beta2, double eps, double weightDecay, boolean amsgrad) {
        super("adamw", params, lr, beta1, beta2, eps, weightDecay, amsgrad, true, DEFAULT_WEIGHT_DECAY);
    }

    /** torch's defaults: lr 1e-3, betas (0.9, 0.999), eps 1e-8, weight decay 0.01. */
    public AdamW(List<Parameter> params) {
        this(params, 1e-3, 0.9, 0.999, 1e-8, DEFAULT_WEIGHT_DECAY, false);
    }
}
