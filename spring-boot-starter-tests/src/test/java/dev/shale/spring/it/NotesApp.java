package dev.shale.spring.it;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * An application whose own beans read the migrated table in their constructors, as a repository that warms
 * a cache does. The application's beans are created before the auto-configured ones, in the order of
 * {@code @Import}: the first, {@link PlainReader}, starts only if the migration ran when the DataSource was
 * created (the shale initializer bean comes later); {@link AnnotatedReader} is ordered by Boot's initializer
 * detection, which the test checks on its bean definition.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({NotesApp.PlainReader.class, NotesApp.TemplateReader.class, NotesApp.AnnotatedReader.class})
class NotesApp {

    /** Uses the database through a connection of its own, not the DataSource bean: ordered only by Boot's initializer detection. */
    @DependsOnDatabaseInitialization
    static class AnnotatedReader {
        final List<String> notes;

        AnnotatedReader(Environment environment) throws SQLException {
            try (Connection c = DriverManager.getConnection(environment.getRequiredProperty("spring.datasource.url"))) {
                notes = read(c);
            }
        }
    }

    /** Takes the DataSource, nothing else: the migration must have run when the DataSource was handed out. */
    static class PlainReader {
        final List<String> notes;

        PlainReader(DataSource dataSource) throws SQLException {
            try (Connection c = dataSource.getConnection()) {
                notes = read(c);
            }
        }
    }

    /** A JdbcTemplate consumer, as Spring Data JDBC and most hand-written repositories are. */
    static class TemplateReader {
        final List<String> notes;

        TemplateReader(JdbcTemplate jdbc) {
            notes = jdbc.queryForList("SELECT body FROM notes ORDER BY id", String.class);
        }
    }

    static List<String> read(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT body FROM notes ORDER BY id")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
