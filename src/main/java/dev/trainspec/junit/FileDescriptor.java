package dev.trainspec.junit;

import dev.trainspec.scenario.Printable;
import dev.trainspec.scenario.Scenario;
import dev.trainspec.scenario.ScenarioFile;
import dev.trainspec.scenario.Workspace;
import java.util.Set;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;

/** One scenario file: a container named by its title, pointing at line 1, tagged with the file's tags. */
final class FileDescriptor extends AbstractTestDescriptor {
    static final String SEGMENT = "file";

    private final ScenarioFile file;
    private final Workspace workspace;

    FileDescriptor(UniqueId parent, ScenarioFile file, Workspace workspace) {
        super(idOf(parent, file.file()), title(file.base()), FileSource.from(file.file().toFile(), FilePosition.from(1)));
        this.file = file;
        this.workspace = workspace;
    }

    /** The segment of a file: its absolute path, so that an IDE's re-run finds it from any working directory. */
    static UniqueId idOf(UniqueId parent, java.nio.file.Path file) {
        return parent.append(SEGMENT, file.toAbsolutePath().normalize().toString());
    }

    /** The scenario's title, or its id when it has none, on one printable line (it comes from a pull request). */
    static String title(Scenario s) {
        return Printable.line(s.title() == null || s.title().isBlank() ? s.id() : s.title());
    }

    ScenarioFile file() {
        return file;
    }

    Workspace workspace() {
        return workspace;
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }

    @Override
    public Set<TestTag> getTags() {
        return Tags.of(file.base().tags());
    }
}
