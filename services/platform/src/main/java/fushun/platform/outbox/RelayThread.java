package fushun.platform.outbox;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The relay's own thread: it runs a pass when woken (a commit that wrote outbox rows, a notification
 * from another instance) and, failing any wake-up, once per fallback interval. Wake-ups coalesce:
 * however many arrive while a pass runs, exactly one more pass follows it, so a row committed
 * during a pass (after its last claim) is never left for the fallback poll. The first pass runs at
 * start, for what an earlier process left unsent.
 */
public class RelayThread implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RelayThread.class);

    private final Runnable pass;
    private final long pollNanos;
    private final Duration stopGrace;
    private final Object monitor = new Object();
    private final AtomicLong wakeUps = new AtomicLong();
    private final AtomicLong passes = new AtomicLong();
    private boolean woken;
    private boolean waiting;
    private volatile boolean running;
    private Thread thread;

    /**
     * @param pass     one relay pass ({@link OutboxRelay#publishPending})
     * @param fallback the longest wait for a wake-up before a pass of its own
     */
    public RelayThread(Runnable pass, Duration fallback) {
        this(pass, fallback, Duration.ofSeconds(25));
    }

    /**
     * @param stopGrace how long a stop waits for the pass in flight (at least the send timeout, so a
     *                  pass is not cut between the broker's acknowledgement and the mark)
     */
    public RelayThread(Runnable pass, Duration fallback, Duration stopGrace) {
        this.pass = pass;
        this.pollNanos = fallback.toNanos();
        this.stopGrace = stopGrace;
    }

    /** Asks for a pass: at once if the thread waits, after the current one if it is in a pass. Never blocks. */
    public void wake() {
        wakeUps.incrementAndGet();
        synchronized (monitor) {
            woken = true;
            monitor.notifyAll();
        }
    }

    private void loop() {
        while (true) {
            boolean wokenUp;
            try {
                wokenUp = awaitWakeOrPoll();
            } catch (InterruptedException e) {
                return;
            }
            if (!running) {
                // stopping: what the last requests and records committed during the pass is still sent
                if (wokenUp) {
                    runPass();
                }
                return;
            }
            runPass();
        }
    }

    private void runPass() {
        passes.incrementAndGet();
        try {
            pass.run();
        } catch (RuntimeException e) {
            // a pass logs its own failures; this is the thread's last guard, which must not die
            log.warn("Outbox relay pass failed: {}", e.getClass().getName());
        }
    }

    /** Returns whether a wake-up came (rather than the fallback's time, or a stop with none pending). */
    private boolean awaitWakeOrPoll() throws InterruptedException {
        synchronized (monitor) {
            long deadline = System.nanoTime() + pollNanos;
            waiting = true;
            try {
                while (!woken && running) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    TimeUnit.NANOSECONDS.timedWait(monitor, left);
                }
            } finally {
                waiting = false;
            }
            // cleared before the pass starts: a wake-up arriving during the pass sets it again
            boolean wokenUp = woken;
            woken = false;
            return wokenUp;
        }
    }

    /** Wake-ups asked for so far (for tests and the benchmark). */
    long wakeUps() {
        return wakeUps.get();
    }

    /** Passes started so far (for tests). */
    long passes() {
        return passes.get();
    }

    /** Waiting for a wake-up with none pending: no pass runs and none is about to (for tests). */
    boolean idle() {
        synchronized (monitor) {
            return waiting && !woken;
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        synchronized (monitor) {
            woken = true;
        }
        thread = new Thread(this::loop, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        synchronized (monitor) {
            monitor.notifyAll();
        }
        if (thread != null) {
            try {
                // a pass in flight (and the last one asked for) ends within the send timeout
                thread.join(stopGrace.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Stops after the web server and the Kafka listener containers (stopping runs from the highest
     * phase down), so what their last requests and records commit is still woken for.
     */
    @Override
    public int getPhase() {
        return PHASE;
    }

    /** Below the web server's phases (Boot: DEFAULT_PHASE - 1024 and - 2048) and the listener containers'. */
    static final int PHASE = DEFAULT_PHASE - 4096;
}
