package dev.shale.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A throwaway project folder with a shale.toml and schema sources in package {@code app.db}, and a way to run Main in it. */
final class TempProject {
    static final String CONFIG = """
            dialect = "postgresql"

            [schema]
            source = "src"
            package = "app.db"
            """;

    static final String SCHEMA = """
            package app.db;

            public final class Schema {
                public static final Users USERS = new Users();
                public static final Posts POSTS = new Posts();
            }
            """;

    static final String USERS = """
            package app.db;

            import dev.shale.dsl.Column;
            import dev.shale.dsl.Table;
            import java.util.UUID;

            public final class Users extends Table {
                public final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
                public final Column<String> email = varchar("email", 255).notNull();
                // EXTRA

                Users() {
                    super("users");
                    uniqueIndex("users_email_key").on(email);
                }
            }
            """;

    static final String POSTS = """
            package app.db;

            import dev.shale.dsl.Column;
            import dev.shale.dsl.Table;
            import dev.shale.model.ReferentialAction;
            import java.util.UUID;

            public final class Posts extends Table {
                public final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
                public final Column<UUID> authorId = uuid("author_id").notNull().references(() -> Schema.USERS.id, ReferentialAction.CASCADE);
                public final Column<String> title = text("title").notNull();

                Posts() {
                    super("posts");
                    index("posts_author_idx").on(authorId);
                }
            }
            """;

    /** The outcome of one run. */
    record Run(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    final Path root;
    Map<String, String> environment = Map.of();

    TempProject(Path root) {
        this.root = root;
    }

    /** The standard two-table project. */
    static TempProject standard(Path root) {
        TempProject p = new TempProject(root);
        p.write("shale.toml", CONFIG);
        p.write("src/app/db/Schema.java", SCHEMA);
        p.write("src/app/db/Users.java", USERS);
        p.write("src/app/db/Posts.java", POSTS);
        return p;
    }

    TempProject write(String relative, String text) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete(String relative) {
        try {
            Files.delete(root.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String read(String relative) {
        try {
            return Files.readString(root.resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds lines to the Users table where the EXTRA marker is. */
    TempProject usersWith(String extraLines) {
        return write("src/app/db/Users.java", USERS.replace("// EXTRA", extraLines));
    }

    Run run(String... args) {
        return runWithInput(false, "", args);
    }

    Run runWithInput(boolean interactive, String input, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Session session = new Session(root, environment, new PrintWriter(out), new PrintWriter(err),
                new BufferedReader(new StringReader(input)), interactive);
        int code = Main.run(args, session);
        return new Run(code, out.toString(), err.toString());
    }

    /** Every file under migrations/ and snapshots/ with its bytes, to prove a failed run changed nothing. */
    Map<String, String> outputState() {
        Map<String, String> state = new TreeMap<>();
        for (String dir : new String[] {"migrations", "snapshots"}) {
            Path d = root.resolve(dir);
            if (!Files.exists(d)) {
                state.put(dir, "<absent>");
                continue;
            }
            try (Stream<Path> files = Files.walk(d)) {
                files.sorted().forEach(f -> {
                    try {
                        state.put(root.relativize(f).toString(), Files.isDirectory(f) ? "<dir>" : Files.readString(f));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return state;
    }
}
