package dev.incidex.poll;

import java.time.Duration;

/**
 * How many sources this instance holds claimed and unfinished at once: about as many as it finishes within
 * {@code target}, measured. Claiming more than it can finish would keep due sources from instances with time to
 * spare, make them late, and on a slow machine outlast their leases. The limit starts small and follows the
 * throughput measured while claiming had to wait for room (Little's law: holding = throughput × time held); while
 * there was room to spare, the measured rate says nothing about what the instance can do, and the limit stays.
 */
final class ClaimWindow {

    /** How often the limit follows the measured throughput. */
    private static final long ADJUST_NANOS = Duration.ofSeconds(1).toNanos();

    private final int floor;
    private final int ceiling;
    private final long targetNanos;
    private int limit;
    private int holding;
    private boolean waited;
    private long since = System.nanoTime();
    private int finished;

    /**
     * @param floor the least it may hold (enough to keep the fetches busy)
     * @param ceiling the most it may hold ({@code incidex.poll.batch}, which bounds memory)
     * @param target how long a claimed source should take to finish, waiting for its turn included
     */
    ClaimWindow(int floor, int ceiling, Duration target) {
        this.ceiling = Math.max(1, ceiling);
        this.floor = Math.max(1, Math.min(floor, this.ceiling));
        this.targetNanos = Math.max(1, target.toNanos());
        this.limit = this.floor;
    }

    /**
     * Waits until a quarter of the limit is free (so a busy instance makes a few claims rather than one per finished
     * source) and holds all the free room; returns its size.
     */
    synchronized int acquire() {
        while (limit - holding < Math.max(1, limit / 4)) {
            waited = true;
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            }
        }
        int room = limit - holding;
        holding += room;
        return room;
    }

    /** Room held but not claimed (fewer sources were due). */
    synchronized void release(int room) {
        holding -= room;
        notifyAll();
    }

    /** A claimed source is finished. */
    synchronized void finished() {
        holding--;
        finished++;
        long now = System.nanoTime();
        long elapsed = now - since;
        if (elapsed >= ADJUST_NANOS) {
            if (waited) {
                double fit = (double) finished * targetNanos / elapsed;
                // At most doubling or halving at a time: one noisy second does not swing it.
                limit = (int) Math.max(Math.max(floor, limit / 2), Math.min(Math.min(ceiling, 2L * limit), fit));
            }
            since = now;
            finished = 0;
            waited = false;
        }
        notifyAll();
    }

    synchronized int limit() {
        return limit;
    }
}
