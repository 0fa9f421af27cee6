package dev.shale.render;

import dev.shale.change.AddColumn;
import dev.shale.change.AddConstraint;
import dev.shale.change.AddEnumValue;
import dev.shale.change.AlterCompositeType;
import dev.shale.change.AlterDomain;
import dev.shale.change.AlterColumn;
import dev.shale.change.AttachPartition;
import dev.shale.change.DetachPartition;
import dev.shale.change.Change;
import dev.shale.change.ColumnAspect;
import dev.shale.change.CreateCompositeType;
import dev.shale.change.CreateDomain;
import dev.shale.change.CreateEnum;
import dev.shale.change.CreateIndex;
import dev.shale.change.CreateSchema;
import dev.shale.change.CreateTable;
import dev.shale.change.DropColumn;
import dev.shale.change.DropCompositeType;
import dev.shale.change.DropConstraint;
import dev.shale.change.DropDomain;
import dev.shale.change.DropEnum;
import dev.shale.change.DropIndex;
import dev.shale.change.DropTable;
import dev.shale.change.RenameColumn;
import dev.shale.change.RenameEnumValue;
import dev.shale.change.RenameConstraint;
import dev.shale.change.RenameIndex;
import dev.shale.change.RenameTable;
import dev.shale.change.SetComment;
import dev.shale.change.CommentTarget;
import dev.shale.change.ReplaceEnum;
import dev.shale.model.Check;
import dev.shale.model.Column;
import dev.shale.model.ColumnType;
import dev.shale.model.CompositeType;
import dev.shale.model.DefaultValue;
import dev.shale.model.Domain;
import dev.shale.model.EnumType;
import dev.shale.model.ForeignKey;
import dev.shale.model.Index;
import dev.shale.model.IndexKey;
import dev.shale.model.IndexMethod;
import dev.shale.model.NullsOrder;
import dev.shale.model.PartitionOf;
import dev.shale.model.Partitioning;
import dev.shale.model.PrimaryKey;
import dev.shale.model.QualifiedName;
import dev.shale.model.ReferentialAction;
import dev.shale.model.Table;
import dev.shale.model.Unique;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static dev.shale.testing.Models.col;

/**
 * One change of every kind and notable variant, each pinned by {@code golden/<name>.sql}. The list is
 * a story in apply order: starting from an empty database, applying every case in turn is valid, which
 * {@link RenderedSqlIntegrationTest} proves against PostgreSQL.
 */
final class GoldenCases {
    /** One golden case: the file name (without {@code .sql}) and the change it pins. */
    record Case(String name, Change change) {}

    static final QualifiedName USERS = QualifiedName.of("users");
    static final QualifiedName PROFILES = QualifiedName.of("profiles");
    static final QualifiedName MEMBERSHIPS = QualifiedName.of("auth", "memberships");
    static final QualifiedName WEIRD = QualifiedName.of("we\"ird");
    static final QualifiedName WEIRDER = QualifiedName.of("we\"irder");
    static final QualifiedName USER_ROLE = QualifiedName.of("user_role");
    static final QualifiedName ACCOUNT_STATUS = QualifiedName.of("account_status");

    static final EnumType USER_ROLE_ENUM = new EnumType(USER_ROLE, List.of("applicant", "member", "admin"));
    static final EnumType ACCOUNT_STATUS_ENUM = new EnumType(ACCOUNT_STATUS, List.of("active", "it's off"));

