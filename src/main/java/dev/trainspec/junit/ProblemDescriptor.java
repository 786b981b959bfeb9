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
    private final InvalidFile file;
    private final boolean accepted;

    /**
     * A file that does not load, as the report and its error result show it.
     *
     * @param id its default id
     * @param writesResult whether its error result goes under that id (no file of the run that loads holds it)
     * @param shownPath the file relative to its workspace root
     * @param problems the loader's problems, each file shown relative to the root (reports are read by others)
     * @param root its workspace root
     */
    record InvalidFile(String id, boolean writesResult, String shownPath, String problems, Path root) {}

    /** @param file the file that does not load, or null when the problem is not a file's */
    ProblemDescriptor(UniqueId id, String displayName, TestSource source, String message, InvalidFile file) {
        this(id, displayName, source, message, file, false);
    }

    private ProblemDescriptor(UniqueId id, String displayName, TestSource source, String message, InvalidFile file, boolean accepted) {
        super(id, displayName, source);
        this.message = message;
        this.file = file;
        this.accepted = accepted;
    }

    /** A problem the settings accept: reported skipped, with {@code reason}. */
    static ProblemDescriptor accepted(UniqueId id, String displayName, String reason) {
        return new ProblemDescriptor(id, displayName, null, reason, null, true);
    }

    String message() {
        return message;
    }

    /** True when the test is skipped rather than failed (see {@link #accepted}). */
    boolean accepted() {
        return accepted;
    }

    /** The file that does not load; null when the problem is not a file's. */
    InvalidFile file() {
        return file;
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }
}
