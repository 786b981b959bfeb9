package dev.trainspec.engine.nn;

import dev.trainspec.engine.random.RandomStream;

/**
 * How a linear layer's weight [out, in] is initialised, named after torch.nn.init and drawn as it
 * draws: {@code tensor.uniform_(a, b)} / {@code tensor.normal_(mean, std)} over the whole weight
 * (row-major) from the run's {@link RandomStream}, with torch's bounds computed in double.
 *
 * <p>Every nn.Linear first runs its reset_parameters ({@link PyTorch} for the weight, then the
 * bias U(-1/sqrt(fan_in), 1/sqrt(fan_in))) when the model is constructed; an initialiser other than
 * {@link PyTorch} then acts like {@code nn.init.X_(layer.weight)} applied to each such layer in
 * order after the whole model was built (as {@code model.apply(init_fn)} does): it consumes its own
 * draws, replaces the weight only, and the bias keeps its reset_parameters value. See
 * {@link Linear#applyInit}.
 */
public sealed interface Init {
    /** Fills {@code weight} ([fanOut, fanIn] row-major). */
    void fill(float[] weight, int fanIn, int fanOut, RandomStream rng);

    String describe();

    /** nn.Linear's own: kaiming_uniform_(a=sqrt(5)), which is U(-1/sqrt(fan_in), 1/sqrt(fan_in)). */
    record PyTorch() implements Init {
        @Override
        public void fill(float[] weight, int fanIn, int fanOut, RandomStream rng) {
            new KaimingUniform(Math.sqrt(5), Fan.FAN_IN, Nonlinearity.LEAKY_RELU).fill(weight, fanIn, fanOut, rng);
        }

        @Override
        public String describe() {
            return "pytorch";
        }
    }

    record Uniform(double a, double b) implements Init {
        @Override
        public void fill(float[] weight, int fanIn, int fanOut, RandomStream rng) {
            uniform(weight, a, b, rng);
        }

        @Override
        public String describe() {
            return "uniform(" + Format.number(a) + ", " + Format.number(b) + ")";
        }
    }

    record Normal(double mean, double std) implements Init {
        public Normal {
            if (std < 0) throw new IllegalArgumentException("normal init: std must be >= 0, got " + std);
        }

        @Override
        public void fill(float[] weight, int fanIn, int fanOut, RandomStream rng) {
            normal(weight, mean, std, rng);
        }

        @Override
        public String describe() {
            return "normal(" + Format.number(mean) + ", " + Format.number(std) + ")";
        }
    }

    /** constant_(val); zeros_ is constant 0. Draws nothing. */
    record Constant(double val) implements Init {
        @Override
        public void fill(float[] weight, int fanIn, int fanOut, RandomStream rng) {
            java.util.Arrays.fill(weight, (float) val);
        }

        @Override
        public String describe() {
            return val == 0 ? "zeros" : "constant(" + Format.number(val) + ")";
        }
    }

    /** xavier_uniform_: U(-a, a), a = gain * sqrt(6 / (fan_in + fan_out)). */
    record XavierUniform(double gain) implements Init {
        @Override
        public void fill(float[] weight, int fanIn, int fanOut, RandomStream rng) {
            double a = Math.sqrt(3.0) * xavierStd(gain, fanIn, fanOut);
            uniform(weight, -a, a, rng);
        }

        @Override
        public String describe() {
            return "xavier_uniform(gain=" + Format.number(gain) + ")";
        }
    }

    /** xavier_normal_: N(0, std^2), std = gain * sqrt(2 / (fan_in + fan_out)). */
    record XavierNormal(double gain) implements Init {
        @Override
        public void fill(float[] weight, int fanIn, int fanOut, RandomStream rng) {
            normal(weight, 0, xavierStd(gain, fanIn, fanOut), rng);
        }

        @Override
        public String describe() {
            return "xavier_normal(gain=" + Format.number(gain) + ")";
        }
    }

