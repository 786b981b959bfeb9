package dev.trainspec.engine.tensor;

/**
 * A mapped file no longer holds the values mapped from it: another program cut it short while a
 * run read it. A read past the file's new end faults, and the JVM raises that fault as an
 * {@link InternalError} only when the reading thread next polls, which may be after the read's
 * rows were counted as copied; {@link FloatStore#checkUnchanged} tells it for certain.
 */
public final class StorageChanged extends RuntimeException {
    public StorageChanged(String message) {
        super(message);
    }
}
