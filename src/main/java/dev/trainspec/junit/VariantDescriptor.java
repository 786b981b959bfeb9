package dev.trainspec.junit;

import dev.trainspec.scenario.Printable;
import dev.trainspec.scenario.Scenario;
import java.util.Set;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;

/**
 * One variant of a file: a test named by the variant (SCENARIOS.md 8.1), or "variant: title" with
 * {@code trainspec.naming=long}, pointing at the line that defines it (base: line 1).
 */
final class VariantDescriptor extends AbstractTestDescriptor {
    static final String SEGMENT = "variant";

    private final Scenario variant;

    VariantDescriptor(UniqueId parent, Scenario variant, boolean longName) {
        super(parent.append(SEGMENT, variant.variant()), longName ? Printable.line(variant.variant()) + ": " + FileDescriptor.title(variant) : Printable.line(variant.variant()),
                FileSource.from(variant.file().toFile(), FilePosition.from(variant.origin() == null ? 1 : Math.max(1, variant.origin().line()))));
        this.variant = variant;
    }

    /** The loaded variant itself: outcomes are matched to this test by identity, never by name. */
    Scenario variant() {
        return variant;
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }

    @Override
    public Set<TestTag> getTags() {
        return Tags.of(variant.tags());
    }
}
