package dev.shale.workflow;

import java.time.Duration;

/**
 * Online mode of {@code generate}: whether it writes migrations that keep busy tables taking writes while
 * they apply (indexes built {@code CONCURRENTLY} in a migration of their own that runs outside a
 * transaction, foreign keys and checks added {@code NOT VALID} and validated in that migration, NOT NULL
 * set through a validated check; see {@link dev.shale.diff.OnlineSteps}), and the {@code lock_timeout}
 * each of those migrations sets first.
 *
 * @param enabled whether generate writes online migrations
 * @param lockTimeout the {@code lock_timeout} an online migration sets: whole milliseconds, more than zero
 */
public record OnlineSettings(boolean enabled, Duration lockTimeout) {
    /** How long an online migration waits for a lock unless configured: long enough for a quick query to finish. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(5);
    /** Online mode off: generate writes one transactional migration per step, as it always did. */
    public static final OnlineSettings OFF = new OnlineSettings(false, DEFAULT_LOCK_TIMEOUT);
    /** Online mode on, with the default lock timeout. */
    public static final OnlineSettings ON = new OnlineSettings(true, DEFAULT_LOCK_TIMEOUT);

    public OnlineSettings {
        lockTimeout = lockTimeout == null ? DEFAULT_LOCK_TIMEOUT : lockTimeout;
        if (lockTimeout.isNegative() || lockTimeout.isZero() || !lockTimeout.equals(Duration.ofMillis(lockTimeout.toMillis()))) {
            throw new IllegalArgumentException("the lock_timeout of online migrations must be more than zero, in whole"
                    + " milliseconds; got " + lockTimeout);
        }
    }

    /** The same, on or off. */
    public OnlineSettings withEnabled(boolean value) {
        return new OnlineSettings(value, lockTimeout);
    }
}
