package dev.trainspec.junit;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Every scenario under scenarios/ as a dynamic test (select with -Dtrainspec.scenarios=GLOB and
 * -Dtrainspec.tags=a,b).
 */
class BundledScenariosTest {
    @TestFactory
    Stream<DynamicNode> scenarios() {
        return ScenarioTests.fromSystemProperties();
    }
}
