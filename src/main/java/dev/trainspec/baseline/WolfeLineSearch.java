package dev.trainspec.baseline;

/**
 * A line search for convex objectives: finds a step a along direction d from w that satisfies
 * the strong Wolfe conditions (c1 = 1e-4, c2 = 0.9), or Hager and Zhang's approximate Wolfe
 * conditions {@code c2 f'(0) <= f'(a) <= (2 delta - 1) f'(0)} with {@code f(a) <= f(0) + eps |f(0)|}.
 * The latter matter near the optimum, where differences of f drown in rounding while the
 * directional derivative is still accurate (Hager and Zhang, CG_DESCENT, 2005).
 *
 * <p>The interval [lo, hi] brackets the point where f'(a) = 0: steps that still descend steeply
 * move lo up, steps that overshoot (f'(a) > 0 or too little decrease) move hi down. Trial steps
 * are secants of f' inside the bracket (kept away from its ends), or doublings before a bracket
 * exists. The accepted point and its gradient are left in the buffers given at construction.
 */
final class WolfeLineSearch {
    private static final double C1 = 1e-4;
    private static final double C2 = 0.9;
    private static final double DELTA = 0.1;
    private static final double EPSILON = 1e-10;
    private static final int MAX_TRIALS = 60;

    private final Objective f;
    private final double[] point;
    private final double[] gradient;
    private int evaluations;
    private double value;

    WolfeLineSearch(Objective f, double[] point, double[] gradient) {
        this.f = f;
        this.point = point;
        this.gradient = gradient;
    }

    /** The accepted step (> 0), or 0 when no acceptable step was found within the trial budget. */
    double search(double[] w, double f0, double[] d, double slope0, double firstStep) {
        evaluations = 0;
        double lo = 0;
        double slopeLo = slope0;
        double hi = Double.POSITIVE_INFINITY;
        double slopeHi = Double.NaN;
        double step = firstStep;
        for (int trial = 0; trial < MAX_TRIALS; trial++) {
            for (int j = 0; j < w.length; j++) point[j] = w[j] + step * d[j];
            double fa = f.valueAndGradient(point, gradient);
            evaluations++;
            double slope = Lbfgs.dot(gradient, d);
            if (Double.isFinite(fa) && Double.isFinite(slope)) {
                boolean armijo = fa <= f0 + C1 * step * slope0;
                boolean wolfe = armijo && Math.abs(slope) <= -C2 * slope0;
                boolean approximate = fa <= f0 + EPSILON * Math.abs(f0)
                        && slope >= C2 * slope0 && slope <= (2 * DELTA - 1) * slope0;
                if (wolfe || approximate) {
                    value = fa;
                    return step;
                }
                if (armijo && slope < 0) {
                    lo = step;
                    slopeLo = slope;
                } else {
                    hi = step;
                    slopeHi = slope;
                }
            } else {
                hi = step;
                slopeHi = Double.NaN;
            }
            step = next(lo, slopeLo, hi, slopeHi);
            if (!(step > lo && step < hi)) break;
        }
        return 0;
    }

    private static double next(double lo, double slopeLo, double hi, double slopeHi) {
        if (hi == Double.POSITIVE_INFINITY) return lo == 0 ? Double.NaN : 2 * lo;
        double width = hi - lo;
        double secant = Double.NaN;
        if (Double.isFinite(slopeHi) && slopeHi > slopeLo) secant = lo - slopeLo * width / (slopeHi - slopeLo);
        double low = lo + 0.1 * width;
        double high = hi - 0.1 * width;
        if (!(secant >= low && secant <= high)) return lo + 0.5 * width;
        return secant;
    }

    int evaluations() {
        return evaluations;
    }

    /** The objective at the accepted step. */
    double value() {
        return value;
    }
}
