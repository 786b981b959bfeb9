package dev.trainspec.engine.optim;

/** Argument checks with torch.optim's wording ("Invalid learning rate: -1.0"). */
final class Checks {
    private Checks() {
    }

    /** torch's {@code if not 0.0 <= x: raise ValueError("Invalid <what>: x")}; NaN fails too. */
    static void atLeastZero(String what, double value) {
        if (!(0.0 <= value)) throw new IllegalArgumentException("Invalid " + what + ": " + value);
    }

    /** A beta of Adam: {@code 0 <= beta < 1}. */
    static void beta(int index, double value) {
        if (!(0.0 <= value && value < 1.0))
            throw new IllegalArgumentException("Invalid beta parameter at index " + index + ": " + value);
    }

    static double finite(String what, double value) {
        if (!Double.isFinite(value)) throw new IllegalArgumentException("Invalid " + what + ": " + value);
        return value;
    }
}
