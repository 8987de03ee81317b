package com.crazyrouter.coze;

import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.Suite;

/** The one entry point: every feature under features/, run by Cucumber on the JUnit Platform (failsafe, in `mvn verify`). */
@Suite
@IncludeEngines("cucumber")
@SelectDirectories("features")
public class ContractSuite {
}
