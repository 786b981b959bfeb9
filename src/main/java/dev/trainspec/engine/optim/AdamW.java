package dev.trainspec.engine.optim;

import dev.trainspec.engine.nn.Parameter;
import java.util.List;

/** torch.optim.AdamW (1.13): Adam with decoupled weight decay. */
public final class AdamW extends AdamFamily {
    public AdamW(List<Parameter> params, double lr, double beta1, double beta2, double eps, double weightDecay, boolean amsgrad) {
        super("adamw", params, lr, beta1, beta2, eps, weightDecay, amsgrad, true);
    }
}
