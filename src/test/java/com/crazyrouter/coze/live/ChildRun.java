package com.crazyrouter.coze.live;

import com.crazyrouter.coze.ContractRun;
import com.crazyrouter.coze.config.ModelTable;
import com.crazyrouter.coze.config.Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The contract run in a JVM of its own, with the environment and -D settings a user would give it, output captured. */
public record ChildRun(int exitCode, String output, Path workDir) {

    public static ChildRun run(Path workDir, Map<String, String> properties, Map<String, String> environment) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        List<String> command = new ArrayList<>(Settings.childJvm());
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        command.add("-D" + Settings.MODEL_TABLE + "=" + ModelTable.DEFAULT.toAbsolutePath());
        command.add(ContractRun.class.getName());
        command.add(Path.of("features").toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("CRAZYROUTER_"));
        builder.environment().putAll(environment);
        Path log = workDir.resolve("console.log");
        builder.redirectOutput(log.toFile());
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("The contract run did not finish within 5 minutes; see " + log);
        }
        return new ChildRun(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8), workDir);
    }
}
