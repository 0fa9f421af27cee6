package dev.shale.workflow;

import dev.shale.embedded.EmbeddedPostgres;
import dev.shale.embedded.EmbeddedPostgresException;
import dev.shale.embedded.PostgresBinaries;
import dev.shale.workflow.WorkflowException.Reason;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A database that exists for one verification: a new database on the configured verification server
 * (created here, dropped on {@link #close()}), or, with none configured, an embedded PostgreSQL of the
 * project's target version (the newest Shale has when none is set) started for it and stopped after.
 */
final class ScratchDatabase implements AutoCloseable {
    private static final Pattern URL = Pattern.compile("^([a-zA-Z:]+//[^/?]*)(/[^?]*)?(\\?.*)?$");

    private final String url;
    private final String server;
    private final EmbeddedPostgres embedded;
    private final String adminUrl;
    private final String name;

    private ScratchDatabase(String url, String server, EmbeddedPostgres embedded, String adminUrl, String name) {
        this.url = url;
        this.server = server;
        this.embedded = embedded;
        this.adminUrl = adminUrl;
        this.name = name;
    }

    /** A fresh database for {@code project}'s verification. */
    static ScratchDatabase open(Project project) {
        if (project.verifyUrl() != null && !project.verifyUrl().isBlank()) {
            return onServer(project.verifyUrl());
        }
        int version = project.postgresVersion() == null ? PostgresBinaries.newest() : project.postgresVersion();
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.start(version);
            String release = PostgresBinaries.releases().get(version);
            return new ScratchDatabase(pg.jdbcUrl("postgres"), "an embedded PostgreSQL " + release.replaceAll("\\.0$", ""),
                    pg, null, null);
        } catch (EmbeddedPostgresException e) {
            throw new WorkflowException(Reason.VERIFICATION_SERVER, "embedded PostgreSQL " + version,
                    "could not start an embedded PostgreSQL " + version + " to verify on: " + e.getMessage(), e);
        }
    }

    private static ScratchDatabase onServer(String adminUrl) {
        Matcher m = URL.matcher(adminUrl.strip());
        if (!m.matches()) {
            throw new WorkflowException(Reason.VERIFICATION_SERVER, LiveDatabase.redacted(adminUrl), "the verification URL "
                    + LiveDatabase.redacted(adminUrl) + " is not a PostgreSQL URL (postgres://user@host:5432/db or jdbc:postgresql://host/db)");
        }
        String name = "shale_verify_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = LiveDatabase.connect(adminUrl); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new WorkflowException(Reason.VERIFICATION_SERVER, LiveDatabase.redacted(adminUrl), "could not create the"
                    + " throwaway database " + name + " on " + LiveDatabase.redacted(adminUrl) + ": " + e.getMessage()
                    + ". Verification needs a user that may create databases (CREATEDB)", e);
        }
        String url = m.group(1) + "/" + name + (m.group(3) == null ? "" : m.group(3));
        return new ScratchDatabase(url, LiveDatabase.redacted(adminUrl), null, adminUrl, name);
    }

    /** The scratch database's URL. */
    String url() {
        return url;
    }

    /** Where it lives, as messages show it ({@code an embedded PostgreSQL 17.11}, or the redacted server URL). */
    String server() {
        return server;
    }

    /**
     * Drops the throwaway database (or stops the embedded server).
     *
     * @return null, or why the throwaway database could not be dropped (the verdict stands; the caller reports it)
     */
    String drop() {
        if (embedded != null) {
            embedded.close();
            return null;
        }
        try (Connection c = LiveDatabase.connect(adminUrl); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            return null;
        } catch (SQLException | WorkflowException e) {
            return "the throwaway database " + name + " on " + server + " could not be dropped (" + e.getMessage()
                    + "); drop it by hand";
        }
    }

    @Override
    public void close() {
        drop();
    }
}
