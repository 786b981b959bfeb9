package dev.trainspec.engine.data;

import dev.trainspec.engine.random.RandomState;
import java.util.Arrays;

/**
 * scikit-learn's {@code train_test_split} on row indices, returning the same rows in the same
 * order. Sizes follow {@code _validate_shuffle_split}: a fraction (a {@link Double} or
 * {@link Float}) or a count (an {@link Integer} or {@link Long}); {@code n_test =
 * ceil(test_size * n)}, {@code n_train = floor(train_size * n)}, whichever is missing is the
 * rest, and both missing means {@code test_size = 0.25}. With shuffling, {@code ShuffleSplit}
 * takes one {@code rng.permutation(n)}: test is its head, train the {@code n_train} values after
 * it; with {@code stratify}, {@link StratifiedShuffle} reproduces {@code StratifiedShuffleSplit}.
 * Without shuffling, train is the first {@code n_train} rows and test the next {@code n_test}.
 */
public final class TrainTestSplit {
    private TrainTestSplit() {
    }

    /** Row indices of the two parts, in scikit-learn's order. */
    public record Split(int[] train, int[] test) {
        public Split {
            train = train.clone();
            test = test.clone();
        }

        @Override
        public int[] train() {
            return train.clone();
        }

        @Override
        public int[] test() {
            return test.clone();
        }

        @Override
        public String toString() {
            return "Split[train=" + train.length + " rows, test=" + test.length + " rows]";
        }
    }

    /** {@code train_test_split(arange(n), test_size=testSize, random_state=rng)}. */
    public static Split split(int nSamples, double testSize, RandomState rng) {
        return split(nSamples, testSize, null, rng, true, null);
    }

    /**
     * {@code train_test_split(arange(n), test_size, train_size, random_state, shuffle, stratify)}.
     *
     * @param testSize  a fraction in (0, 1), a count in [1, n), or null
     * @param trainSize a fraction in (0, 1), a count in [1, n), or null
     * @param rng       consumed only when shuffling; may be null when {@code shuffle} is false
     * @param stratify  a label per row, or null
     * @throws IllegalArgumentException with scikit-learn's message for sizes out of range, an
     *     empty train set, or a stratified split that is impossible
     */
    public static Split split(int nSamples, Number testSize, Number trainSize, RandomState rng, boolean shuffle, int[] stratify) {
        int[] sizes = validateShuffleSplit(nSamples, testSize, trainSize, 0.25);
        int nTrain = sizes[0];
        int nTest = sizes[1];
        if (stratify != null && stratify.length != nSamples) {
            throw new IllegalArgumentException("Found input variables with inconsistent numbers of samples: [" + nSamples + ", " + stratify.length + "]");
        }
        if (!shuffle) {
            if (stratify != null) throw new IllegalArgumentException("Stratified train/test split is not implemented for shuffle=False");
            int[] train = new int[nTrain];
            int[] test = new int[nTest];
            for (int i = 0; i < nTrain; i++) train[i] = i;
            for (int i = 0; i < nTest; i++) test[i] = nTrain + i;
            return new Split(train, test);
        }
        if (rng == null) throw new IllegalArgumentException("random_state is required when shuffle=True");
        if (stratify != null) return StratifiedShuffle.split(stratify, nTrain, nTest, rng);
        int[] perm = rng.permutation(nSamples);
        return new Split(Arrays.copyOfRange(perm, nTest, nTest + nTrain), Arrays.copyOfRange(perm, 0, nTest));
    }

    private static boolean isFraction(Number n) {
        return n instanceof Double || n instanceof Float;
    }

    private static boolean isCount(Number n) {
        return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte;
    }

    private static String str(Number n) {
        return PyFormat.str(n);
    }

    /** {@code _validate_shuffle_split}: returns {n_train, n_test}. */
    static int[] validateShuffleSplit(int nSamples, Number testSize, Number trainSize, double defaultTestSize) {
        if (testSize == null && trainSize == null) testSize = defaultTestSize;
        if (testSize != null && !isFraction(testSize) && !isCount(testSize)) throw new IllegalArgumentException("Invalid value for test_size: " + str(testSize));
        if (trainSize != null && !isFraction(trainSize) && !isCount(trainSize)) throw new IllegalArgumentException("Invalid value for train_size: " + str(trainSize));
        if (outOfRange(testSize, nSamples)) {
            throw new IllegalArgumentException("test_size=" + str(testSize) + " should be either positive and smaller than the number of samples "
                    + nSamples + " or a float in the (0, 1) range");
        }
        if (outOfRange(trainSize, nSamples)) {
            throw new IllegalArgumentException("train_size=" + str(trainSize) + " should be either positive and smaller than the number of samples "
                    + nSamples + " or a float in the (0, 1) range");
        }
        if (isFraction(trainSize) && isFraction(testSize) && trainSize.doubleValue() + testSize.doubleValue() > 1) {
            throw new IllegalArgumentException("The sum of test_size and train_size = " + PyFormat.str(trainSize.doubleValue() + testSize.doubleValue())
                    + ", should be in the (0, 1) range. Reduce test_size and/or train_size.");
        }
        double nTest = 0;
        double nTrain = 0;
        if (testSize != null) nTest = isFraction(testSize) ? Math.ceil(testSize.doubleValue() * nSamples) : testSize.doubleValue();
        if (trainSize != null) nTrain = isFraction(trainSize) ? Math.floor(trainSize.doubleValue() * nSamples) : trainSize.doubleValue();
        if (trainSize == null) nTrain = nSamples - nTest;
        else if (testSize == null) nTest = nSamples - nTrain;
        if (nTrain + nTest > nSamples) {
            throw new IllegalArgumentException("The sum of train_size and test_size = " + (long) (nTrain + nTest)
                    + ", should be smaller than the number of samples " + nSamples + ". Reduce test_size and/or train_size.");
        }
        if ((int) nTrain == 0) {
            throw new IllegalArgumentException("With n_samples=" + nSamples + ", test_size=" + str(testSize) + " and train_size=" + str(trainSize)
                    + ", the resulting train set will be empty. Adjust any of the aforementioned parameters.");
        }
        return new int[] {(int) nTrain, (int) nTest};
    }

    private static boolean outOfRange(Number size, int nSamples) {
        if (size == null) return false;
        if (isCount(size)) return size.longValue() >= nSamples || size.longValue() <= 0;
        double f = size.doubleValue();
        return !(f > 0 && f < 1);
    }
}
