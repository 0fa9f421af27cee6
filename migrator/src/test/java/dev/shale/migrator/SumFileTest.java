package dev.shale.migrator;

import dev.shale.migrator.SumProblem.Kind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sum file catches every way the migrations and snapshots can drift from what was generated. */
class SumFileTest {
    @TempDir
    Path root;
    Path migrations;
    Path snapshots;

    static final String UP0 = "-- 0000_init\nCREATE TABLE \"public\".\"users\" (\n    \"id\" uuid NOT NULL,\n    \"email\" text NOT NULL\n);\n";
    static final String DOWN0 = "-- 0000_init (down)\nDROP TABLE \"public\".\"users\";\n";
    static final String UP1 = "-- 0001_add_name\nALTER TABLE \"public\".\"users\" ADD COLUMN \"name\" text;\n";
    static final String DOWN1 = "-- 0001_add_name (down)\nALTER TABLE \"public\".\"users\" DROP COLUMN \"name\";\n";

    static String snapshot(String id, String prev, String columns) {
        return "{\n  \"id\" : \"" + id + "\",\n  \"prevId\" : \"" + prev + "\",\n  \"columns\" : [" + columns + "]\n}\n";
    }

    @BeforeEach
    void project() throws IOException {
        migrations = Files.createDirectories(root.resolve("migrations"));
        snapshots = Files.createDirectories(root.resolve("snapshots"));
        write(migrations, "0000_init.sql", UP0);
        write(migrations, "0000_init.down.sql", DOWN0);
        write(snapshots, "0000_snapshot.json", snapshot("a1", "00", "\"id\", \"email\""));
        write(migrations, "0001_add_name.sql", UP1);
        write(migrations, "0001_add_name.down.sql", DOWN1);
        write(snapshots, "0001_snapshot.json", snapshot("b2", "a1", "\"id\", \"email\", \"name\""));
        write(migrations, "README.md", "not a migration");
        writeSum();
    }

    private void writeSum() throws IOException {
        write(migrations, SumFile.FILE_NAME, SumFile.compute(migrations, snapshots).text());
    }

