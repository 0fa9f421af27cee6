package dev.shale.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code <online>} and {@code <onlineLockTimeout>} of shale:generate: read before anything is written, named when wrong. */
class GenerateMojoOnlineTest {
    @TempDir
    Path dir;

    private GenerateMojo mojo() {
        GenerateMojo mojo = new GenerateMojo();
        MavenProject project = new MavenProject();
        project.setFile(dir.resolve("pom.xml").toFile());
        mojo.project = project;
        mojo.migrationsDirectory = dir.resolve("migrations").toFile();
        mojo.snapshotsDirectory = dir.resolve("snapshots").toFile();
        mojo.historySchema = "public";
        mojo.historyTable = "shale_migrations";
        mojo.custom = true; // no schema code needed: the settings are read first either way
        mojo.setLog(new RecordingLog());
        return mojo;
    }

    @Test
    void aLockTimeoutThatIsNoDurationOrZeroIsNamedAndNothingIsWritten() {
        GenerateMojo soon = mojo();
        soon.online = true;
        soon.onlineLockTimeout = "soon";
        String message = assertThrows(MojoFailureException.class, soon::execute).getMessage();
        assertTrue(message.startsWith("<onlineLockTimeout> (-Dshale.onlineLockTimeout): "), message);
        GenerateMojo zero = mojo();
        zero.online = true;
        zero.onlineLockTimeout = "0s";
        message = assertThrows(MojoFailureException.class, zero::execute).getMessage();
        assertTrue(message.contains("more than zero"), message);
        assertEquals(false, Files.exists(dir.resolve("migrations")));
    }

    @Test
    void aValidOneIsAccepted() throws Exception {
        GenerateMojo ok = mojo();
        ok.online = true;
        ok.onlineLockTimeout = "1500ms";
        ok.execute();
        assertTrue(Files.exists(dir.resolve("migrations/0000_custom.sql")));
    }
}