    static final Table USERS_TABLE = new Table(USERS,
            List.of(col("id", "uuid", false, DefaultValue.expression("gen_random_uuid()")),
                    col("email", "varchar(255)", true, null),
                    col("role", "enum:public.user_role", true, DefaultValue.string("applicant")),
                    col("tags", "text[]", true, DefaultValue.string("{}")),
                    col("score", "integer", false, DefaultValue.number("0")),
                    col("active", "boolean", false, DefaultValue.bool(true)),
                    col("nickname", "varchar(50)", false, null),
                    col("invited_by", "uuid", false, null),
                    col("created_at", "timestamptz", true, DefaultValue.expression("now()"))),
            new PrimaryKey("users_pkey", List.of("id")),
            List.of(new Unique("users_email_key", List.of("email"))),
            List.of(new Check("users_email_shape", "position('@' in email) > 1"),
                    new Check("users_score_positive", "(score >= 0)")),
            // Not rendered by CreateTable: they arrive as their own AddConstraint / CreateIndex changes.
            List.of(new ForeignKey("users_invited_by_fkey", List.of("invited_by"), USERS, List.of("id"),
                    ReferentialAction.SET_NULL, null)),
            List.of(new Index("users_created_at_idx", false, null, List.of(IndexKey.column("created_at")), null)));

    static final Table MEMBERSHIPS_TABLE = new Table(MEMBERSHIPS,
            List.of(col("org_id", "uuid", false, null),
                    col("user_id", "uuid", false, null),
                    col("roles", "enum:public.user_role[]", true, DefaultValue.string("{member}")),
                    col("joined_on", "date", false, DefaultValue.expression("current_date"))),
            new PrimaryKey("memberships_pkey", List.of("org_id", "user_id")), List.of(), List.of(), List.of(), List.of());

    /** Every supported type once. */
    static final Table PROFILES_TABLE = new Table(PROFILES,
            List.of(col("id", "bigserial", false, null),
                    col("user_id", "uuid", true, null),
                    col("org_id", "uuid", false, null),
                    col("member_id", "uuid", false, null),
                    col("bio", "text", false, null),
                    col("handle", "varchar", false, null),
                    col("initials", "char(2)", false, null),
                    col("rank", "smallint", false, null),
                    col("age", "text", false, null),
                    col("followers", "bigint", true, DefaultValue.number("0")),
                    col("seq", "serial", false, null),
                    col("balance", "numeric(12,2)", false, DefaultValue.number("-1.50")),
                    col("ratio", "real", false, null),
                    col("weight", "double precision", false, null),
                    col("verified", "boolean", true, DefaultValue.bool(false)),
                    col("birthday", "date", false, null),
                    col("wake_at", "time", false, null),
                    col("seen_at", "timestamp", false, DefaultValue.expression("now() at time zone 'utc'")),
                    col("updated_at", "timestamptz", false, null),
                    col("session_length", "interval", false, DefaultValue.string("01:00:00")),
                    col("settings", "json", false, null),
                    col("metadata", "jsonb", true, DefaultValue.expression("'{}'::jsonb")),
                    col("avatar", "bytea", false, null),
                    col("last_ip", "inet", false, null),
                    col("status", "text", true, DefaultValue.string("active")),
                    col("level", "text", false, DefaultValue.string("applicant")),
                    col("lucky_numbers", "text[]", false, null)),
            new PrimaryKey("profiles_pkey", List.of("id")), List.of(), List.of(), List.of(), List.of());

    static final Table WEIRD_TABLE = new Table(WEIRD,
            List.of(col("col\"umn", "text", true, DefaultValue.string("it's")),
                    col("path", "text", false, DefaultValue.string("C:\\temp")),
                    col("Mixed Case", "integer", false, null)),
            null,
            List.of(new Unique("we\"ird_key", List.of("col\"umn"))),
            List.of(new Check("we\"ird_check", "\"Mixed Case\" > 0")), List.of(), List.of());

    static final ForeignKey PROFILES_MEMBERSHIP_FKEY = new ForeignKey("profiles_membership_fkey",
            List.of("org_id", "member_id"), MEMBERSHIPS, List.of("org_id", "user_id"),
            ReferentialAction.SET_NULL, ReferentialAction.CASCADE);
    static final Check USERS_EMAIL_SHAPE = USERS_TABLE.checks().get(0);
    static final Unique USERS_NICKNAME_KEY = new Unique("users_nickname_key", List.of("nickname"));
    static final PrimaryKey WEIRD_PKEY = new PrimaryKey("we\"ird_pkey", List.of("col\"umn"));
    static final Index USERS_TAGS_IDX = new Index("users_tags_idx", false, IndexMethod.GIN, List.of(IndexKey.column("tags")), null);

