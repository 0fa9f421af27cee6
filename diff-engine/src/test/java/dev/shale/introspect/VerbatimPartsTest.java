package dev.shale.introspect;

import dev.shale.model.IndexKey;
import dev.shale.model.Partitioning;
import dev.shale.model.QualifiedName;
import dev.shale.model.ReferentialAction;
import dev.shale.model.ReplicaIdentity;
import dev.shale.model.SchemaModel;
import dev.shale.model.Table;
import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.shale.testing.Models.NOT_NULL;
import static dev.shale.testing.Models.q;
import static dev.shale.testing.Models.schema;
import static dev.shale.testing.Models.table;
import static dev.shale.testing.Models.view;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the canonicalizer creates on the server and what it takes as declared: the parts set aside are
 * exactly the plain ones, the canonical form is still what a migrated database reads back, and the server
 * is sent one DDL command for each object that needs its normalising and none for the rest.
 */
class VerbatimPartsTest {
    private static SchemaModel plain() {
        return schema(
                table("owners").col("id", "bigint", NOT_NULL).col("email", "text", NOT_NULL).pk("id")
                        .uniqueIndex("owners_email_key", IndexKey.column("email"))
                        .index("owners_email_lower_idx", dev.shale.testing.Models.expr("lower(email)")),
                table("items").col("id", "bigint", NOT_NULL).col("owner_id", "bigint").col("name", "text", NOT_NULL)
                        .col("price", "numeric(12,2)", dev.shale.testing.Models.sql("0")).pk("id")
                        .fk("items_owner_id_fkey", "owner_id", "owners", "id", ReferentialAction.CASCADE)
                        .index("items_owner_id_name_idx", IndexKey.column("owner_id"), IndexKey.column("name"))
                        .check("items_price_check", "price>=0"));
    }

    private static int statements(SchemaModel model) {
        int n = 0;
        for (dev.shale.diff.DiffStep step : dev.shale.diff.Differ.plan(SchemaModel.EMPTY, model, dev.shale.diff.RenameDecisions.NONE)) {
            n += new dev.shale.render.PostgresRenderer().render(step.changes()).size();
        }
        return n;
    }

    @Test
    void setsAsideOnlyWhatPostgresStoresAsDeclared() {
        SchemaModel declared = plain();
        VerbatimParts parts = VerbatimParts.of(declared);
        assertEquals(Set.of(q("owners"), q("items")), parts.primaryKeys().keySet());
        assertEquals(List.of("owners_email_key"), parts.indexes().get(q("owners")).stream().map(i -> i.name()).toList());
        assertEquals(List.of("items_owner_id_name_idx"), parts.indexes().get(q("items")).stream().map(i -> i.name()).toList());
        assertEquals(List.of("items_owner_id_fkey"), parts.foreignKeys().get(q("items")).stream().map(k -> k.name()).toList());
        Table owners = parts.rest().table(q("owners"));
        assertNull(owners.primaryKey());
        assertEquals(List.of("owners_email_lower_idx"), owners.indexes().stream().map(i -> i.name()).toList(),
                "an expression index is normalised by the server");
        assertEquals(1, parts.rest().table(q("items")).checks().size(), "checks are normalised by the server");
        assertEquals(declared, parts.restore(declared.withTables(parts.rest().tables())));
    }

    @Test
    void keepsWhatOtherObjectsNeedOnTheServer() {
        SchemaModel declared = plain();
        Table items = declared.table(q("items"));
        Table events = table("events").col("at", "date", NOT_NULL).col("item_id", "bigint")
                .fk("events_item_id_fkey", "item_id", "items", "id", null).build()
                .withPartitioning(new Partitioning(Partitioning.Strategy.RANGE, List.of(IndexKey.column("at"))));
        SchemaModel withPartitioned = declared.withTables(List.of(declared.table(q("owners")), items, events));
        VerbatimParts parts = VerbatimParts.of(withPartitioned);
        assertNull(parts.foreignKeys().get(q("events")), "a partitioned table's key is cloned onto its partitions");
        assertNull(parts.primaryKeys().get(q("items")), "a kept key references the table, so its keys stay");
        assertNull(parts.indexes().get(q("items")));
        assertNotNull(parts.primaryKeys().get(q("owners")));

        SchemaModel replica = declared.withTable(declared.table(q("owners"))
                .withReplicaIdentity(ReplicaIdentity.usingIndex("owners_email_key")));
        assertNull(VerbatimParts.of(replica).indexes().get(q("owners")), "the replica identity's index stays");

        SchemaModel withView = declared.toBuilder().views(List.of(view("item_totals",
                "SELECT i.id, i.name, count(*) AS n FROM items i GROUP BY i.id"))).build();
        assertEquals(Map.of(), VerbatimParts.of(withView).primaryKeys(), "a query grouped by a key needs the key");
    }

    @Test
    void canonicalFormIsWhatTheMigratedDatabaseReadsAndTheServerBuildsOnlyTheRest() throws Exception {
        SchemaModel declared = plain();
        try (TestDatabase db = TestDatabase.create()) {
            RoundTrip.migrate(db, declared);
            RoundTrip.assertCanonicalEqualsIntrospected(db, declared);
            db.execute("CREATE SCHEMA audit; CREATE SEQUENCE audit.ddl;"
                    + " CREATE FUNCTION audit.count_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$"
                    + " BEGIN PERFORM nextval('audit.ddl'); END $$;"
                    + " CREATE EVENT TRIGGER count_ddl ON ddl_command_start EXECUTE FUNCTION audit.count_ddl()");
            try (Connection c = db.connect()) {
                Canonicalizer.canonical(declared, c);
            }
            // the temporary schema (created, then by the plan IF NOT EXISTS, as the plan does for every schema
            // but public) and the plan of the rest: no foreign key or plain index
            int rest = statements(VerbatimParts.of(declared).rest());
            assertTrue(rest < statements(declared), "the foreign key and the plain indexes are left out");
            assertEquals(List.of(String.valueOf(2 + rest)), db.strings("SELECT last_value FROM audit.ddl"));
        }
    }
}
