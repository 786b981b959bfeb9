package dev.trainspec.engine.data;

import dev.trainspec.engine.random.RandomState;
import java.util.Arrays;
import java.util.TreeMap;

/**
 * One split of scikit-learn's {@code StratifiedShuffleSplit}, draw for draw: per-class train
 * and test counts from {@code _approximate_mode} (ties in the left-over fractions broken by
 * {@code rng.choice}), then for each class in sorted label order a {@code rng.permutation} of its
 * rows (ascending row order before permuting), its head to train and the next rows to test, and
 * finally {@code rng.permutation} of the whole train list and then of the test list.
 */
final class StratifiedShuffle {
    private StratifiedShuffle() {
    }

    static TrainTestSplit.Split split(int[] labels, int nTrain, int nTest, RandomState rng) {
        TreeMap<Integer, Integer> classIndex = new TreeMap<>();
        for (int label : labels) classIndex.put(label, 0);
        int k = 0;
        for (Integer c : classIndex.keySet()) classIndex.put(c, k++);
        int nClasses = k;
        long[] counts = new long[nClasses];
        int[] y = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            y[i] = classIndex.get(labels[i]);
            counts[y[i]]++;
        }
        for (long c : counts) {
            if (c < 2) {
                throw new IllegalArgumentException("The least populated class in y has only 1 member, which is too few."
                        + " The minimum number of groups for any class cannot be less than 2.");
            }
        }
        if (nTrain < nClasses) throw new IllegalArgumentException("The train_size = " + nTrain + " should be greater or equal to the number of classes = " + nClasses);
        if (nTest < nClasses) throw new IllegalArgumentException("The test_size = " + nTest + " should be greater or equal to the number of classes = " + nClasses);
        int[][] members = new int[nClasses][];
        int[] fill = new int[nClasses];
        for (int c = 0; c < nClasses; c++) members[c] = new int[(int) counts[c]];
        for (int i = 0; i < y.length; i++) members[y[i]][fill[y[i]]++] = i;

        long[] nI = approximateMode(counts, nTrain, rng);
        long[] remaining = new long[nClasses];
        for (int c = 0; c < nClasses; c++) remaining[c] = counts[c] - nI[c];
        long[] tI = approximateMode(remaining, nTest, rng);
        int[] train = new int[nTrain];
        int[] test = new int[nTest];
        int tr = 0;
        int te = 0;
        for (int c = 0; c < nClasses; c++) {
            int[] perm = rng.permutation(members[c].length);
            for (int j = 0; j < nI[c]; j++) train[tr++] = members[c][perm[j]];
            for (int j = (int) nI[c]; j < nI[c] + tI[c]; j++) test[te++] = members[c][perm[j]];
        }
        train = Arrays.copyOf(train, tr);
        test = Arrays.copyOf(test, te);
        rng.shuffle(train);
        rng.shuffle(test);
        return new TrainTestSplit.Split(train, test);
    }

    /**
     * sklearn's {@code _approximate_mode(class_counts, n_draws, rng)}: floor of each class's
     * share, then one more for the classes with the largest left-over fractions; a group of equal
     * fractions is drawn from with {@code rng.choice(..., replace=False)}, which shuffles the
     * whole group even when all of it is taken.
     */
    static long[] approximateMode(long[] classCounts, long nDraws, RandomState rng) {
        int n = classCounts.length;
        double total = 0;
        for (long c : classCounts) total += c;
        double[] continuous = new double[n];
        double[] floored = new double[n];
        double flooredSum = 0;
        for (int i = 0; i < n; i++) {
            continuous[i] = classCounts[i] / total * nDraws;
            floored[i] = Math.floor(continuous[i]);
            flooredSum += floored[i];
        }
        long needToAdd = (long) (nDraws - flooredSum);
        if (needToAdd > 0) {
            double[] remainder = new double[n];
            for (int i = 0; i < n; i++) remainder[i] = continuous[i] - floored[i];
            double[] values = Arrays.stream(remainder).distinct().sorted().toArray();
            for (int v = values.length - 1; v >= 0; v--) {
                double value = values[v];
                int[] inds = new int[n];
                int m = 0;
                for (int i = 0; i < n; i++) if (remainder[i] == value) inds[m++] = i;
                inds = Arrays.copyOf(inds, m);
                int addNow = (int) Math.min(m, needToAdd);
                for (int i : rng.choiceWithoutReplacement(inds, addNow)) floored[i] += 1;
                needToAdd -= addNow;
                if (needToAdd == 0) break;
            }
        }
        long[] out = new long[n];
        for (int i = 0; i < n; i++) out[i] = (long) floored[i];
        return out;
    }
}