    private GoldenCases() {}

    private static List<Case> cases() {
        List<Case> all = new ArrayList<>();
        all.add(new Case("create_schema", new CreateSchema("auth")));
        all.add(new Case("create_enum", new CreateEnum(USER_ROLE_ENUM)));
        all.add(new Case("create_enum_quoted_value", new CreateEnum(ACCOUNT_STATUS_ENUM)));
        all.add(new Case("create_table", new CreateTable(USERS_TABLE)));
        all.add(new Case("create_table_composite_pk", new CreateTable(MEMBERSHIPS_TABLE)));
        all.add(new Case("create_table_all_types", new CreateTable(PROFILES_TABLE)));
        all.add(new Case("create_table_quoted_names", new CreateTable(WEIRD_TABLE)));

        all.add(new Case("add_foreign_key", new AddConstraint(PROFILES, new ForeignKey("profiles_user_id_fkey",
                List.of("user_id"), USERS, List.of("id"), ReferentialAction.CASCADE, null))));
        all.add(new Case("add_foreign_key_composite", new AddConstraint(PROFILES, PROFILES_MEMBERSHIP_FKEY)));
        all.add(new Case("add_foreign_key_self", new AddConstraint(USERS, USERS_TABLE.foreignKeys().get(0))));
        all.add(new Case("add_primary_key", new AddConstraint(WEIRD, WEIRD_PKEY)));
        all.add(new Case("add_unique", new AddConstraint(USERS, USERS_NICKNAME_KEY)));
        all.add(new Case("add_check", new AddConstraint(PROFILES, new Check("profiles_rank_check", "rank between 0 and 100"))));

        all.add(new Case("create_index", new CreateIndex(PROFILES,
                new Index("profiles_user_id_idx", false, null, List.of(IndexKey.column("user_id")), null))));
        all.add(new Case("create_index_unique_expression", new CreateIndex(USERS,
                new Index("users_email_lower_key", true, null, List.of(IndexKey.expression("lower(email)")), null))));
        all.add(new Case("create_index_partial", new CreateIndex(USERS, new Index("users_role_created_idx", false, null,
                List.of(IndexKey.column("role"), new IndexKey("created_at", null, true, NullsOrder.DEFAULT)),
                "score > 0 and active"))));
        all.add(new Case("create_index_gin", new CreateIndex(USERS, USERS_TAGS_IDX)));
        all.add(new Case("create_index_desc_nulls", new CreateIndex(PROFILES, new Index("profiles_followers_idx", false, null,
                List.of(new IndexKey("followers", null, true, NullsOrder.LAST), new IndexKey("rank", null, false, NullsOrder.FIRST),
                        new IndexKey(null, "coalesce(handle, bio)", true, NullsOrder.DEFAULT)), null))));
        all.add(new Case("create_index_hash_partial", new CreateIndex(USERS, new Index("users_nickname_hash_idx", false,
                IndexMethod.HASH, List.of(IndexKey.column("nickname")), "(nickname <> '')"))));

        all.add(new Case("add_column", new AddColumn(USERS, col("timezone", "text", true, DefaultValue.string("UTC")))));
        all.add(new Case("add_column_enum_array", new AddColumn(USERS, col("past_roles", "enum:public.user_role[]", false, null))));
        all.add(new Case("add_column_expression_default", new AddColumn(USERS,
                col("expires_at", "timestamptz", false, DefaultValue.expression("now() + interval '30 days'")))));
        all.add(new Case("add_column_named_type", new AddColumn(PROFILES, col("search", "named:tsvector", false, null))));
        all.add(new Case("add_column_named_type_array", new AddColumn(PROFILES, col("spots", "named:point[]", false, null))));
        all.add(new Case("add_column_named_type_modifiers", new AddColumn(PROFILES,
                col("flags", "named:bit varying(8)", true, DefaultValue.string("101")))));
        all.add(alter("alter_column_type_named", PROFILES, col("balance", "numeric(12,2)", false, DefaultValue.number("-1.50")),
                col("balance", "named:money", false, DefaultValue.number("-1.50")), ColumnAspect.TYPE));

        all.addAll(alterColumnCases());

        all.add(new Case("add_enum_value", new AddEnumValue(USER_ROLE, "owner", null, null)));
        all.add(new Case("add_enum_value_before", new AddEnumValue(USER_ROLE, "guest", "applicant", null)));
        all.add(new Case("add_enum_value_after", new AddEnumValue(ACCOUNT_STATUS, "won't say", null, "active")));
        all.add(new Case("rename_enum_value", new RenameEnumValue(ACCOUNT_STATUS, "won't say", "rather not say")));

        all.add(new Case("rename_column", new RenameColumn(USERS, "nickname", "display_name")));
        all.add(new Case("rename_table", new RenameTable(WEIRD, WEIRDER)));
        all.add(new Case("rename_column_quoted", new RenameColumn(WEIRDER, "Mixed Case", "mixed \"case\"")));
        all.add(new Case("rename_constraint", new RenameConstraint(PROFILES, "profiles_pkey", "profile_pkey")));
        all.add(new Case("rename_index", new RenameIndex(USERS, "users_role_created_idx", "users_role_recent_idx")));

        all.add(new Case("drop_constraint_check", new DropConstraint(USERS, USERS_EMAIL_SHAPE)));
        all.add(new Case("drop_constraint_foreign_key", new DropConstraint(PROFILES, PROFILES_MEMBERSHIP_FKEY)));
        all.add(new Case("drop_constraint_unique", new DropConstraint(USERS, USERS_NICKNAME_KEY)));
        all.add(new Case("drop_constraint_primary_key", new DropConstraint(WEIRDER, WEIRD_PKEY)));
        all.add(new Case("drop_index", new DropIndex(USERS, USERS_TAGS_IDX)));
        all.add(new Case("drop_column", new DropColumn(USERS, col("past_roles", "enum:public.user_role[]", false, null))));
        all.add(new Case("drop_table", new DropTable(PROFILES_TABLE)));
        all.add(new Case("drop_table_composite_pk", new DropTable(MEMBERSHIPS_TABLE)));
        all.add(new Case("drop_enum", new DropEnum(ACCOUNT_STATUS_ENUM)));
        all.addAll(OptionCases.cases());
        all.addAll(ColumnFeatureCases.cases());
        all.addAll(ObjectGoldenCases.cases());
        all.addAll(RoutineGoldenCases.cases());
        all.addAll(typeCases());
        all.addAll(partitionCases());
        all.addAll(serialRenameCases());
        all.addAll(AccessGoldenCases.cases());
        all.addAll(ViewGoldenCases.cases());
        return List.copyOf(all);
    }

