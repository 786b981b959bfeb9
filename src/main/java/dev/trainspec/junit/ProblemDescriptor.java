package dev.trainspec.junit;

import java.nio.file.Path;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;

/**
 * A test that fails with a message written for the user and no stack trace of ours: a file that
 * does not load (the loader's message, every problem at its file:line:column), a configuration
 * parameter that does not parse, or scenario selectors that matched nothing.
 */
final class ProblemDescriptor extends AbstractTestDescriptor {
    private final String message;
    private final String invalidId;
    private final String shownPath;
    private final Path root;

    ProblemDescriptor(UniqueId id, String displayName, TestSource source, String message, String invalidId, String shownPath, Path root) {
        super(id, displayName, source);
        this.message = message;
        this.invalidId = invalidId;
        this.shownPath = shownPath;
        this.root = root;
    }

    /** The workspace root of the file that does not load; null when the problem is not a file's. */
    Path root() {
        return root;
    }

    String message() {
        return message;
    }

    /** The default id of the file that does not load; null when the problem is not a file's. */
    String invalidId() {
        return invalidId;
    }

    String shownPath() {
        return shownPath;
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }
}
