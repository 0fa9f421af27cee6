package dev.shale.snapshot;

import dev.shale.model.SchemaModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SnapshotHistoryTest {
    @TempDir
    Path dir;

    private Snapshot write(int number, Snapshot previous, SchemaModel model) throws IOException {
        Snapshot s = Snapshot.next(previous, model);
        Files.writeString(dir.resolve(SnapshotHistory.fileName(number)), SnapshotJson.write(s));
        return s;
    }

    @Test
    void missingFolderIsAnEmptyHistory() {
        SnapshotHistory h = SnapshotHistory.load(dir.resolve("nope"));
        assertNull(h.latest());
        assertEquals(0, h.nextNumber());
    }

    @Test
    void readsTheChainInOrder() throws IOException {
        Snapshot a = write(0, null, SchemaModel.EMPTY);
        Snapshot b = write(1, a, SnapshotJsonTest.richModel());
        Files.writeString(dir.resolve("README.md"), "not a snapshot");
        SnapshotHistory h = SnapshotHistory.load(dir);
        assertEquals(b, h.latest());
        assertEquals(2, h.nextNumber());
    }

    @Test
    void aBrokenPrevIdChainNamesBothFilesAndTheFix() throws IOException {
        Snapshot a = write(0, null, SchemaModel.EMPTY);
        write(1, a, SnapshotJsonTest.richModel());
        // another branch's 0002, generated on top of a different 0001
        Snapshot other = Snapshot.next(Snapshot.next(a, SchemaModel.EMPTY), SnapshotJsonTest.richModel());
        Snapshot stray = new Snapshot(1, "postgresql", SnapshotJson.idFor("abababab-0000-0000-0000-000000000000", other.model()),
                "abababab-0000-0000-0000-000000000000", other.model());
        Files.writeString(dir.resolve("0002_snapshot.json"), SnapshotJson.write(stray));
        SnapshotException e = assertThrows(SnapshotException.class, () -> SnapshotHistory.load(dir));
        assertTrue(e.file().endsWith("0002_snapshot.json"), e.getMessage());
        assertTrue(e.getMessage().contains("0001_snapshot.json") && e.getMessage().contains("two branches"), e.getMessage());
    }

    @Test
    void aGapInNumbersIsReported() throws IOException {
        Snapshot a = write(0, null, SchemaModel.EMPTY);
        write(2, a, SnapshotJsonTest.richModel());
        SnapshotException e = assertThrows(SnapshotException.class, () -> SnapshotHistory.load(dir));
        assertTrue(e.getMessage().contains("0001_snapshot.json"), e.getMessage());
    }

    @Test
    void aHandEditedSnapshotIsCaughtByItsId() throws IOException {
        write(0, null, SnapshotJsonTest.richModel());
        Path f = dir.resolve("0000_snapshot.json");
        Files.writeString(f, Files.readString(f).replace("\"admin\"", "\"root\""));
        SnapshotException e = assertThrows(SnapshotException.class, () -> SnapshotHistory.load(dir));
        assertTrue(e.getMessage().contains("edited by hand"), e.getMessage());
    }
}
