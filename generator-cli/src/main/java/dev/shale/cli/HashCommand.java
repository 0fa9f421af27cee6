package dev.shale.cli;

import dev.shale.workflow.Integrity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code shale hash}: rewrites the integrity file after a deliberate edit. */
@Command(name = "hash", sortOptions = false, mixinStandardHelpOptions = true,
        header = "Rewrite the integrity file migrations/shale.sum from the migrations and snapshots as they are.",
        exitCodeListHeading = Main.EXIT_HEADING, exitCodeList = {Main.EXIT_OK, Main.EXIT_FAILED, Main.EXIT_USAGE},
        description = {"Rewrite migrations/shale.sum, the integrity file, from the migrations and snapshots as they are now.",
                "Run it after writing SQL into a hand-written (--custom) migration that no database has applied yet,",
                "or once to adopt a project that predates the file. `shale check` fails while the file disagrees."})
final class HashCommand implements Callable<Integer> {
    private final Session session;

    @Mixin
    ConfigOptions options;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    HashCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        ConfigOptions.refuse(spec, "--url", "--schema-source", "--classpath", "--schema-package", "--schema-class");
        ShaleConfig config = options.load(session, false);
        Path file = Integrity.rehash(config.project());
        session.out().println("wrote " + config.show(file));
        return 0;
    }
}
