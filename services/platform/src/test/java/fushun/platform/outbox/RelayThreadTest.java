package fushun.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The relay's thread without Spring or a database: a pass is a counter that may be held open. */
class RelayThreadTest {

    private final AtomicInteger finished = new AtomicInteger();
    private final Semaphore mayFinish = new Semaphore(0);
    private RelayThread thread;

    private void startWith(Duration fallback) {
        thread = new RelayThread(() -> {
            mayFinish.acquireUninterruptibly();
            finished.incrementAndGet();
        }, fallback);
        thread.start();
    }

    @AfterEach
    void stop() {
        mayFinish.release(100);
        thread.stop();
    }

    @Test
    void shouldRunOneMorePassWhenWokenDuringAPassHoweverManyWakeUpsCame() {
        startWith(Duration.ofHours(1));
        await().atMost(Duration.ofSeconds(5)).until(() -> thread.passes() == 1); // the pass at start, held open

        for (int i = 0; i < 5; i++) {
            thread.wake();
        }
        mayFinish.release();

        await().atMost(Duration.ofSeconds(5)).until(() -> thread.passes() == 2);
        mayFinish.release();
        // idle: waiting with no wake-up pending, so the five wake-ups made exactly one more pass
        await().atMost(Duration.ofSeconds(5)).until(thread::idle);
        assertThat(thread.passes()).isEqualTo(2);
        assertThat(finished).hasValue(2);
    }

    @Test
    void shouldRunTheLastPassAskedForDuringAPassWhenStopped() throws Exception {
        startWith(Duration.ofHours(1));
        await().atMost(Duration.ofSeconds(5)).until(() -> thread.passes() == 1); // the pass at start, held open
        thread.wake(); // what a request's commit asked for while the pass ran

        Thread stopping = new Thread(thread::stop, "stopping");
        stopping.start();
        mayFinish.release(2);
        stopping.join(Duration.ofSeconds(10).toMillis());

        assertThat(stopping.isAlive()).as("the stop waited for the passes, then returned").isFalse();
        assertThat(finished).as("the pass in flight and the one asked for during it").hasValue(2);
    }

    @Test
    void shouldRunAPassAtOnceWhenWokenWhileWaiting() {
        startWith(Duration.ofHours(1));
        mayFinish.release();
        await().atMost(Duration.ofSeconds(5)).until(thread::idle);
        assertThat(thread.passes()).isEqualTo(1);

        mayFinish.release();
        thread.wake();

        await().atMost(Duration.ofSeconds(5)).until(() -> finished.get() == 2);
        await().atMost(Duration.ofSeconds(5)).until(thread::idle);
        assertThat(thread.passes()).isEqualTo(2);
    }

    @Test
    void shouldPollWhenNothingWakesIt() {
        startWith(Duration.ofMillis(50));
        mayFinish.release(3);

        await().atMost(Duration.ofSeconds(5)).until(() -> finished.get() == 3);
        assertThat(thread.wakeUps()).as("no wake-up asked for").isZero();
    }

    @Test
    void shouldKeepGoingWhenAPassThrows() {
        AtomicInteger calls = new AtomicInteger();
        thread = new RelayThread(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("a pass that failed");
            }
        }, Duration.ofHours(1));
        thread.start();
        await().atMost(Duration.ofSeconds(5)).until(thread::idle);

        thread.wake();

        await().atMost(Duration.ofSeconds(5)).until(() -> calls.get() == 2);
        assertThat(thread.isRunning()).isTrue();
    }
}
