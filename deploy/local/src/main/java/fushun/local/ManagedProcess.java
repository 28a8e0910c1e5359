package fushun.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A child process with its output in a log file; stopping it stops its whole process tree. */
final class ManagedProcess {

    private final String name;
    private final Process process;
    private final Path log;

    private ManagedProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static ManagedProcess start(String name, List<String> command, Map<String, String> environment, Path workDir,
                                Path logDir) throws IOException {
        Files.createDirectories(logDir);
        Path log = logDir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(inOwnSession(command))
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        return new ManagedProcess(name, builder.start(), log);
    }

    /**
     * A terminal's Ctrl-C goes to the whole foreground process group; in a session of its own a
     * child is stopped by the launcher, in order, instead of all at once.
     */
    private static List<String> inOwnSession(List<String> command) {
        if (!Files.isExecutable(SETSID)) {
            return command;
        }
        List<String> wrapped = new java.util.ArrayList<>();
        wrapped.add(SETSID.toString());
        wrapped.addAll(command);
        return wrapped;
    }

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(name + " did not finish within " + timeout);
        }
        return process.exitValue();
    }

    /** SIGTERM to the whole tree: Spring, Kafka and Keycloak shut down cleanly on it. */
    void requestStop() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }

    /** kill -9 of the whole tree: no shutdown hook runs, nothing is flushed (for fault runs). */
    void kill() throws InterruptedException {
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
        process.waitFor();
        for (ProcessHandle child : tree) {
            child.onExit().join();
        }
    }

    /** Waits for the tree to end; whatever still runs after the grace period is killed. */
    void awaitStop(Duration grace) {
        List<ProcessHandle> tree = process.descendants().toList();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
