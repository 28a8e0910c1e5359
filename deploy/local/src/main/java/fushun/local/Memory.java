package fushun.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Stream;

/** Resident set size of process trees, from /proc (Linux); the benchmark reads it the same way. */
public final class Memory {

    private Memory() {
    }

    /** Kibibytes resident over the given processes and all their descendants, each counted once. */
    static long rssKiB(Stream<ProcessHandle> roots) {
        Set<Long> pids = new LinkedHashSet<>();
        roots.forEach(root -> {
            pids.add(root.pid());
            root.descendants().forEach(d -> pids.add(d.pid()));
        });
        return pids.stream().mapToLong(Memory::rssOf).sum();
    }

    /** One process's resident set size in KiB, 0 when it is gone (or this is not Linux). */
    public static long rssOf(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process is gone, or this is not Linux
        }
        return 0;
    }
}
