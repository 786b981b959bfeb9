package dev.trainspec.engine.optim;

import dev.trainspec.engine.nn.Parameter;
import java.util.List;

/**
 * torch.optim.SGD (1.13, single-tensor path): plain, momentum, dampened and Nesterov SGD are one
 * update with different settings. On the first step the momentum buffer is the gradient itself
 * (torch clones it, without dampening); afterwards {@code buf = momentum * buf + (1 - dampening) * g}.
 */
public final class Sgd extends PerParameterOptimizer {
    private final double momentum;
    private final double dampening;
    private final boolean nesterov;
    private final double weightDecay;
    /** Momentum buffers, or null without momentum (torch keeps none then). */
    private final float[][] buffers;
    private boolean buffersStarted;

    public Sgd(List<Parameter> params, double lr, double momentum, double dampening, boolean nesterov, double weightDecay) {
        super(params, lr);
        Checks.atLeastZero("learning rate", lr);
        Checks.atLeastZero("momentum value", momentum);
        Checks.atLeastZero("weight_decay value", weightDecay);
        Checks.finite("dampening value", dampening);
        if (nesterov && (momentum <= 0 || dampening != 0))
            throw new IllegalArgumentException("Nesterov momentum requires a momentum and zero dampening");
        this.momentum = momentum;
        this.dampening = dampening;
        this.nesterov = nesterov;
        this.weightDecay = weightDecay;
        this.buffers = momentum != 0 ? zerosLikeParams() : null;
    }

    /** Plain SGD with torch's defaults for everything but the learning rate. */
    public Sgd(List<Parameter> params, double lr) {
        this(params, lr, 0, 0, false, 0);
    }

    @Override
    void beginStep(long step) {
        buffersStarted = step > 1;
    }

    @Override
    void update(int index, float[] value, float[] grad) {
        float wd = (float) weightDecay;
        float m = (float) momentum;
        float keep = (float) (1 - dampening);
        float negLr = (float) -lr();
        float[] buf = buffers == null ? null : buffers[index];
        if (weightDecay == 0 && !nesterov) {
            // the common settings as loops without branches, which the JIT vectorises; same operations
            if (buf == null) {
                for (int j = 0; j < value.length; j++) value[j] = Math.fma(grad[j], negLr, value[j]);
            } else if (buffersStarted) {
                for (int j = 0; j < value.length; j++) {
                    float b = Math.fma(grad[j], keep, buf[j] * m);
                    buf[j] = b;
                    value[j] = Math.fma(b, negLr, value[j]);
                }
            } else {
                for (int j = 0; j < value.length; j++) {
                    buf[j] = grad[j];
                    value[j] = Math.fma(grad[j], negLr, value[j]);
                }
            }
            return;
        }
        for (int j = 0; j < value.length; j++) {
            float d = grad[j];
            if (weightDecay != 0) d = Math.fma(value[j], wd, d);          // d_p.add(param, alpha=wd)
            if (buf != null) {
                float b = buffersStarted ? Math.fma(d, keep, buf[j] * m) : d; // buf.mul_(m).add_(d_p, alpha=1-damp)
                buf[j] = b;
                d = nesterov ? Math.fma(b, m, d) : b;                        // d_p.add(buf, alpha=m)
            }
            value[j] = Math.fma(d, negLr, value[j]);                         // param.add_(d_p, alpha=-lr)
        }
    }

    @Override
    public String describe() {
        return new Description("sgd").always("lr", lr()).always("momentum", momentum)
                .always("dampening", dampening).always("nesterov", nesterov)
                .always("weight_decay", weightDecay).toString();
    }
}
