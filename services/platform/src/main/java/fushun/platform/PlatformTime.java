package fushun.platform;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The platform's calendar: deadlines, months and years are China's, whatever zone a JVM runs in.
 */
public final class PlatformTime {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private PlatformTime() {
    }

    /** Today in China by the given clock. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(CHINA));
    }
}
