package dev.trainspec.junit;

import dev.trainspec.scenario.ScenarioFile;
import java.util.Set;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;

/** The file's cross-variant expectations: one test, pointing at the first of them, tagged like the file. */
final class ComparisonsDescriptor extends AbstractTestDescriptor {
    static final String SEGMENT = "comparisons";

    private final ScenarioFile file;

    ComparisonsDescriptor(UniqueId parent, ScenarioFile file) {
        super(parent.append(SEGMENT, SEGMENT), "comparisons between variants: " + FileDescriptor.title(file.base()),
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
