package fushun.bench;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/** The harness's progress lines on stdout, each with the time of day. */
final class Progress {

    private Progress() {
    }

    static void line(String format, Object... args) {
        System.out.println("[bench " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] " + String.format(format, args));
    }
}
