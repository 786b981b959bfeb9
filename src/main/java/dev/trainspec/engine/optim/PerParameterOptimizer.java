package dev.trainspec.engine.optim;

import dev.trainspec.engine.nn.Parameter;
import java.util.List;

/**
 * What every optimizer here shares: the parameters, the current learning rate, and one loop that
 * updates each parameter from its gradient in the order given, like torch's single-tensor
 * ("for-loop", foreach=False) implementations. Subclasses hold their state as float[] per
 * parameter, allocated up front, so a step allocates nothing.
 *
 * <p>Arithmetic follows torch 1.13's CPU kernels on an AVX2 build: {@code add(x, alpha=a)} and
 * {@code addcmul} are computed as one fused multiply-add ({@link Math#fma}), {@code addcdiv},
 * {@code mul} and {@code div} by a scalar are plain float operations, and every Python scalar
 * (lr, betas, 1 - beta, ...) is rounded to float before it meets a tensor.
 */
abstract class PerParameterOptimizer implements Optimizer {
    private final Parameter[] params;
    private double lr;
    /** Completed steps; torch keeps one counter per parameter, but ours always move together. */
    private long steps;

    PerParameterOptimizer(List<Parameter> params, double lr) {
        if (params.isEmpty()) throw new IllegalArgumentException("optimizer got an empty parameter list");
        this.params = params.toArray(new Parameter[0]);
        this.lr = lr;
    }

    @Override
    public final void step() {
        steps++;
        beginStep(steps);
        for (int i = 0; i < params.length; i++) update(i, params[i].value, params[i].grad);
    }

    /** Once per step before the parameters are visited, with the 1-based step number. */
    void beginStep(long step) {
    }

    /** Updates parameter {@code index} in place from its gradient. */
    abstract void update(int index, float[] value, float[] grad);

    @Override
    public final double lr() {
        return lr;
    }

    @Override
    public final void setLr(double lr) {
        Checks.atLeastZero("learning rate", lr);
        this.lr = lr;
    }

    /** One zero-filled float[] per parameter, shaped like it (for momentum buffers and the like). */
    final float[][] zerosLikeParams() {
        return filledLikeParams(0f);
    }

    final float[][] filledLikeParams(float fill) {
        float[][] state = new float[params.length][];
        for (int i = 0; i < params.length; i++) {
            state[i] = new float[params[i].size()];
            if (fill != 0f) java.util.Arrays.fill(state[i], fill);
        }
        return state;
    }

    @Override
    public String toString() {
        return describe();
    }
}
