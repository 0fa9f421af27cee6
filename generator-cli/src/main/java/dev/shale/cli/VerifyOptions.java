package dev.shale.cli;

import dev.shale.workflow.Project;
import dev.shale.workflow.Verifier;
import picocli.CommandLine.Option;

import java.io.PrintWriter;

/** {@code --verify} and {@code --verify-url}, taken by generate and check. */
final class VerifyOptions {
    @Option(names = "--verify", description = "Apply every migration (the new one included) to a scratch database and"
            + " compare the result with the schema code; fail, writing nothing, when a migration fails or the result differs."
            + " The scratch database is created on --verify-url / [verify] url, else on an embedded PostgreSQL of"
            + " [postgres] version (default: the newest, 17) that Shale starts itself.")
    boolean verify;

    @Option(names = "--verify-url", paramLabel = "JDBC_URL", description = "The server to verify on (overrides [verify] url;"
            + " implies --verify): Shale creates a throwaway database there and drops it after. Needs CREATEDB.")
    String verifyUrl;

    boolean requested() {
        return verify || verifyUrl != null;
    }

    /** The project with the verification server this command uses. */
    Project on(ShaleConfig config, Project project) {
        if (!requested()) {
            return project;
        }
        return project.withVerifyUrl(verifyUrl != null ? verifyUrl : config.verifyUrl());
    }

    static void print(PrintWriter out, Verifier.Result result) {
        if (result == null) {
            return;
        }
        NotManaged.print(out, result.notManaged(), "not compared");
        for (String warning : result.warnings()) {
            out.println("warning " + warning);
        }
        out.println(result.describe().substring(0, 1).toUpperCase(java.util.Locale.ROOT) + result.describe().substring(1) + ".");
    }

    static void json(com.fasterxml.jackson.databind.node.ObjectNode root, Verifier.Result result) {
        if (result == null) {
            return;
        }
        var v = root.putObject("verification");
        v.put("passed", result.passed());
        v.put("server", result.server());
        v.put("migrations", result.migrations());
        v.put("failedFile", result.failedFile());
        v.put("failure", result.failure());
        Json.strings(v, "differences", result.differences());
        Json.strings(v, "warnings", result.warnings());
    }
}
