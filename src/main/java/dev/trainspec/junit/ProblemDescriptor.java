package dev.trainspec.junit;

import java.nio.file.Path;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;

/**
 * A test that fails with a message written for the user and no stack trace of ours: a file that
 * does not load (the loader's message, every problem at its file:line:column), a configuration
 * parameter that does not parse, or scenario selectors that matched nothing; or, for an empty
 * selection the settings accept, a test skipped with the message as its reason (so that a
 * {@code @Suite} counts a test and passes instead of failing for having found none).
 */
final class ProblemDescriptor extends AbstractTestDescriptor {
    private final String message;
    private final String invalidId;
    private final String shownPath;
    private final Path root;
    private final boolean accepted;

    ProblemDescriptor(UniqueId id, String displayName, TestSource source, String message, String invalidId, String shownPath, Path root) {
        this(id, displayName, source, message, invalidId, shownPath, root, false);
    }

    private ProblemDescriptor(UniqueId id, String displayName, TestSource source, String message, String invalidId, String shownPath, Path root,
            boolean accepted) {
        super(id, displayName, source);
        this.message = message;
        this.invalidId = invalidId;
        this.shownPath = shownPath;
        this.root = root;
        this.accepted = accepted;
    }

    /** A problem the settings accept: reported skipped, with {@code reason}. */
    static ProblemDescriptor accepted(UniqueId id, String displayName, String reason) {
        return new ProblemDescriptor(id, displayName, null, reason, null, null, null, true);
    }

    /** The workspace root of the file that does not load; null when the problem is not a file's. */
    Path root() {
        return root;
    }

    String message() {
        return message;
    }

    /** True when the test is skipped rather than failed (see {@link #accepted}). */
    boolean accepted() {
        return accepted;
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
