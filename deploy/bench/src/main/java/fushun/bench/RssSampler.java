package fushun.bench;

import java.util.function.LongSupplier;

/** Samples the platform's resident memory once a second on a daemon thread: peak and mean. */
final class RssSampler implements AutoCloseable {

    private final LongSupplier rssKiB;
    private final Thread thread;
    private volatile boolean running = true;
    private long peak;
    private long sum;
    private long samples;

    RssSampler(LongSupplier rssKiB) {
        this.rssKiB = rssKiB;
        this.thread = new Thread(this::loop, "rss-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            long now = rssKiB.getAsLong();
            synchronized (this) {
                peak = Math.max(peak, now);
                sum += now;
                samples++;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    synchronized long peakKiB() {
        return peak;
    }

    synchronized long meanKiB() {
        return samples == 0 ? 0 : sum / samples;
    }

    synchronized long samples() {
        return samples;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