    /** Domains, composite types and an enum replaced, on the users table the story has built. */
    private static List<Case> typeCases() {
        List<Case> all = new ArrayList<>();
        QualifiedName emailAddress = QualifiedName.of("email_address");
        Domain emailDomain = new Domain(emailAddress, ColumnType.parse("text"), true,
                DefaultValue.string("nobody@example.com"), "C", List.of(new Check("email_address_check", "VALUE ~ '@'"),
                new Check("email_address_short", "length(VALUE) < 200").withNotValid(true)), null);
        CompositeType postalAddress = CompositeType.of(QualifiedName.of("postal_address"), List.of(
                CompositeType.Attribute.of("street", ColumnType.parse("text")),
                new CompositeType.Attribute("zip", ColumnType.parse("varchar(10)"), "C"),
                CompositeType.Attribute.of("kind", ColumnType.parse("enum:public.user_role"))));
        all.add(new Case("create_domain", new CreateDomain(emailDomain)));
        all.add(new Case("create_composite_type", new CreateCompositeType(postalAddress)));
        all.add(new Case("comment_domain", new SetComment(CommentTarget.domain(emailAddress), "An address with an @")));
        all.add(new Case("comment_composite_type", new SetComment(CommentTarget.type(postalAddress.name()), "Where letters go")));
        CompositeType altered = postalAddress.withAttributes(List.of(
                CompositeType.Attribute.of("street", ColumnType.parse("text")),
                CompositeType.Attribute.of("zip", ColumnType.parse("text")),
                new CompositeType.Attribute("city", ColumnType.parse("text"), "C")));
        all.add(new Case("alter_composite_type", new AlterCompositeType(postalAddress, altered)));
        all.add(new Case("rename_attribute", new dev.shale.change.RenameAttribute(postalAddress.name(), "city", "town")));
        all.add(new Case("rename_attribute_back", new dev.shale.change.RenameAttribute(postalAddress.name(), "town", "city")));
        Column backup = col("backup_email", "domain:public.email_address", false, null);
        Column addresses = col("addresses", "composite:public.postal_address[]", false, null);
        all.add(new Case("add_column_domain", new AddColumn(USERS, backup)));
        all.add(new Case("add_column_composite_array", new AddColumn(USERS, addresses)));
        Domain alteredDomain = emailDomain.withNotNull(false).withDefault(null).withChecks(List.of(
                new Check("email_address_has_at", "VALUE ~ '@'"),
                new Check("email_address_short", "length(VALUE) < 200"),
                new Check("email_address_no_space", "VALUE !~ ' '").withNotValid(true)));
        all.add(new Case("alter_domain", new AlterDomain(emailDomain, alteredDomain)));
        EnumType roles = new EnumType(USER_ROLE, List.of("guest", "applicant", "member", "admin", "owner"));
        EnumType reordered = new EnumType(USER_ROLE, List.of("admin", "member", "applicant"));
        Index recent = new Index("users_role_recent_idx", false, null,
                List.of(IndexKey.column("role"), new IndexKey("created_at", null, true, NullsOrder.DEFAULT)), "score > 0 and active");
        ReplaceEnum replace = new ReplaceEnum(roles, reordered,
                List.of(new ReplaceEnum.EnumColumn(USERS, "role", false, true, DefaultValue.string("applicant"))),
                List.of(new ReplaceEnum.TableIndex(USERS, recent)), List.of(), List.of(), List.of());
        all.add(new Case("replace_enum", replace));
        all.add(new Case("drop_enum_replaced", new DropEnum(new EnumType(replace.oldName(), roles.values()))));
        all.add(new Case("drop_column_domain", new DropColumn(USERS, backup)));
        all.add(new Case("drop_domain", new DropDomain(alteredDomain)));
        all.add(new Case("drop_column_composite_array", new DropColumn(USERS, addresses)));
        all.add(new Case("drop_composite_type", new DropCompositeType(altered)));
        return all;
    }

