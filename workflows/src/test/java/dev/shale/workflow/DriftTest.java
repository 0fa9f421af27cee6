package dev.shale.workflow;

import dev.shale.model.Check;
import dev.shale.model.Column;
import dev.shale.model.ColumnType;
import dev.shale.model.DefaultValue;
import dev.shale.model.EnumType;
import dev.shale.model.PgType;
import dev.shale.model.QualifiedName;
import dev.shale.model.SchemaModel;
import dev.shale.model.Table;
import dev.shale.snapshot.SnapshotJson;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The drift report's lines, from models (the live-database tests are in {@link LiveCommandsTest}). */
class DriftTest {
    private static final QualifiedName USERS = QualifiedName.of("public", "users");
    private static final QualifiedName APPLICATIONS = QualifiedName.of("public", "applications");

    private static SchemaModel example() throws IOException {
        Path file = Path.of("../snapshots/0001_snapshot.json");
        return SnapshotJson.read(Files.readString(file), file.toString()).model();
    }

    private static SchemaModel withTable(SchemaModel m, QualifiedName name, UnaryOperator<Table> edit) {
        List<Table> tables = new ArrayList<>();
        for (Table t : m.tables()) {
            tables.add(t.name().equals(name) ? edit.apply(t) : t);
        }
        return new SchemaModel(m.enums(), tables, m.externalTables());
    }

    private static Table columns(Table t, UnaryOperator<List<Column>> edit) {
        return new Table(t.name(), edit.apply(new ArrayList<>(t.columns())), t.primaryKey(), t.uniques(), t.checks(),
                t.foreignKeys(), t.indexes());
    }

    @Test
    void theSameModelHasNoDrift() throws IOException {
        assertEquals(List.of(), Drift.of(example(), example()));
    }

    @Test
    void eachDifferenceIsOneLineSayingWhatIsMissingExtraOrDifferent() throws IOException {
        SchemaModel expected = example();
        SchemaModel live = withTable(expected, USERS, t -> columns(t, cols -> {
            cols.add(new Column("nickname", ColumnType.Builtin.of(PgType.TEXT), false, null));
            cols.replaceAll(c -> c.name().equals("locale") ? new Column("locale", c.type(), c.notNull(), DefaultValue.string("fr")) : c);
            return cols;
        }));
        live = withTable(live, APPLICATIONS, t -> new Table(t.name(), t.columns(), t.primaryKey(), t.uniques(), t.checks(),
                t.foreignKeys(), t.indexes().stream().filter(i -> !i.name().equals("applications_created_at_idx")).toList()));
        List<String> lines = Drift.of(live, expected);
        assertEquals(List.of(
                "extra column \"public\".\"users\".\"nickname\" (text)",
                "different column \"public\".\"users\".\"locale\" (default 'fr' vs 'en'; database vs snapshot)",
                "missing index \"applications_created_at_idx\" on \"public\".\"applications\""),
                lines.stream().sorted((a, b) -> order(a) - order(b)).toList(), lines.toString());
    }

    private static int order(String line) {
        return line.startsWith("extra") ? 0 : line.startsWith("different") ? 1 : 2;
    }

    @Test
    void aDefaultAsPostgresqlStoresItShowsItsLiteral() throws IOException {
        SchemaModel expected = withTable(example(), USERS, t -> columns(t, cols -> {
            cols.replaceAll(c -> c.name().equals("locale")
                    ? new Column("locale", c.type(), c.notNull(), DefaultValue.expression("'en'::character varying")) : c);
            return cols;
        }));
        SchemaModel live = withTable(expected, USERS, t -> columns(t, cols -> {
            cols.replaceAll(c -> c.name().equals("locale")
                    ? new Column("locale", c.type(), c.notNull(), DefaultValue.expression("'it''s'::character varying(10)")) : c);
            return cols;
        }));
        assertEquals(List.of("different column \"public\".\"users\".\"locale\" (default 'it''s' vs 'en'; database vs snapshot)"),
                Drift.of(live, expected));
    }

    @Test
    void tablesEnumsAndConstraints() throws IOException {
        SchemaModel expected = example();
        List<Table> tables = new ArrayList<>(expected.tables().stream().filter(t -> !t.name().equals(QualifiedName.of("public", "invitations"))).toList());
        tables.add(Table.of(QualifiedName.of("public", "scratch"), List.of(new Column("id", ColumnType.Builtin.of(PgType.INTEGER), false, null))));
        List<EnumType> enums = new ArrayList<>();
        for (EnumType e : expected.enums()) {
            enums.add(e.name().name().equals("application_status")
                    ? new EnumType(e.name(), e.values().stream().filter(v -> !v.equals("waitlisted")).toList()) : e);
        }
        List<Table> fixed = new ArrayList<>(); // applications.invitation_id's foreign key goes with the table
        for (Table t : tables) {
            fixed.add(new Table(t.name(), t.columns(), t.primaryKey(), t.uniques(), t.checks(),
                    t.foreignKeys().stream().filter(f -> !f.referencedTable().name().equals("invitations")).toList(), t.indexes()));
        }
        SchemaModel live = new SchemaModel(enums, fixed, expected.externalTables());
        live = withTable(live, USERS, t -> new Table(t.name(), t.columns(), t.primaryKey(), t.uniques(),
                t.checks().stream().map(c -> c.name().equals("users_failed_login_count_nonneg")
                        ? new Check(c.name(), "failed_login_count >= 1") : c).toList(), t.foreignKeys(), t.indexes()));
        List<String> lines = Drift.of(live, expected);
        String all = String.join("\n", lines);
        assertTrue(lines.contains("missing table \"public\".\"invitations\""), all);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("missing foreign key ") && l.endsWith(" on \"public\".\"applications\"")), all);
        assertTrue(lines.contains("extra table \"public\".\"scratch\""), all);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("different enum \"public\".\"application_status\" (values ")
                && l.contains("'waitlisted'")), all);
        assertTrue(lines.contains("different check constraint \"users_failed_login_count_nonneg\" on \"public\".\"users\""
                + " (CHECK (failed_login_count >= 1) in the database, CHECK (failed_login_count >= 0) in the snapshot)"), all);
    }
}
