package dev.shale.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {
    @TempDir
    Path dir;

    @Test
    void helpListsTheCommands() {
        TempProject.Run run = new TempProject(dir).run("--help");
        assertEquals(0, run.code());
        assertTrue(run.out().contains("generate"), run.out());
        assertTrue(run.out().contains("check"), run.out());
    }

    @Test
    void generateHelpShowsItsFlags() {
        TempProject.Run run = new TempProject(dir).run("generate", "--help");
        assertEquals(0, run.code());
        for (String flag : new String[] {"--name", "--custom", "--rename", "--dropped", "--config", "--schema-source",
                "--schema-package", "--schema-class", "--classpath", "--migrations-dir", "--snapshots-dir", "--url"}) {
            assertTrue(run.out().contains(flag), flag + " in\n" + run.out());
        }
    }

    @Test
    void versionNamesShale() {
        TempProject.Run run = new TempProject(dir).run("--version");
        assertEquals(0, run.code());
        assertTrue(run.out().startsWith("shale 0."), run.out());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, new TempProject(dir).run("generate", "--no-such-flag").code());
        assertEquals(2, new TempProject(dir).run("frobnicate").code());
        assertEquals(2, new TempProject(dir).run().code());
    }

    @Test
    void badRenameFlagIsExplained() {
        TempProject p = TempProject.standard(dir);
        TempProject.Run run = p.run("generate", "--rename", "users");
        assertEquals(1, run.code());
        assertTrue(run.err().contains("--rename schema.table=new_name"), run.err());
        assertEquals("<absent>", p.outputState().get("migrations"));
    }
}
