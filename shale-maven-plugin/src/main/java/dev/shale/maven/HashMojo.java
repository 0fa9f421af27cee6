package dev.shale.maven;

import dev.shale.workflow.Integrity;
import dev.shale.workflow.Project;
import org.apache.maven.plugins.annotations.Mojo;

import java.nio.file.Path;

/**
 * Rewrites {@code shale.sum}, the integrity file, from the migrations and snapshots as they are: after
 * writing SQL into a custom migration that no database has applied, or once to adopt a project that
 * predates the file.
 */
@Mojo(name = "hash", threadSafe = true)
public final class HashMojo extends AbstractShaleMojo {
    @Override
    String goal() {
        return "hash";
    }

    @Override
    void run() {
        Project shale = shaleProject();
        Path file = Integrity.rehash(shale);
        getLog().info("wrote " + shale.show(file));
    }
}
