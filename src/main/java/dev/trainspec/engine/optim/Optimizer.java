package dev.trainspec.engine.optim;

/**
 * Updates the parameters it was built with from their gradients, with PyTorch's formulas
 * (torch.optim, 1.13). The learning rate can change between steps (schedules).
 */
public interface Optimizer {
    void step();

    double lr();

    void setLr(double lr);

    String describe();
}