    private static void write(Path dir, String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private List<SumProblem> problems() {
        return SumFile.read(migrations.resolve(SumFile.FILE_NAME)).orElseThrow().verify(migrations, snapshots);
    }

    private List<String> kinds() {
        return problems().stream().map(p -> p.kind() + " " + p.file()).toList();
    }

    @Test
    void theFormatIsSortedChainedAndTotalled() throws IOException {
        String text = Files.readString(migrations.resolve(SumFile.FILE_NAME));
        List<String> lines = text.lines().toList();
        assertTrue(lines.get(0).matches("shale-sum 1 [0-9a-f]{64}"), lines.get(0));
        assertEquals(List.of("0000_init.sql", "0000_init.down.sql", "0000_snapshot.json",
                "0001_add_name.sql", "0001_add_name.down.sql", "0001_snapshot.json"),
                lines.stream().skip(1).map(l -> l.substring(0, l.indexOf(' '))).toList());
        assertTrue(lines.stream().skip(1).allMatch(l -> l.matches("\\S+ [0-9a-f]{64} [0-9a-f]{64}")), text);
        assertTrue(text.endsWith("\n") && !text.endsWith("\n\n") && !text.contains("\r"));
        assertEquals(Checksums.sha256(text.substring(text.indexOf('\n') + 1)), lines.get(0).substring("shale-sum 1 ".length()));
        assertEquals(text, SumFile.compute(migrations, snapshots).text(), "the same files give the same bytes");
        assertEquals(text, SumFile.parse(text, null).text());
        assertEquals(List.of(), problems());
    }

    @Test
    void anUpFileHashIsTheChecksumTheHistoryTableRecords() {
        SumFile sum = SumFile.compute(migrations, snapshots);
        for (Migration m : MigrationFiles.fromDirectory(migrations)) {
            String name = String.format("%04d_%s.sql", m.version(), m.name());
            assertEquals(m.checksum(), sum.entries().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow().hash());
        }
    }

    @Test
    void aMigrationEditedByHand() throws IOException {
        write(migrations, "0000_init.sql", UP0.replace("    \"email\" text NOT NULL\n", "").replace("NOT NULL,", "NOT NULL"));
        assertEquals(List.of("EDITED 0000_init.sql"), kinds());
        assertTrue(problems().get(0).message().contains("migration 0000_init.sql was changed after shale.sum recorded it"),
                problems().get(0).message());
    }

    @Test
    void aDownFileEditedByHand() throws IOException {
        write(migrations, "0001_add_name.down.sql", DOWN1 + "DROP TABLE \"public\".\"users\";\n");
        assertEquals(List.of("EDITED 0001_add_name.down.sql"), kinds());
    }

    @Test
    void aMigrationRemoved() throws IOException {
        Files.delete(migrations.resolve("0001_add_name.sql"));
        assertEquals(List.of("REMOVED 0001_add_name.sql", "UNPAIRED 0001_snapshot.json"), kinds());
    }

    @Test
    void aMigrationAddedWithoutItsSumLine() throws IOException {
        write(migrations, "0002_add_age.sql", "ALTER TABLE \"public\".\"users\" ADD COLUMN \"age\" integer;\n");
        write(snapshots, "0002_snapshot.json", snapshot("c3", "b2", "\"id\", \"email\", \"name\", \"age\""));
        assertEquals(List.of("ADDED 0002_add_age.sql", "ADDED 0002_snapshot.json"), kinds());
    }

    @Test
    void rebuildingAfterALegitimateNewMigrationVerifiesClean() throws IOException {
        String up = "ALTER TABLE \"public\".\"users\" ADD COLUMN \"age\" integer;\n";
        String json = snapshot("c3", "b2", "\"id\", \"email\", \"name\", \"age\"");
        SumFile before = SumFile.read(migrations.resolve(SumFile.FILE_NAME)).orElseThrow();
        SumFile planned = before.with("0002_add_age.sql", up).with("0002_snapshot.json", json);
        write(migrations, "0002_add_age.sql", up);
        write(snapshots, "0002_snapshot.json", json);
        assertEquals(SumFile.compute(migrations, snapshots).text(), planned.text(), "the sum of files about to be written");
        write(migrations, SumFile.FILE_NAME, planned.text());
        assertEquals(List.of(), problems());
        List<String> old = before.text().lines().skip(1).toList();
        assertEquals(old, planned.text().lines().skip(1).limit(old.size()).toList(), "earlier lines stay as they were");
        assertEquals(before.text(), planned.without("0002_add_age.sql").without("0002_snapshot.json").text());
    }

    @Test
    void aSnapshotEditedByHandFailsEvenWithItsIdRecomputed() throws IOException {
        // the edit changes the content and the id, as someone would after reading the id mismatch message
        write(snapshots, "0001_snapshot.json", snapshot("b2-recomputed", "a1", "\"id\", \"email\", \"nickname\""));
        assertEquals(List.of("SNAPSHOT_CHANGED 0001_snapshot.json"), kinds());
        assertTrue(problems().get(0).message().contains("no longer describes what the migrations build"));
    }

    @Test
    void aMigrationWithoutItsSnapshot() throws IOException {
        Files.delete(snapshots.resolve("0001_snapshot.json"));
        assertEquals(List.of("REMOVED 0001_snapshot.json", "UNPAIRED 0001_add_name.sql"), kinds());
    }

    @Test
    void twoBranchesMergedLineByLine() throws IOException {
        String base = SumFile.compute(migrations, snapshots).text();
        String a = SumFile.parse(base, null).with("0002_add_age.sql", "A").with("0002_snapshot.json", "{\"a\":1}\n").text();
        String b = SumFile.parse(base, null).with("0002_add_city.sql", "B").with("0002_snapshot.json", "{\"b\":1}\n").text();
        // a merge that keeps both branches' new lines under A's first line
        String merged = a + b.lines().filter(l -> l.startsWith("0002_add_city")).findFirst().orElseThrow() + "\n";
        write(migrations, "0002_add_age.sql", "A");
        write(migrations, "0002_add_city.sql", "B");
        write(snapshots, "0002_snapshot.json", "{\"b\":1}\n");
        write(migrations, SumFile.FILE_NAME, merged);
        assertEquals(List.of("SUM_CHANGED shale.sum", "CHAIN_BROKEN 0002_add_city.sql", "SNAPSHOT_CHANGED 0002_snapshot.json",
                "NUMBER_TAKEN 0002_add_city.sql"), kinds());
        // the same, with the first line recomputed to hide the edit: the chain still tells
        String body = merged.substring(merged.indexOf('\n') + 1);
        write(migrations, SumFile.FILE_NAME, "shale-sum 1 " + Checksums.sha256(body) + "\n" + body);
        assertEquals(List.of("CHAIN_BROKEN 0002_add_city.sql", "SNAPSHOT_CHANGED 0002_snapshot.json",
                "NUMBER_TAKEN 0002_add_city.sql"), kinds());
    }

    @Test
    void aSumFileWithConflictMarkers() throws IOException {
        String sum = Files.readString(migrations.resolve(SumFile.FILE_NAME));
        String first = sum.lines().findFirst().orElseThrow();
        write(migrations, SumFile.FILE_NAME, "<<<<<<< HEAD\n" + first + "\n=======\nshale-sum 1 " + "0".repeat(64) + "\n>>>>>>> b\n"
                + sum.substring(sum.indexOf('\n') + 1));
        List<SumProblem> problems = problems();
        assertEquals(Kind.MALFORMED, problems.get(0).kind());
        assertTrue(problems.get(0).message().contains("merge conflict marker"), problems.get(0).message());
        assertTrue(problems.stream().allMatch(p -> p.kind() == Kind.MALFORMED), problems.toString());
        assertEquals(5, problems.size(), problems.toString());
    }

    @Test
    void aSumFileEditedByHand() throws IOException {
        String sum = Files.readString(migrations.resolve(SumFile.FILE_NAME));
        String hash = Checksums.sha256(UP1);
        write(migrations, SumFile.FILE_NAME, sum.replace(hash, Checksums.sha256(UP1 + "x")));
        assertEquals(List.of("SUM_CHANGED shale.sum", "CHAIN_BROKEN 0001_add_name.sql", "EDITED 0001_add_name.sql"), kinds());
        write(migrations, SumFile.FILE_NAME, sum + "0002_x.sql abc\n");
        assertEquals(List.of("MALFORMED shale.sum", "SUM_CHANGED shale.sum"), kinds());
        write(migrations, SumFile.FILE_NAME, "");
        assertEquals("MALFORMED shale.sum", kinds().get(0));
    }

    @Test
    void lineEndingsOfTheCheckoutDoNotMatter() throws IOException {
        try (Stream<Path> files = Stream.concat(Files.list(migrations), Files.list(snapshots))) {
            for (Path p : files.toList()) {
                Files.writeString(p, Files.readString(p).replace("\n", "\r\n"));
            }
        }
        assertEquals(List.of(), problems());
    }

    @Test
    void numbersSortAsNumbersAndUnlistedFilesAreIgnored() throws IOException {
        write(migrations, "10000_later.sql", "SELECT 1;\n");
        write(snapshots, "10000_snapshot.json", "{}\n");
        write(migrations, "9999_earlier.sql", "SELECT 1;\n");
        write(snapshots, "9999_snapshot.json", "{}\n");
        write(snapshots, "notes.json", "{}\n");
        List<String> names = SumFile.compute(migrations, snapshots).entries().stream().map(SumFile.Entry::name).toList();
        assertEquals(List.of("9999_earlier.sql", "9999_snapshot.json", "10000_later.sql", "10000_snapshot.json"), names.subList(6, 10));
        assertFalse(names.contains("README.md") || names.contains("notes.json") || names.contains(SumFile.FILE_NAME));
    }

    @Test
    void aMissingSumFileAndMissingFolders() {
        assertTrue(SumFile.read(root.resolve("nowhere").resolve(SumFile.FILE_NAME)).isEmpty());
        assertEquals(List.of(), SumFile.compute(root.resolve("none"), root.resolve("neither")).entries());
        assertThrows(IllegalArgumentException.class, () -> SumFile.compute(migrations, snapshots).with("notes.txt", "x"));
    }
}
