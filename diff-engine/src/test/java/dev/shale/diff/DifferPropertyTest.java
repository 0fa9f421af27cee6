package dev.shale.diff;

import dev.shale.model.DefaultValue;
import dev.shale.model.Index;
import dev.shale.model.IndexKey;
import dev.shale.model.IndexMethod;
import dev.shale.model.ReferentialAction;
import dev.shale.model.SchemaModel;
import dev.shale.testing.Models;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.shale.testing.Models.col;
import static dev.shale.testing.Models.enumOf;
import static dev.shale.testing.Models.external;
import static dev.shale.testing.Models.fk;
import static dev.shale.testing.Models.index;
import static dev.shale.testing.Models.notNull;
import static dev.shale.testing.Models.schema;
import static dev.shale.testing.Models.table;
import static dev.shale.testing.Models.uniqueIndex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Properties over every ordered pair of a set of varied schemas: diff(s, s) is empty, plan(A, B) is
 * non-empty exactly when A differs from B, and applying plan(A, B) to A (validating the model after
 * every change) arrives at B. Rename questions are answered "dropped" so every pair has a plan.
 */
class DifferPropertyTest {

    static final Models.TableSpec USERS = table("users", notNull("id", "uuid"), col("email", "varchar(255)"),
            col("role", "enum:public.role", true, DefaultValue.string("member"))).pk("id");
    static final Models.TableSpec ORGS = table("orgs", notNull("id", "uuid"), col("owner_id", "uuid")).pk("id");

    static List<SchemaModel> samples() {
        return List.of(
                SchemaModel.EMPTY,
                schema(enumOf("role", "member", "admin"), USERS),
                schema(enumOf("role", "member", "admin"), USERS.unique("users_email_key", "email")
                        .index(index("users_role_idx", "role"))),
                schema(enumOf("role", "member", "admin"), USERS.check("users_email_check", "email like '%@%'"),
                        ORGS.fk(fk("orgs_owner_fkey", "owner_id", "users", "id", ReferentialAction.SET_NULL))),
                schema(enumOf("role", "member", "admin"),
                        table("users", notNull("id", "uuid"), col("email", "text", true, null),
                                col("role", "enum:public.role", true, DefaultValue.string("admin")), col("age", "integer")).pk("id")
                                .fk(fk("users_org_fkey", "id", "orgs", "id", null)),
                        ORGS.fk(fk("orgs_owner_fkey", "owner_id", "users", "id", ReferentialAction.CASCADE))),
                schema(enumOf("app.kind", "a", "b"),
                        table("app.things", notNull("id", "bigint"), col("kind", "enum:app.kind")).pk("id")
                                .index(new Index("app_things_kind_idx", false, IndexMethod.HASH, List.of(IndexKey.column("kind")), null)),
                        ORGS.unique("orgs_owner_key", "owner_id")),
                schema(ORGS.unique("orgs_owner_key", "owner_id"),
                        table("members", col("org_owner", "uuid"), col("note", "text"))
                                .fk(fk("members_owner_fkey", "org_owner", "orgs", "owner_id", null))
                                .index(uniqueIndex("members_note_idx", "note"))),
                schema(ORGS, table("members", col("org_owner", "uuid"), col("note", "varchar(20)"))
                        .index(new Index("members_note_idx", false, IndexMethod.BTREE,
                                List.of(IndexKey.expression("lower(note)")), "note is not null")),
                        external("auth.users", col("id", "uuid"))));
    }

    static List<DiffStep> planDeclining(SchemaModel from, SchemaModel to) {
        RenameDecisions decisions = RenameDecisions.NONE;
        for (List<RenameQuestion> open = Differ.questions(from, to, decisions); !open.isEmpty();
             open = Differ.questions(from, to, decisions)) {
            decisions = decisions.withDropped(open.get(0));
        }
        return Differ.plan(from, to, decisions);
    }

    @Test
    void diffOfASchemaWithItselfIsEmpty() {
        for (SchemaModel s : samples()) {
            assertEquals(List.of(), Differ.plan(s, s, RenameDecisions.NONE));
            assertEquals(List.of(), Differ.questions(s, s, RenameDecisions.NONE));
        }
    }

    @Test
    void everyPlanIsNonEmptyExactlyWhenSchemasDifferAndArrivesThere() {
        int pairs = 0;
        for (SchemaModel a : samples()) {
            for (SchemaModel b : samples()) {
                List<DiffStep> steps = planDeclining(a, b);
                String pair = "pair " + samples().indexOf(a) + " -> " + samples().indexOf(b);
                boolean externalsOnly = a.tables().equals(b.tables()) && a.enums().equals(b.enums());
                assertEquals(!externalsOnly, !steps.isEmpty(), pair);
                if (!steps.isEmpty()) {
                    ModelApplier.assertSameSchema(b, ModelApplier.applySteps(a, steps));
                    assertTrue(steps.stream().allMatch(s -> !s.changes().isEmpty()), pair);
                }
                pairs++;
            }
        }
        assertEquals(64, pairs);
    }

    @Test
    void planningTwiceGivesTheSamePlan() {
        for (SchemaModel a : samples()) {
            for (SchemaModel b : samples()) {
                assertEquals(planDeclining(a, b), planDeclining(a, b));
            }
        }
    }
}
