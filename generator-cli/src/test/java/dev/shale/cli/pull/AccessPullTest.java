package dev.shale.cli.pull;

import dev.shale.model.Column;
import dev.shale.model.ColumnType;
import dev.shale.model.Grant;
import dev.shale.model.PgType;
import dev.shale.model.Policy;
import dev.shale.model.PrimaryKey;
import dev.shale.model.QualifiedName;
import dev.shale.model.Role;
import dev.shale.model.RowSecurity;
import dev.shale.model.SchemaModel;
import dev.shale.model.Sequence;
import dev.shale.model.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pulled row-level security, policies, grants of every kind and roles compile and load back as the model. */
class AccessPullTest {
    private static final String PKG = "com.example.pulled";

    @TempDir
    Path dir;

    @Test
    void rowSecurityPoliciesGrantsAndRolesRoundTripThroughCode() throws Exception {
        QualifiedName notes = QualifiedName.of("app", "notes");
        QualifiedName counter = QualifiedName.of("app", "counter");
        Table table = Table.builder(notes)
                .columns(List.of(new Column("id", ColumnType.Builtin.of(PgType.INTEGER), true, null),
                        new Column("owner", ColumnType.Builtin.of(PgType.TEXT), false, null)))
                .primaryKey(new PrimaryKey("notes_pkey", List.of("id")))
                .rowSecurity(new RowSecurity(true, true)).build();
        SchemaModel model = SchemaModel.builder().tables(List.of(table)).sequences(List.of(Sequence.of(counter)))
                .roles(List.of(Role.external("authenticated"), Role.external("service role")))
                .policies(List.of(
                        new Policy(notes, "Owners see their notes", Policy.Command.SELECT, true, List.of("authenticated"),
                                "(owner = CURRENT_USER)", null, "it's theirs"),
                        new Policy(notes, "writes", Policy.Command.UPDATE, false, List.of("authenticated", "service role"),
                                "true", "(owner IS NOT NULL)", null),
                        new Policy(notes, "inserts", Policy.Command.INSERT, true, List.of(), null, "true", null)))
                .grants(List.of(Grant.table(notes, Grant.Privilege.SELECT, "authenticated"),
                        Grant.table(notes, Grant.Privilege.INSERT, "authenticated"),
                        Grant.table(notes, Grant.Privilege.DELETE, "service role").withGrantable(true),
                        Grant.table(notes, Grant.Privilege.TRUNCATE, Policy.PUBLIC),
                        Grant.column(notes, "owner", Grant.Privilege.UPDATE, "authenticated"),
                        Grant.sequence(counter, Grant.Privilege.USAGE, "authenticated"),
                        Grant.schema("app", Grant.Privilege.USAGE, "authenticated"),
                        Grant.function(QualifiedName.of("auth", "uid"), "", Grant.Privilege.EXECUTE, "authenticated")))
                .build();
        Map<String, String> sources = JavaSchemaWriter.write(model, PKG);
        assertEquals(model, PulledCode.load(sources, PKG, dir));
        String notesCode = sources.get("com/example/pulled/AppNotes.java");
        assertTrue(notesCode.contains("enableRowLevelSecurity();"), notesCode);
        assertTrue(notesCode.contains("policy(\"writes\").forUpdate().restrictive().to(Roles.AUTHENTICATED, Roles.SERVICE_ROLE)"), notesCode);
        assertTrue(notesCode.contains("grant(SELECT, INSERT).to(Roles.AUTHENTICATED);"), notesCode);
        assertTrue(notesCode.contains("grant(UPDATE).onColumns(owner).to(Roles.AUTHENTICATED);"), notesCode);
        assertTrue(sources.get("com/example/pulled/Roles.java").contains("PgRole.external(\"service role\")"));
        assertTrue(sources.get("com/example/pulled/Schema.java").contains("GrantBuilder.onFunction(\"auth\", \"uid\", \"\")"),
                sources.get("com/example/pulled/Schema.java"));
    }
}
