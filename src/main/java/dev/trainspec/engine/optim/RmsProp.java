package dev.trainspec.engine.optim;

import dev.trainspec.engine.nn.Parameter;
import java.util.List;

/**
 * torch.optim.RMSprop (1.13, single-tensor path). {@code centered} normalises by an estimate of
 * the gradient's variance (square average minus squared mean) instead of its second moment;
 * with momentum the normalised gradient feeds a buffer that moves the parameter.
 */
public final class RmsProp extends PerParameterOptimizer {
    private final double alpha;
    private final double eps;
    private final double weightDecay;
    private final double momentum;
    private final boolean centered;
    private final float[][] squareAvg;
    private final float[][] gradAvg;
    private final float[][] momentumBuffer;

    public RmsProp(List<Parameter> params, double lr, double alpha, double eps, double weightDecay, double momentum, boolean centered) {
        super(params, lr);
        Checks.atLeastZero("learning rate", lr);
        Checks.atLeastZero("epsilon value", eps);
        Checks.atLeastZero("momentum value", momentum);
        Checks.atLeastZero("weight_decay value", weightDecay);
        Checks.atLeastZero("alpha value", alpha);
        this.alpha = alpha;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.momentum = momentum;
        this.centered = centered;
        this.squareAvg = zerosLikeParams();
        this.gradAvg = centered ? zerosLikeParams() : null;
        this.momentumBuffer = momentum > 0 ? zerosLikeParams() : null;
    }

    @Override
    void update(int index, float[] value, float[] grad) {
        float a = (float) alpha;
        float oneMinusA = (float) (1 - alpha);
        float epsF = (float) eps;
        float wd = (float) weightDecay;
        float m = (float) momentum;
        float negLr = (float) -lr();
        float[] sq = squareAvg[index];
        float[] ga = centered ? gradAvg[index] : null;
        float[] buf = momentumBuffer == null ? null : momentumBuffer[index];
        for (int j = 0; j < value.length; j++) {
            float g = grad[j];
            if (weightDecay != 0) g = Math.fma(value[j], wd, g);        // grad.add(param, alpha=weight_decay)
            float s = Math.fma(oneMinusA * g, g, sq[j] * a);            // square_avg.mul_(alpha).addcmul_(g, g, value=1-alpha)
            sq[j] = s;
            float avg;
            if (ga != null) {
                float mean = Math.fma(g, oneMinusA, ga[j] * a);         // grad_avg.mul_(alpha).add_(g, alpha=1-alpha)
                ga[j] = mean;
                avg = (float) Math.sqrt(Math.fma(-mean, mean, s));      // square_avg.addcmul(ga, ga, value=-1).sqrt_()
            } else {
                avg = (float) Math.sqrt(s);
            }
            avg = avg + epsF;
            if (buf != null) {
                float b = buf[j] * m + g / avg;                         // buf.mul_(momentum).addcdiv_(g, avg)
                buf[j] = b;
                value[j] = Math.fma(b, negLr, value[j]);                // param.add_(buf, alpha=-lr)
            } else {
                value[j] = value[j] + negLr * g / avg;                  // param.addcdiv_(g, avg, value=-lr)
            }
        }
    }

    @Override
    public String describe() {
        return new Description("rmsprop").always("lr", lr()).always("alpha", alpha).always("eps", eps)
                .always("weight_decay", weightDecay).always("momentum", momentum)
                .always("centered", centered).toString();
    }
}
