package dev.shale.maven;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A schema source edited after the last compile (or never compiled) is found, so no goal reads an old schema. */
class StaleClassesTest {
    @Test
    void findsSourcesNewerThanTheirClassesOrWithoutOne(@TempDir Path dir) throws Exception {
        Path src = Files.createDirectories(dir.resolve("src/com/x/db"));
        Path classes = Files.createDirectories(dir.resolve("classes/com/x/db"));
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        file(src.resolve("Users.java"), t);
        file(classes.resolve("Users.class"), t.plusSeconds(1));
        file(src.resolve("Orders.java"), t.plusSeconds(5));
        file(classes.resolve("Orders.class"), t);
        file(src.resolve("Items.java"), t);
        file(src.resolve("package-info.java"), t.plusSeconds(9));
        assertEquals(List.of(src.resolve("Items.java"), src.resolve("Orders.java")),
                StaleClasses.find(List.of(dir.resolve("src"), dir.resolve("generated")), dir.resolve("classes"), "com/x/db"));
    }

    private static void file(Path p, Instant time) throws Exception {
        Files.writeString(p, "x");
        Files.setLastModifiedTime(p, FileTime.from(time));
    }
}
