package com.example;

import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.Suite;

/** Every scenario under scenarios/, run by the trainspec engine with the project's other tests. */
@Suite
@IncludeEngines("trainspec")
@SelectDirectories("scenarios")
class ScenariosTest {}
