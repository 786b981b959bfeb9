package dev.trainspec.junit;

import dev.trainspec.scenario.ScenarioFile;
import java.util.Set;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;

/**
 * The file's cross-variant expectations: one test named {@code comparisons} (with
 * {@code trainspec.naming=long}: "comparisons between variants: title"), pointing at the first
 * of them, tagged like the file.
 */
final class ComparisonsDescriptor extends AbstractTestDescriptor {
    static final String SEGMENT = "comparisons";

    private final ScenarioFile file;

    ComparisonsDescriptor(UniqueId parent, ScenarioFile file, boolean longName) {
        super(parent.append(SEGMENT, SEGMENT), longName ? "comparisons between variants: " + FileDescriptor.title(file.base()) : SEGMENT,
                FileSource.from(file.file().toFile(), FilePosition.from(Math.max(1, file.comparisons().get(0).origin().line()))));
        this.file = file;
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }

    @Override
    public Set<TestTag> getTags() {
        return Tags.of(file.base().tags());
    }
}
