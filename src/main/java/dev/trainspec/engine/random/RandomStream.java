package dev.trainspec.engine.random;

/**
 * What layers and the trainer draw during a run, named after the PyTorch calls they stand for:
 * {@code tensor.uniform_}, {@code tensor.normal_}, {@code tensor.bernoulli_} on a contiguous
 * float32 tensor made of the first {@code n} elements of {@code dst}, and the row order of one
 * epoch of {@code DataLoader(dataset, shuffle=...)}. One stream per run, shared by all of them in
 * the order PyTorch would make the calls, is what makes a run reproduce PyTorch's
 * {@code torch.manual_seed(seed)} run (see {@link TorchGenerator}).
 */
public interface RandomStream {
    /** {@code uniform_(from, to)}: U[from, to) in float32. */
    void uniform(float[] dst, int n, double from, double to);

    /** {@code normal_(mean, std)}: N(mean, std^2) in float32. */
    void normal(float[] dst, int n, double mean, double std);

    /** {@code bernoulli_(p)}: each element is {@code valueIfTrue} with probability p, else 0. */
    void bernoulli(float[] dst, int n, double p, float valueIfTrue);

    /**
     * What {@code iter(DataLoader)} draws at the start of an epoch; fills {@code order} with the
     * epoch's row order over {@code order.length} rows (0, 1, ... when not shuffled).
     */
    void epochOrder(int[] order, boolean shuffle);
}
