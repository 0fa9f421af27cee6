package dev.shale.dsl;

import dev.shale.model.Check;
import dev.shale.model.ForeignKey;
import dev.shale.model.PrimaryKey;
import dev.shale.model.QualifiedName;
import dev.shale.model.Unique;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static dev.shale.model.ReferentialAction.CASCADE;
import static dev.shale.model.ReferentialAction.NO_ACTION;
import static dev.shale.model.ReferentialAction.RESTRICT;
import static dev.shale.model.ReferentialAction.SET_DEFAULT;
import static dev.shale.model.ReferentialAction.SET_NULL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Primary keys, unique and check constraints, and single and composite foreign keys with their actions. */
class ConstraintsTest {

    static final class Orgs extends Table {
        final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
        final Column<String> slug = varchar("slug", 64).notNull().unique();

        Orgs() {
            super("orgs");
        }
    }

    static final class Members extends Table {
        final Column<UUID> orgId = uuid("org_id").references(() -> Holder.ORGS.id, CASCADE);
        final Column<Integer> number = integer("number");
        final Column<String> email = text("email").notNull();

        Members() {
            super("members");
            primaryKey("members_pk", orgId, number);
            unique("members_org_email_key", orgId, email);
            check("members_number_positive", "number > 0");
            check("members_email_shape", "position('@' in email) > 1");
        }
    }

    static final class Assignments extends Table {
        final Column<Long> id = bigserial("id").primaryKey();
        final Column<UUID> orgId = uuid("org_id").notNull();
        final Column<Integer> memberNumber = integer("member_number");
        final Column<String> orgSlug = varchar("org_slug", 64).references(() -> Holder.ORGS.slug, RESTRICT, CASCADE);
        final Column<UUID> reviewerOrg = uuid("reviewer_org").references(() -> Holder.ORGS.id, SET_NULL);
        final Column<UUID> fallbackOrg = uuid("fallback_org").references(() -> Holder.ORGS.id, SET_DEFAULT, NO_ACTION);
        final Column<UUID> plainOrg = uuid("plain_org").references(() -> Holder.ORGS.id);

        Assignments() {
            super("assignments");
            foreignKey("assignments_member_fkey", orgId, memberNumber)
                    .references(() -> Holder.MEMBERS.orgId, () -> Holder.MEMBERS.number)
                    .onDelete(CASCADE).onUpdate(RESTRICT);
        }
    }

    /** The schema holder the foreign keys refer through, as a user's {@code Schema} class would be. */
    static final class Holder {
        static final Orgs ORGS = new Orgs();
        static final Members MEMBERS = new Members();
        static final Assignments ASSIGNMENTS = new Assignments();
    }

    private static final dev.shale.model.SchemaModel MODEL = SchemaBuilder.fromClasses(List.of(Holder.class)).model();

    @Test
    void singleColumnPrimaryKeyIsNamedLikePostgresAndForcesNotNull() {
        var orgs = Dsl.table(MODEL, "orgs");
        assertEquals(new PrimaryKey("orgs_pkey", List.of("id")), orgs.primaryKey());
        assertTrue(orgs.column("id").notNull());
        assertEquals(List.of(new Unique("orgs_slug_key", List.of("slug"))), orgs.uniques());
    }

    @Test
    void compositePrimaryKeyWithAChosenNameMakesItsColumnsNotNull() {
        var members = Dsl.table(MODEL, "members");
        assertEquals(new PrimaryKey("members_pk", List.of("org_id", "number")), members.primaryKey());
        assertTrue(members.column("org_id").notNull());
        assertTrue(members.column("number").notNull());
    }

    @Test
    void uniqueAndCheckConstraintsAreSortedByName() {
        var members = Dsl.table(MODEL, "members");
        assertEquals(List.of(new Unique("members_org_email_key", List.of("org_id", "email"))), members.uniques());
        assertEquals(List.of(new Check("members_email_shape", "position('@' in email) > 1"),
                new Check("members_number_positive", "number > 0")), members.checks());
    }

    @Test
    void singleColumnForeignKeysCarryTheirActions() {
        QualifiedName orgs = QualifiedName.of("orgs");
        assertEquals(List.of(new ForeignKey("members_org_id_fkey", List.of("org_id"), orgs, List.of("id"), CASCADE, NO_ACTION)),
                Dsl.table(MODEL, "members").foreignKeys());
        List<ForeignKey> fks = Dsl.table(MODEL, "assignments").foreignKeys();
        assertEquals(List.of(
                new ForeignKey("assignments_fallback_org_fkey", List.of("fallback_org"), orgs, List.of("id"), SET_DEFAULT, NO_ACTION),
                new ForeignKey("assignments_member_fkey", List.of("org_id", "member_number"), QualifiedName.of("members"),
                        List.of("org_id", "number"), CASCADE, RESTRICT),
                new ForeignKey("assignments_org_slug_fkey", List.of("org_slug"), orgs, List.of("slug"), RESTRICT, CASCADE),
                new ForeignKey("assignments_plain_org_fkey", List.of("plain_org"), orgs, List.of("id"), NO_ACTION, NO_ACTION),
                new ForeignKey("assignments_reviewer_org_fkey", List.of("reviewer_org"), orgs, List.of("id"), SET_NULL, NO_ACTION)),
                fks);
    }

    @Test
    void aSelfReferenceWorks() {
        final class Nodes extends Table {
            final Column<Integer> id = serial("id").primaryKey();
            final Column<Integer> parentId = integer("parent_id").references(() -> this.id, CASCADE);

            Nodes() {
                super("nodes");
            }
        }
        var nodes = Dsl.table(Dsl.model(new Nodes()), "nodes");
        assertEquals(List.of(new ForeignKey("nodes_parent_id_fkey", List.of("parent_id"), QualifiedName.of("nodes"),
                List.of("id"), CASCADE, NO_ACTION)), nodes.foreignKeys());
    }

    @Test
    void fromClassesReadsEveryTableOnce() {
        assertEquals(List.of("assignments", "members", "orgs"), MODEL.tables().stream().map(t -> t.name().name()).toList());
    }
}
