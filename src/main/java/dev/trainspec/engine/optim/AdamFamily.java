package dev.trainspec.engine.optim;

import dev.trainspec.engine.nn.Parameter;
import java.util.List;

/**
 * Adam and AdamW are one update (torch 1.13's _single_tensor_adam / _single_tensor_adamw); they
 * differ only in where weight decay enters: added to the gradient (L2, Adam) or applied to the
 * parameter before the update, {@code param *= 1 - lr * weight_decay} (decoupled, AdamW).
 */
abstract class AdamFamily extends PerParameterOptimizer {
    private final String name;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final boolean amsgrad;
    private final boolean decoupled;
    private final float[][] expAvg;
    private final float[][] expAvgSq;
    private final float[][] maxExpAvgSq;
    // Per-step scalars, computed in double as torch does in Python, rounded to float where they meet a tensor.
    private float negStepSize;
    private float biasCorrection2Sqrt;

    AdamFamily(String name, List<Parameter> params, double lr, double beta1, double beta2, double eps, double weightDecay,
               boolean amsgrad, boolean decoupled) {
        super(params, lr);
        Checks.atLeastZero("learning rate", lr);
        Checks.atLeastZero("epsilon value", eps);
        Checks.beta(0, beta1);
        Checks.beta(1, beta2);
        Checks.atLeastZero("weight_decay value", weightDecay);
        this.name = name;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.amsgrad = amsgrad;
        this.decoupled = decoupled;
        this.expAvg = zerosLikeParams();
        this.expAvgSq = zerosLikeParams();
        this.maxExpAvgSq = amsgrad ? zerosLikeParams() : null;
    }

    @Override
    void beginStep(long step) {
        double biasCorrection1 = 1 - Math.pow(beta1, step);
        double biasCorrection2 = 1 - Math.pow(beta2, step);
        negStepSize = (float) -(lr() / biasCorrection1);
        biasCorrection2Sqrt = (float) Math.sqrt(biasCorrection2);
    }

    @Override
    void update(int index, float[] value, float[] grad) {
        float b1 = (float) beta1;
        float b2 = (float) beta2;
        float oneMinusB1 = (float) (1 - beta1);
        float oneMinusB2 = (float) (1 - beta2);
        float epsF = (float) eps;
        float wd = (float) weightDecay;
        float shrink = (float) (1 - lr() * weightDecay);
        float[] m = expAvg[index];
        float[] v = expAvgSq[index];
        float[] vMax = amsgrad ? maxExpAvgSq[index] : null;
        for (int j = 0; j < value.length; j++) {
            float g = grad[j];
            float p = value[j];
            if (weightDecay != 0) {
                if (decoupled) p = p * shrink;                  // param.mul_(1 - lr * weight_decay)
                else g = Math.fma(p, wd, g);                    // grad.add(param, alpha=weight_decay)
            }
            float mj = Math.fma(g, oneMinusB1, m[j] * b1);      // exp_avg.mul_(b1).add_(grad, alpha=1-b1)
            float vj = Math.fma(oneMinusB2 * g, g, v[j] * b2);  // exp_avg_sq.mul_(b2).addcmul_(grad, grad, value=1-b2)
            m[j] = mj;
            v[j] = vj;
            float second = vj;
            if (vMax != null) {
                second = Math.max(vMax[j], vj);                 // torch.maximum(max_exp_avg_sqs, exp_avg_sq)
                vMax[j] = second;
            }
            float denom = (float) Math.sqrt(second) / biasCorrection2Sqrt + epsF;
            value[j] = p + negStepSize * mj / denom;            // param.addcdiv_(exp_avg, denom, value=-step_size)
        }
    }

    @Override
    public String describe() {
        return new Description(name).always("lr", lr())
                .always("betas", new double[] {beta1, beta2})
                .always("eps", eps).always("weight_decay", weightDecay)
                .always("amsgrad", amsgrad).toString();
    }
}