    /** kaiming_uniform_: U(-bound, bound), bound = sqrt(3) * gain(nonlinearity, a) / sqrt(fan). */
    record KaimingUniform(double a, Fan mode, Nonlinearity nonlinearity) implements Init {
        @Override
        public void fill(float[] weight, int fanIn, int fanOut, RandomStream rng) {
            double bound = Math.sqrt(3.0) * kaimingStd(a, mode, nonlinearity, fanIn, fanOut);
            uniform(weight, -bound, bound, rng);
        }

        @Override
        public String describe() {
            return "kaiming_uniform(a=" + Format.number(a) + ", " + mode.key + ", " + nonlinearity.key + ")";
        }
    }

    /** kaiming_normal_: N(0, std^2), std = gain(nonlinearity, a) / sqrt(fan). */
    record KaimingNormal(double a, Fan mode, Nonlinearity nonlinearity) implements Init {
        @Override
        public void fill(float[] weight, int fanIn, int fanOut, RandomStream rng) {
            normal(weight, 0, kaimingStd(a, mode, nonlinearity, fanIn, fanOut), rng);
        }

        @Override
        public String describe() {
            return "kaiming_normal(a=" + Format.number(a) + ", " + mode.key + ", " + nonlinearity.key + ")";
        }
    }

    enum Fan {
        FAN_IN("fan_in"), FAN_OUT("fan_out");

        final String key;

        Fan(String key) {
            this.key = key;
        }

        public static Fan of(String key) {
            for (Fan f : values()) if (f.key.equals(key)) return f;
            throw new IllegalArgumentException("Mode " + key + " not supported, please use one of fan_in, fan_out");
        }
    }

    /** torch.nn.init.calculate_gain's nonlinearities. */
    enum Nonlinearity {
        LINEAR("linear"), SIGMOID("sigmoid"), TANH("tanh"), RELU("relu"), LEAKY_RELU("leaky_relu"), SELU("selu");

        final String key;

        Nonlinearity(String key) {
            this.key = key;
        }

        public static Nonlinearity of(String key) {
            for (Nonlinearity n : values()) if (n.key.equals(key)) return n;
            throw new IllegalArgumentException("Unsupported nonlinearity " + key);
        }

        /** calculate_gain(nonlinearity, param): the param is the negative slope, used by leaky_relu only. */
        public double gain(double param) {
            return switch (this) {
                case LINEAR, SIGMOID -> 1.0;
                case TANH -> 5.0 / 3;
                case RELU -> Math.sqrt(2.0);
                case LEAKY_RELU -> Math.sqrt(2.0 / (1 + param * param));
                case SELU -> 3.0 / 4;
            };
        }
    }

    private static double xavierStd(double gain, int fanIn, int fanOut) {
        return gain * Math.sqrt(2.0 / (fanIn + fanOut));
    }

    private static double kaimingStd(double a, Fan mode, Nonlinearity nonlinearity, int fanIn, int fanOut) {
        int fan = mode == Fan.FAN_IN ? fanIn : fanOut;
        return nonlinearity.gain(a) / Math.sqrt(fan);
    }

    /**
     * reset_parameters of nn.Linear and nn.ConvNd: the weight kaiming_uniform_(a=sqrt(5)), then,
     * when there is a bias, U(-1/sqrt(fan_in), 1/sqrt(fan_in)), in that order from {@code rng}.
     */
    static void resetParameters(Parameter weight, Parameter bias, int fanIn, int fanOut, RandomStream rng) {
        new PyTorch().fill(weight.value, fanIn, fanOut, rng);
        if (bias == null) return;
        double bound = 1 / Math.sqrt(fanIn);
        uniform(bias.value, -bound, bound, rng);
    }

    static void uniform(float[] w, double a, double b, RandomStream rng) {
        rng.uniform(w, w.length, a, b);
    }

    private static void normal(float[] w, double mean, double std, RandomStream rng) {
        rng.normal(w, w.length, mean, std);
    }
}
