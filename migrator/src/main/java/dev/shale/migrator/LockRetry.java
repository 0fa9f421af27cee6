package dev.shale.migrator;

import java.time.Duration;

/**
 * How a statement that hit {@code lock_timeout} (SQLState 55P03) is tried again, as strong_migrations and
 * pgroll do: a lock that a long query holds for a few seconds should not fail a deploy. A transactional
 * file is retried as a whole (its transaction was rolled back, the migration lock released during the
 * pause); in a {@code -- shale:no-transaction} file the failing statement is tried again.
 *
 * @param retries how many more tries after the first (0: none)
 * @param delay the pause before the first retry; each further pause is twice the one before
 */
record LockRetry(int retries, Duration delay) {
    static final LockRetry DEFAULT = new LockRetry(3, Duration.ofSeconds(1));
    /** No pause grows past this, however many retries are asked for. */
    private static final Duration LONGEST = Duration.ofMinutes(5);

    LockRetry {
        if (retries < 0) {
            throw new IllegalArgumentException("lockRetries must be zero or more, got " + retries);
        }
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("lockRetryDelay must be zero or positive, got " + delay);
        }
    }

    /** Whether try number {@code tries} (1-based) may be followed by another. */
    boolean allows(int tries) {
        return tries <= retries;
    }

    /** The pause after try number {@code tries} (1-based): {@code delay * 2^(tries-1)}, at most 5 minutes. */
    Duration pauseAfter(int tries) {
        Duration d = delay;
        for (int i = 1; i < tries && d.compareTo(LONGEST) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(LONGEST) > 0 ? LONGEST : d;
    }

    /**
     * Sleeps {@link #pauseAfter}; false when interrupted (the interrupt flag is set again, and the caller
     * gives up as if this had been the last try).
     */
    boolean pause(int tries) {
        try {
            Thread.sleep(pauseAfter(tries).toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@code "4 tries (3 retries, 1 s, 2 s and 4 s apart)"}, for a failure after {@code tries} tries. */
    String describe(int tries) {
        if (tries <= 1) {
            return "1 try (lockRetries is 0)";
        }
        StringBuilder pauses = new StringBuilder();
        for (int t = 1; t < tries; t++) {
            pauses.append(t == 1 ? "" : t == tries - 1 ? " and " : ", ").append(MigrationLock.seconds(pauseAfter(t)));
        }
        return tries + " tries (" + (tries - 1) + (tries == 2 ? " retry, " : " retries, ") + pauses + (tries == 2 ? " after the first)" : " apart)");
    }
}
