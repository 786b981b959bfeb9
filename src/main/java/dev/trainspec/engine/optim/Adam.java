package dev.trainspec.engine.optim;

import dev.trainspec.engine.nn.Parameter;
import java.util.List;

/** torch.optim.Adam (1.13): weight decay is L2, added to the gradient. */
public final class Adam extends AdamFamily {
    public Adam(List<Parameter> params, double lr, double beta1, double beta2, double eps, double weightDecay, boolean amsgrad) {
        super("adam", params, lr, beta1, beta2, eps, weightDecay, amsgrad, false);
    }
}
