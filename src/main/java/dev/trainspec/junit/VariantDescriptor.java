package dev.trainspec.junit;

import dev.trainspec.scenario.Scenario;
import java.util.Set;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;

/**
 * One variant of a file: a test pointing at the line that defines it (base: line 1), named
 * "variant: title". The title is in the name because Surefire names a test of a non-Java source
 * by its suite class and its own display name only, so "base" alone would repeat in every XML
 * report; Allure's result names stay what they were.
 */
final class VariantDescriptor extends AbstractTestDescriptor {
    static final String SEGMENT = "variant";

    private final Scenario variant;

    VariantDescriptor(UniqueId parent, Scenario variant) {
        super(parent.append(SEGMENT, variant.variant()), variant.variant() + ": " + FileDescriptor.title(variant),
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
