package dev.trainspec.baseline;

/** A smooth (at least once differentiable) convex function of a flat parameter vector. */
interface Objective {
    int dimension();

    /** Returns f(w) and overwrites {@code gradient} with the gradient of f at w. */
    double valueAndGradient(double[] w, double[] gradient);
}
