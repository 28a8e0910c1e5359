package fushun.platform.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The service ITs' clock: the system clock, shifted when a test needs another moment (a decision
 * on the 31st, next month's payroll). Time keeps running from the moment set. A test that moves
 * it puts it back with {@link #reset()}, since the context (and the clock) is shared.
 */
public class MovableClock extends Clock {

    private final AtomicReference<Duration> offset;
    private final ZoneId zone;

    public MovableClock() {
        this(new AtomicReference<>(Duration.ZERO), ZoneOffset.UTC);
    }

    private MovableClock(AtomicReference<Duration> offset, ZoneId zone) {
        this.offset = offset;
        this.zone = zone;
    }

    /** Moves this clock and every zone view of it to {@code instant}, from where it runs on. */
    public void set(Instant instant) {
        offset.set(Duration.between(Instant.now(), instant));
    }

    /** Back to the system's time. */
    public void reset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new MovableClock(offset, zone);
    }
}
