package dev.shale.spring;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The {@code shale.*} settings of the start-up migration. A mutable bean because Boot binds it and its
 * configuration processor documents it; {@link ShaleMigrators} turns it into a migrator and is the one
 * place that checks the values.
 */
@ConfigurationProperties(prefix = "shale")
public class ShaleProperties {
    /** Whether to apply pending migrations at start-up (and to configure Shale at all). */
    private boolean enabled = true;

    /**
     * Where the migration files (NNNN_name.sql) are: "classpath:" followed by a folder in the application's
     * jar, or "filesystem:" followed by a directory. Without a prefix the folder is on the classpath.
     */
    private String location = "classpath:db/migrations";

    /**
     * JDBC or postgres:// URL of a separate connection for migrations (a direct, unpooled URL, or a user
     * allowed to change the schema). When not set, the application's DataSource is used.
     */
    private String url;

    /** Login user for shale.url (overrides a user in the URL). */
    private String user;

    /** Login password for shale.url (overrides a password in the URL). */
    private String password;

    /**
     * lock_timeout for migration statements: a statement that waits longer than this for a table lock fails
     * instead of queueing the application's traffic behind it. Zero waits forever.
     */
    private Duration lockTimeout = Duration.ofSeconds(10);

    /** statement_timeout for migration statements. Zero means none. */
    private Duration statementTimeout = Duration.ZERO;

    /**
     * How long an instance waits for the migration lock while another instance applies migrations before
     * start-up fails.
     */
    private Duration lockWait = Duration.ofSeconds(60);

    /** The history table, as "schema.table" (or "table" in the public schema). */
    private String historyTable = "public.shale_migrations";

    /**
     * Whether to refuse to start when an applied migration's file changed or went missing. When false, such
     * migrations are reported (by the shale endpoint) but do not stop start-up.
     */
    private boolean validateOnMigrate = true;

    /** Whether to apply a pending migration numbered below the newest applied one (merged late from a branch). */
    private boolean outOfOrder = false;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getLocation() {
        return location;
    }

    public void setLocation(String location) {
        this.location = location;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public Duration getLockTimeout() {
        return lockTimeout;
    }

    public void setLockTimeout(Duration lockTimeout) {
        this.lockTimeout = lockTimeout;
    }

    public Duration getStatementTimeout() {
        return statementTimeout;
    }

    public void setStatementTimeout(Duration statementTimeout) {
        this.statementTimeout = statementTimeout;
    }

    public Duration getLockWait() {
        return lockWait;
    }

    public void setLockWait(Duration lockWait) {
        this.lockWait = lockWait;
    }

    public String getHistoryTable() {
        return historyTable;
    }

    public void setHistoryTable(String historyTable) {
        this.historyTable = historyTable;
    }

    public boolean isValidateOnMigrate() {
        return validateOnMigrate;
    }

    public void setValidateOnMigrate(boolean validateOnMigrate) {
        this.validateOnMigrate = validateOnMigrate;
    }

    public boolean isOutOfOrder() {
        return outOfOrder;
    }

    public void setOutOfOrder(boolean outOfOrder) {
        this.outOfOrder = outOfOrder;
    }
}
