package dev.shale.cli.pull;

import dev.shale.model.Check;
import dev.shale.model.ColumnType;
import dev.shale.model.DefaultValue;
import dev.shale.model.EnumType;
import dev.shale.model.ForeignKey;
import dev.shale.model.Index;
import dev.shale.model.IndexKey;
import dev.shale.model.IndexMethod;
import dev.shale.model.NullsOrder;
import dev.shale.model.PgType;
import dev.shale.model.PrimaryKey;
import dev.shale.model.QualifiedName;
import dev.shale.model.ReferentialAction;
import dev.shale.model.SchemaModel;
import dev.shale.model.Table;
import dev.shale.model.Unique;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.shale.cli.pull.JavaSchemaWriterTest.col;
import static dev.shale.cli.pull.JavaSchemaWriterTest.t;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The text of one pulled table, for readability: it should look like the bundled example's hand-written code. */
class GoldenTableTest {
    @Test
    void membershipsTable() {
        Table users = new Table(QualifiedName.of("users"), List.of(col("id", t(PgType.UUID), true, null)),
                new PrimaryKey("users_pkey", List.of("id")), List.of(), List.of(), List.of(), List.of());
        Table memberships = new Table(QualifiedName.of("team_memberships"), List.of(
                col("team_id", t(PgType.BIGINT), true, null),
                col("user_id", t(PgType.UUID), true, null),
                col("role", new ColumnType.EnumRef(QualifiedName.of("member_role")), true, DefaultValue.string("member")),
                col("invited_by", t(PgType.UUID), false, null),
                col("tags", new ColumnType.ArrayOf(t(PgType.TEXT)), true, DefaultValue.string("{}")),
                col("seats", t(PgType.INTEGER), true, DefaultValue.number("1")),
                col("created_at", t(PgType.TIMESTAMPTZ), true, DefaultValue.expression("now()"))),
                new PrimaryKey("team_memberships_pkey", List.of("team_id", "user_id")),
                List.of(new Unique("team_memberships_invite_key", List.of("team_id", "invited_by"))),
                List.of(new Check("team_memberships_seats_positive", "seats > 0")),
                List.of(new ForeignKey("team_memberships_user_id_fkey", List.of("user_id"), QualifiedName.of("users"),
                                List.of("id"), ReferentialAction.CASCADE, ReferentialAction.NO_ACTION),
                        new ForeignKey("memberships_inviter_fk", List.of("invited_by"), QualifiedName.of("users"),
                                List.of("id"), ReferentialAction.SET_NULL, ReferentialAction.NO_ACTION)),
                List.of(new Index("team_memberships_role_idx", false, IndexMethod.BTREE, List.of(IndexKey.column("role"),
                                new IndexKey("created_at", null, true, NullsOrder.LAST)), "invited_by is not null"),
                        new Index("team_memberships_tags_idx", false, IndexMethod.GIN, List.of(IndexKey.column("tags")), null)));
        SchemaModel model = new SchemaModel(List.of(new EnumType(QualifiedName.of("member_role"), List.of("owner", "member"))),
                List.of(users, memberships), List.of());

        String source = JavaSchemaWriter.write(model, "com.example.db").get("com/example/db/TeamMemberships.java");

        assertEquals("""
                package com.example.db;

                import static dev.shale.model.IndexMethod.GIN;
                import static dev.shale.model.ReferentialAction.CASCADE;
                import static dev.shale.model.ReferentialAction.SET_NULL;

                import dev.shale.dsl.Column;
                import dev.shale.dsl.Table;
                import java.time.OffsetDateTime;
                import java.util.List;
                import java.util.UUID;

                /**
                 * Table "public"."team_memberships", pulled from the database.
                 */
                public final class TeamMemberships extends Table {
                    public final Column<Long> teamId = bigint("team_id").notNull();

                    public final Column<UUID> userId = uuid("user_id").notNull().references(() -> Schema.USERS.id, CASCADE);

                    public final Column<String> role = column("role", Enums.MEMBER_ROLE).notNull().defaultValue("member");

                    public final Column<UUID> invitedBy = uuid("invited_by");

                    public final Column<List<String>> tags = text("tags").array().notNull().defaultValue(List.of());

                    public final Column<Integer> seats = integer("seats").notNull().defaultValue(1);

                    public final Column<OffsetDateTime> createdAt = timestamptz("created_at").notNull().defaultNow();

                    TeamMemberships() {
                        super("team_memberships");
                        primaryKey(teamId, userId);
                        unique("team_memberships_invite_key", teamId, invitedBy);
                        check("team_memberships_seats_positive", "seats > 0");
                        foreignKey("memberships_inviter_fk", invitedBy).references(() -> Schema.USERS.id).onDelete(SET_NULL);
                        index("team_memberships_role_idx").on(role, createdAt.desc().nullsLast()).where("invited_by is not null");
                        index("team_memberships_tags_idx").on(tags).using(GIN);
                    }
                }
                """, source);
    }
}