    /**
     * A table with a serial column renamed, then the column: each rename takes the serial's sequence to the
     * name PostgreSQL gives a fresh one ({@code <table>_<column>_seq}, cut to 63 bytes).
     */
    private static List<Case> serialRenameCases() {
        QualifiedName tickets = QualifiedName.of("tickets");
        QualifiedName renamed = QualifiedName.of("support_tickets_raised_by_customers_through_the_help_desk_form");
        List<Case> all = new ArrayList<>();
        all.add(new Case("create_table_serial", new CreateTable(Table.builder(tickets)
                .columns(List.of(col("id", "serial", true, null), col("title", "text", false, null)))
                .primaryKey(new PrimaryKey("tickets_pkey", List.of("id"))).build())));
        all.add(new Case("rename_table_serial", new RenameTable(tickets, renamed, List.of("id"))));
        all.add(new Case("rename_column_serial", new RenameColumn(renamed, "id", "ticket_id", true)));
        all.add(new Case("drop_table_serial", new DropTable(Table.builder(renamed)
                .columns(List.of(col("ticket_id", "serial", true, null), col("title", "text", false, null))).build())));
        return all;
    }

    /** Partitioned tables, partitions of every bound, a local index, attach, detach and drop. */
    private static List<Case> partitionCases() {
        QualifiedName eventsName = QualifiedName.of("events");
        QualifiedName tags = QualifiedName.of("tags");

        Table events = Table.builder(eventsName)
                .columns(List.of(col("id", "bigint", true, null), col("at", "date", true, null), col("kind", "text", false, null)))
                .primaryKey(new PrimaryKey("events_pkey", List.of("id", "at")))
                .addCheck(new Check("events_kind_check", "kind <> ''"))
                .partitioning(new Partitioning(Partitioning.Strategy.RANGE, List.of(IndexKey.column("at")))).build();

        Table archive = Table.builder(QualifiedName.of("events_archive"))
                .columns(events.columns()).addCheck(new Check("events_kind_check", "kind <> ''")).build();

        PartitionOf archiveBound = new PartitionOf(eventsName, "FOR VALUES FROM (MINVALUE) TO ('2024-01-01')");
        List<Case> all = new ArrayList<>();
        all.add(new Case("create_table_partitioned_by_range", new CreateTable(events)));
        all.add(new Case("create_table_partitioned_by_list_expression", new CreateTable(Table.builder(tags)
                .columns(List.of(col("name", "text", true, null), col("weight", "integer", false, null)))
                .partitioning(new Partitioning(Partitioning.Strategy.LIST, List.of(IndexKey.expression("lower(name)")))).build())));
        all.add(new Case("create_partition_range", new CreateTable(Table.builder(QualifiedName.of("events_2024"))
                .partitionOf(new PartitionOf(eventsName, "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')")).build())));
        all.add(new Case("create_partition_default_with_check", new CreateTable(Table.builder(QualifiedName.of("events_other"))
                .partitionOf(new PartitionOf(eventsName, "DEFAULT")).addCheck(new Check("events_other_id_check", "id > 0")).build())));
        all.add(new Case("create_partition_list_partitioned_by_hash", new CreateTable(Table.builder(QualifiedName.of("tags_ab"))
                .partitionOf(new PartitionOf(tags, "FOR VALUES IN ('a', 'b')"))
                .partitioning(new Partitioning(Partitioning.Strategy.HASH, List.of(IndexKey.column("weight")))).build())));
        all.add(new Case("create_partition_hash", new CreateTable(Table.builder(QualifiedName.of("tags_ab_0"))
                .partitionOf(new PartitionOf(QualifiedName.of("tags_ab"), "FOR VALUES WITH (modulus 2, remainder 0)")).build())));
        all.add(new Case("create_partition_unlogged_with_storage", new CreateTable(Table.builder(QualifiedName.of("tags_ab_1"))
                .partitionOf(new PartitionOf(QualifiedName.of("tags_ab"), "FOR VALUES WITH (modulus 2, remainder 1)"))
                .unlogged(true).storage(java.util.Map.of("fillfactor", "70")).build())));
        all.add(new Case("create_index_on_partition", new CreateIndex(QualifiedName.of("events_2024"),
                new Index("events_2024_kind_idx", false, null, List.of(IndexKey.column("kind")), null))));
        all.add(new Case("create_table_to_attach", new CreateTable(archive)));
        all.add(new Case("attach_partition", new AttachPartition(archive.name(), archiveBound)));
        all.add(new Case("detach_partition", new DetachPartition(archive.name(), archiveBound)));
        all.add(new Case("drop_partition", new DropTable(Table.builder(QualifiedName.of("events_other"))
                .partitionOf(new PartitionOf(eventsName, "DEFAULT")).build())));
        all.add(new Case("drop_table_partitioned", new DropTable(events)));
        all.add(new Case("drop_table_detached", new DropTable(archive)));
        all.add(new Case("drop_table_partitioned_by_list", new DropTable(Table.builder(tags)
                .columns(List.of(col("name", "text", true, null), col("weight", "integer", false, null)))
                .partitioning(new Partitioning(Partitioning.Strategy.LIST, List.of(IndexKey.expression("lower(name)")))).build())));
        return all;
    }

