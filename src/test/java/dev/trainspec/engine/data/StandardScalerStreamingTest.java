package dev.trainspec.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * StandardScaler sums wide rows as it streams over them instead of materialising a float64 copy
 * and a centred copy (each as large as the data). These are the bits of the materialised
 * definition, numpy's, written out here: same statistics, same transformed values, in float64 and
 * float32 storage, for one column (numpy's pairwise reduction) and for wider rows.
 */
class StandardScalerStreamingTest {
    private static final double EPS = Math.ulp(1.0);

    @ParameterizedTest
    @CsvSource({"1000, 1", "1000, 3", "257, 512", "5, 7"})
    void streamedStatisticsGiveTheMaterialisedBits(int rows, int cols) {
        Random random = new Random(rows * 31L + cols);
        double[] x64 = new double[rows * cols];
        float[] x32 = new float[rows * cols];
        for (int i = 0; i < x64.length; i++) {
            x64[i] = 92 + 7 * random.nextGaussian(); // far from 0: a one-pass variance would lose digits here
            x32[i] = (float) (92 + 7 * random.nextGaussian());
        }
        int[] labels = new int[rows];
        for (Dataset data : new Dataset[] {Dataset.classification(x64, rows, cols, labels, 2), Dataset.float32Classification(x32, rows, cols, labels, 2)}) {
            Dataset streamed = new StandardScaler(true, true).fit(data).transform(data);
            Dataset materialised = materialisedFit(data).transform(data);
            assertEquals(data.isFloat32(), streamed.isFloat32());
            if (data.isFloat32()) assertArrayEquals(materialised.xFloat32(), streamed.xFloat32());
            else assertArrayEquals(materialised.x(), streamed.x());
        }
    }

    /** The definition: numpy's column sums of the float64 rows, then of the centred rows and their squares. */
    private static ColumnTransform materialisedFit(Dataset rows) {
        int n = rows.rows();
        int cols = rows.cols();
        double[] x = rows.x();
        double[] sum = Numpy.columnSums(x, n, cols);
        double[] mean = new double[cols];
        for (int j = 0; j < cols; j++) mean[j] = (0.0 + sum[j]) / n;
        double[] centred = new double[x.length];
        for (int i = 0; i < x.length; i++) centred[i] = x[i] - mean[i % cols];
        double[] correction = Numpy.columnSums(centred, n, cols);
        for (int i = 0; i < centred.length; i++) centred[i] = centred[i] * centred[i];
        double[] squares = Numpy.columnSums(centred, n, cols);
        double[] scale = new double[cols];
        for (int j = 0; j < cols; j++) {
            double var = (squares[j] - correction[j] * correction[j] / n) / n;
            double bound = n * EPS * var + (n * mean[j] * EPS) * (n * mean[j] * EPS);
            scale[j] = var <= bound ? 1.0 : Math.sqrt(var);
        }
        return ColumnTransform.subtractDivide("standard_scaler", mean, scale);
    }
}
