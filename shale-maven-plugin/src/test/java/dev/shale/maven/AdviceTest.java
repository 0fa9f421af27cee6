package dev.shale.maven;

import dev.shale.workflow.WorkflowException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every library failure reason gets the plugin's advice, in the plugin's terms. */
class AdviceTest {
    @Test
    void noReasonsAdviceNamesACommandLineFlagOrTheShaleCommand() {
        for (WorkflowException.Reason reason : WorkflowException.Reason.values()) {
            String message = Advice.message(new WorkflowException(reason, "public.users.name=full_name", "what is wrong"), "generate");
            assertTrue(message.startsWith("what is wrong"), reason + ": " + message);
            assertFalse(message.contains("--"), reason + ": " + message);
            assertFalse(message.contains("`shale "), reason + ": " + message);
            assertFalse(message.contains("shale.toml"), reason + ": " + message);
        }
    }

    @Test
    void aMissingUrlAndAMissingSchemaNameTheirParameters() {
        String url = Advice.message(new WorkflowException(WorkflowException.Reason.NOT_CONFIGURED, "database URL",
                "no database URL is configured"), "push");
        assertTrue(url.startsWith("no database URL is configured. Set <url> in the shale-maven-plugin configuration,"
                + " pass -Dshale.url="), url);
        String schema = Advice.message(new WorkflowException(WorkflowException.Reason.NOT_CONFIGURED, "schema", "no schema."), "check");
        assertTrue(schema.startsWith("no schema. Set <schemaPackage>"), schema);
    }

    @Test
    void anIntegrityFailureNamesTheHashGoal() {
        assertEquals("migrations/shale.sum does not match. mvn shale:hash rewrites migrations/shale.sum from the files as they are;"
                + " commit it with them.", Advice.message(new WorkflowException(WorkflowException.Reason.INTEGRITY,
                "migrations/shale.sum", "migrations/shale.sum does not match"), "check"));
    }
}
