package dev.trainspec.export;

/** The configured Python cannot run an exported script (missing, no PyTorch, no CUDA): a usage error, never a pass. */
public final class PytorchUnavailable extends RuntimeException {
    public PytorchUnavailable(String message) {
        super(message);
    }
}
