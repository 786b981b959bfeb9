package dev.trainspec.engine.data;

/**
 * A preprocessing step in scikit-learn's fit / transform style, immutable: {@link #fit} learns
 * statistics from some rows (the training rows, or all of them) and returns a {@link Fitted}
 * transform that can be applied to any rows with the same columns.
 */
public interface Preprocessor {
    /** Learns the step's statistics from {@code rows}; this object is not changed. */
    Fitted fit(Dataset rows);

    /** The step and its settings, e.g. {@code standard_scaler(with_mean=true, with_std=true)}. */
    String describe();

    /** A step with its statistics: a pure function of rows. */
    interface Fitted {
        /** New rows (same labels or targets, same precision) with the transformed features. */
        Dataset transform(Dataset rows);

        /** The step and the learned statistics, for reports. */
        String describe();
    }

    /** {@code preprocess: none}. */
    Preprocessor NONE = new Preprocessor() {
        @Override
        public Fitted fit(Dataset rows) {
            return new Fitted() {
                @Override
                public Dataset transform(Dataset r) {
                    return r;
                }

                @Override
                public String describe() {
                    return "none";
                }
            };
        }

        @Override
        public String describe() {
            return "none";
        }
    };
}
