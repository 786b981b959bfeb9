package dev.trainspec.junit;

import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;

/**
 * A suite class this engine read itself (the suite engine was not running): a container with the
 * class as its source, as the suite engine would make, so that Surefire reports the scenarios
 * under the class it selected.
 */
final class SuiteDescriptor extends AbstractTestDescriptor {
    static final String SEGMENT = "suite";

    SuiteDescriptor(UniqueId parent, Class<?> suite) {
        super(parent.append(SEGMENT, suite.getName()), suite.getSimpleName(), ClassSource.from(suite));
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }
}
