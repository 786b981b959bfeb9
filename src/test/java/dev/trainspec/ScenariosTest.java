package dev.trainspec;

import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.Suite;

/**
 * Every scenario under scenarios/, run by the trainspec engine as any project would run its own
 * (README "Use trainspec in your project"): {@code mvn test} runs them with the unit tests,
 * {@code mvn test -Dsurefire.includeJUnit5Engines=trainspec} runs only them, {@code -Dgroups=seed}
 * only those tagged seed.
 */
@Suite
@IncludeEngines("trainspec")
@SelectDirectories("scenarios")
class ScenariosTest {}
