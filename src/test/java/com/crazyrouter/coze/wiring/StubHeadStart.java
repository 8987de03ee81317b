package com.crazyrouter.coze.wiring;

import com.crazyrouter.coze.config.Settings;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The earliest moment the JUnit Platform offers a test JVM — before Cucumber looks for features — starts the contract
 * run's stub gateway ahead (RunSlot.headStart), when the POM asks for it: on 2 cores the stub's 0.7 s start then
 * overlaps feature discovery instead of following it. Registered in META-INF/services.
 */
public class StubHeadStart implements LauncherSessionListener {
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (Settings.stubHeadStartAsked()) {
            RunSlot.headStart();
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        RunSlot.dropHeadStart();
    }
}
