package dev.modelctl.core.features.drill;

import java.time.Duration;

/**
 * Time as the drill measures and waits it. Real runs use {@link #REAL}; runs against the fakes in the test suite use a
 * scaled clock (one AppConfig second = a few milliseconds) so that a 15-second poll interval is honoured without
 * waiting 15 seconds. Every duration the drill reports is in AppConfig seconds.
 */
public final class DrillClock {
    public static final DrillClock REAL = new DrillClock(1000);

    private final double millisPerSecond;
    private final long origin = System.nanoTime();

    /** @param millisPerSecond real milliseconds per AppConfig second (1000 = real time) */
    public DrillClock(double millisPerSecond) {
        if (!(millisPerSecond > 0)) {
            throw new IllegalArgumentException("the time scale must be a positive number of milliseconds per second");
        }
        this.millisPerSecond = millisPerSecond;
    }

    /** AppConfig time since this clock was made. */
    public Duration elapsed() {
        double realMillis = (System.nanoTime() - origin) / 1e6;
        return Duration.ofNanos((long) (realMillis / millisPerSecond * 1e9));
    }

    public void sleep(Duration d) throws InterruptedException {
        long realMillis = (long) Math.ceil(d.toNanos() / 1e9 * millisPerSecond);
        if (realMillis > 0) {
            Thread.sleep(realMillis);
        }
    }

    /** Real milliseconds for an AppConfig duration (for waits on monitors). */
    public long realMillis(Duration d) {
        return Math.max(1, (long) Math.ceil(d.toNanos() / 1e9 * millisPerSecond));
    }
}
