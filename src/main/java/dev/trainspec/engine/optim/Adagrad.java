package dev.trainspec.engine.optim;

import dev.trainspec.engine.nn.Parameter;
import java.util.List;

/**
 * torch.optim.Adagrad (1.13, dense single-tensor path): a running sum of squared gradients,
 * starting at initial_accumulator_value, scales each step; the learning rate decays as
 * {@code lr / (1 + (step - 1) * lr_decay)}.
 */
public final class Adagrad extends PerParameterOptimizer {
    private final double lrDecay;
    private final double weightDecay;
    private final double initialAccumulatorValue;
    private final double eps;
    private final float[][] sums;
    private float negClr;

    public Adagrad(List<Parameter> params, double lr, double lrDecay, double weightDecay, double initialAccumulatorValue, double eps) {
        super(params, lr);
        Checks.atLeastZero("learning rate", lr);
        Checks.atLeastZero("lr_decay value", lrDecay);
        Checks.atLeastZero("weight_decay value", weightDecay);
        Checks.atLeastZero("initial_accumulator_value value", initialAccumulatorValue);
        Checks.atLeastZero("epsilon value", eps);
        this.lrDecay = lrDecay;
        this.weightDecay = weightDecay;
        this.initialAccumulatorValue = initialAccumulatorValue;
        this.eps = eps;
        this.sums = filledLikeParams((float) initialAccumulatorValue);
    }

    /** torch's defaults: lr 0.01, no decay, accumulator starting at 0, eps 1e-10. */
    public Adagrad(List<Parameter> params) {
        this(params, 0.01, 0, 0, 0, 1e-10);
    }

    @Override
    void beginStep(long step) {
        negClr = (float) -(lr() / (1 + (step - 1) * lrDecay));
    }

    @Override
    void update(int index, float[] value, float[] grad) {
        float wd = (float) weightDecay;
        float epsF = (float) eps;
        float[] sum = sums[index];
        for (int j = 0; j < value.length; j++) {
            float g = grad[j];
            if (weightDecay != 0) g = Math.fma(value[j], wd, g);   // grad.add(param, alpha=weight_decay)
            float s = Math.fma(g, g, sum[j]);                      // state_sum.addcmul_(g, g, value=1)
            sum[j] = s;
            float std = (float) Math.sqrt(s) + epsF;               // state_sum.sqrt().add_(eps)
            value[j] = value[j] + negClr * g / std;                // param.addcdiv_(g, std, value=-clr)
        }
    }

    @Override
    public String describe() {
        return new Description("adagrad").always("lr", lr()).always("lr_decay", lrDecay)
                .always("weight_decay", weightDecay)
                .always("initial_accumulator_value", initialAccumulatorValue).always("eps", eps)
                .toString();
    }
}