    /** Every combination of aspects, set and drop, with and without a USING cast. */
    private static List<Case> alterColumnCases() {
        List<Case> all = new ArrayList<>();
        all.add(alter("alter_column_type", USERS, col("nickname", "varchar(50)", false, null),
                col("nickname", "varchar(100)", false, null), ColumnAspect.TYPE));
        all.add(alter("alter_column_type_using", PROFILES, col("age", "text", false, null),
                col("age", "integer", false, null), ColumnAspect.TYPE));
        all.add(alter("alter_column_type_enum_with_default", PROFILES,
                col("status", "text", true, DefaultValue.string("active")),
                col("status", "enum:public.account_status", true, DefaultValue.string("active")), ColumnAspect.TYPE));
        all.add(alter("alter_column_type_array_using", PROFILES, col("lucky_numbers", "text[]", false, null),
                col("lucky_numbers", "integer[]", false, null), ColumnAspect.TYPE));
        all.add(alter("alter_column_set_not_null", PROFILES, col("bio", "text", false, null),
                col("bio", "text", true, null), ColumnAspect.NOT_NULL));
        all.add(alter("alter_column_drop_not_null", USERS, col("email", "varchar(255)", true, null),
                col("email", "varchar(255)", false, null), ColumnAspect.NOT_NULL));
        all.add(alter("alter_column_set_default", USERS, col("score", "integer", false, DefaultValue.number("0")),
                col("score", "integer", false, DefaultValue.number("10")), ColumnAspect.DEFAULT));
        all.add(alter("alter_column_drop_default", USERS, col("active", "boolean", false, DefaultValue.bool(true)),
                col("active", "boolean", false, null), ColumnAspect.DEFAULT));
        all.add(alter("alter_column_type_not_null", PROFILES, col("rank", "smallint", false, null),
                col("rank", "integer", true, null), ColumnAspect.TYPE, ColumnAspect.NOT_NULL));
        all.add(alter("alter_column_type_default", USERS, col("score", "integer", false, DefaultValue.number("10")),
                col("score", "numeric(10,2)", false, DefaultValue.number("10.5")), ColumnAspect.TYPE, ColumnAspect.DEFAULT));
        all.add(alter("alter_column_not_null_default", PROFILES, col("handle", "varchar", false, null),
                col("handle", "varchar", true, DefaultValue.string("anonymous")), ColumnAspect.NOT_NULL, ColumnAspect.DEFAULT));
        all.add(alter("alter_column_all_aspects", PROFILES, col("level", "text", false, DefaultValue.string("applicant")),
                col("level", "enum:public.user_role", true, DefaultValue.string("member")),
                ColumnAspect.TYPE, ColumnAspect.NOT_NULL, ColumnAspect.DEFAULT));
        all.add(alter("alter_column_type_enum_array_via_text", MEMBERSHIPS,
                col("roles", "enum:public.user_role[]", true, DefaultValue.string("{member}")),
                col("roles", "enum:public.account_status[]", true, DefaultValue.string("{active}")),
                ColumnAspect.TYPE, ColumnAspect.DEFAULT));
        all.add(alter("alter_column_type_from_serial", PROFILES, col("seq", "serial", true, null),
                col("seq", "bigserial", true, null), ColumnAspect.TYPE));
        return all;
    }

    private static Case alter(String name, QualifiedName table, Column from, Column to, ColumnAspect... aspects) {
        return new Case(name, new AlterColumn(table, from, to, EnumSet.of(aspects[0], aspects)));
    }

    // last: the cases use every constant above, and static fields initialise in order

    static final List<Case> ALL = cases();
}
