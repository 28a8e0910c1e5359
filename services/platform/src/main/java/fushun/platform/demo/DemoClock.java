package fushun.platform.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The local platform's clock while it writes its demo city's past year (ADR 0038): the real time
 * shifted back by the milliseconds the launcher keeps in one file, which it moves forward month by
 * month and deletes when the year is written. Every service of the platform reads the same file,
 * so they agree on the day. Only the launcher's demo start sets it ({@code platform.demo-data} and
 * {@code platform.demo.clock-file}); a deployment never does, and the clock never runs ahead of the
 * real one: a positive or unreadable offset counts as none. Once the file is gone (or was never
 * there when the service started) the clock is the real one for good: a file written later is not read.
 */
public final class DemoClock extends Clock {

    private static final long RECHECK_NANOS = 100_000_000L;

    private final Path file;
    private final ZoneId zone;
    private volatile long offsetMillis;
    private volatile long checkedAt;
    private volatile boolean released;

    public DemoClock(Path file) {
        this(file, ZoneOffset.UTC);
    }

    private DemoClock(Path file, ZoneId zone) {
        this.file = file;
        this.zone = zone;
        this.released = !Files.exists(file);
        this.offsetMillis = released ? 0 : read(file);
        this.checkedAt = System.nanoTime();
    }

    @Override
    public Instant instant() {
        if (released) {
            return Instant.now();
        }
        long now = System.nanoTime();
        if (now - checkedAt > RECHECK_NANOS) {
            if (!Files.exists(file)) {
                released = true;
                offsetMillis = 0;
                return Instant.now();
            }
            offsetMillis = read(file);
            checkedAt = now;
        }
        return Instant.now().plusMillis(offsetMillis);
    }

    /** Reads the file at the next {@link #instant()}, whenever it was read last (tests). */
    void recheck() {
        checkedAt = System.nanoTime() - RECHECK_NANOS - 1;
    }

    /** The offset in the file: zero or negative milliseconds; none, or anything else, is zero. */
    static long read(Path file) {
        try {
            long offset = Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).strip());
            return Math.min(0, offset);
        } catch (NoSuchFileException gone) {
            return 0;
        } catch (IOException | NumberFormatException unreadable) {
            return 0;
        }
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(this.zone) ? this : new DemoClock(file, zone);
    }
}
