package com.crazyrouter.coze.testsupport;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** How to start a JVM like this one, for the harness's own end-to-end tests (ChildRun). */
public final class ChildJvm {
    private ChildJvm() {
    }

    /** This JVM's java binary, its -XX flags and the test class path (surefire and failsafe put the real one in a property of their own). */
    public static List<String> command() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(javaBinary()));
        command.addAll(vmFlags());
        command.addAll(List.of("-cp", classpath));
        return command;
    }

    public static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** This JVM's -XX flags (the POM's harness.jvm), so a child JVM starts as fast as this one did. */
    public static List<String> vmFlags() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> a.startsWith("-XX:")).toList();
    }
}
