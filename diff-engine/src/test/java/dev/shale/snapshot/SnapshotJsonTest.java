package dev.shale.snapshot;

import dev.shale.model.Check;
import dev.shale.model.Column;
import dev.shale.model.ColumnType;
import dev.shale.model.CompositeType;
import dev.shale.model.DefaultValue;
import dev.shale.model.Deferral;
import dev.shale.model.Domain;
import dev.shale.model.EnumType;
import dev.shale.model.Exclusion;
import dev.shale.model.Extension;
import dev.shale.model.ForeignKey;
import dev.shale.model.Identity;
import dev.shale.model.Index;
import dev.shale.model.IndexKey;
import dev.shale.model.IndexMethod;
import dev.shale.model.Namespace;
import dev.shale.model.NullsOrder;
import dev.shale.model.PartitionOf;
import dev.shale.model.Partitioning;
import dev.shale.model.PgType;
import dev.shale.model.PrimaryKey;
import dev.shale.model.QualifiedName;
import dev.shale.model.ReferentialAction;
import dev.shale.model.ReplicaIdentity;
import dev.shale.model.SchemaModel;
import dev.shale.model.Sequence;
import dev.shale.model.SequenceOptions;
import dev.shale.model.Table;
import dev.shale.model.Unique;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SnapshotJsonTest {
    static final QualifiedName USERS = QualifiedName.of("users");
    static final QualifiedName POSTS = QualifiedName.of("app", "po\"sts");
    static final QualifiedName ROLE = QualifiedName.of("user_role");

    /** A model touching every part of the snapshot format. */
    static SchemaModel richModel() {
        Table users = new Table(USERS, List.of(
                new Column("id", ColumnType.Builtin.of(PgType.UUID), true, DefaultValue.expression("gen_random_uuid()")),
                new Column("email", new ColumnType.Builtin(PgType.VARCHAR, 255, null, null), true, null),
                new Column("role", new ColumnType.EnumRef(ROLE), true, DefaultValue.string("it's")),
                new Column("tags", new ColumnType.ArrayOf(ColumnType.Builtin.of(PgType.TEXT)), false, null),
                new Column("score", new ColumnType.Builtin(PgType.NUMERIC, null, 12, 2), false, DefaultValue.number("0.5")),
                new Column("active", ColumnType.Builtin.of(PgType.BOOLEAN), true, DefaultValue.bool(true))),
                new PrimaryKey("users_pkey", List.of("id")),
                List.of(new Unique("users_email_key", List.of("email"))),
                List.of(new Check("users_email_shape", "position('@' in email) > 1")),
                List.of(),
                List.of(new Index("users_role_idx", false, IndexMethod.BTREE,
                                List.of(IndexKey.column("role"), new IndexKey("email", null, true, NullsOrder.LAST)), "active"),
                        new Index("users_tags_idx", false, IndexMethod.GIN, List.of(IndexKey.column("tags")), null),
                        new Index("users_lower_email_idx", true, IndexMethod.BTREE, List.of(IndexKey.expression("lower(email)")), null)));
        Table posts = new Table(POSTS, List.of(
                new Column("id", ColumnType.Builtin.of(PgType.BIGSERIAL), true, null),
                new Column("author_id", ColumnType.Builtin.of(PgType.UUID), false, null),
                new Column("auth_id", ColumnType.Builtin.of(PgType.UUID), false, null)),
                new PrimaryKey("posts_pkey", List.of("id")), List.of(), List.of(),
                List.of(new ForeignKey("posts_author_fkey", List.of("author_id"), USERS, List.of("id"), ReferentialAction.SET_NULL, ReferentialAction.CASCADE),
                        new ForeignKey("posts_auth_fkey", List.of("auth_id"), QualifiedName.of("auth", "users"), List.of("id"), ReferentialAction.CASCADE, null)),
                List.of());
        Table authUsers = Table.of(QualifiedName.of("auth", "users"), List.of(new Column("id", ColumnType.Builtin.of(PgType.UUID), true, null)));
        return new SchemaModel(List.of(new EnumType(ROLE, List.of("admin", "member", "it's"))), List.of(posts, users), List.of(authUsers));
    }

    @Test
    void readingWhatWasWrittenGivesTheSameSnapshot() {
        Snapshot s = Snapshot.next(null, richModel());
        String text = SnapshotJson.write(s);
        assertEquals(s, SnapshotJson.read(text, "0000_snapshot.json"));
        assertEquals(text, SnapshotJson.write(SnapshotJson.read(text, "x")), "formatting twice changes nothing");
    }

    @Test
    void outputIsDeterministicSortedAndEndsWithANewline() {
        String a = SnapshotJson.write(Snapshot.next(null, richModel()));
        String b = SnapshotJson.write(Snapshot.next(null, richModel()));
        assertEquals(a, b);
        assertTrue(a.endsWith("}\n"));
        assertTrue(!a.contains("\r"));
        assertTrue(a.indexOf("\"dialect\"") < a.indexOf("\"enums\"") && a.indexOf("\"enums\"") < a.indexOf("\"externalTables\"")
                && a.indexOf("\"id\"") < a.indexOf("\"prevId\"") && a.indexOf("\"tables\"") < a.indexOf("\"version\""), a);
        assertTrue(a.contains("\"name\": \"email\""), "key: value spacing");
    }

    @Test
    void idDependsOnContentAndPreviousId() {
        SchemaModel m = richModel();
        assertEquals(SnapshotJson.idFor(Snapshot.ROOT_ID, m), SnapshotJson.idFor(Snapshot.ROOT_ID, richModel()));
        assertNotEquals(SnapshotJson.idFor(Snapshot.ROOT_ID, m), SnapshotJson.idFor(Snapshot.ROOT_ID, SchemaModel.EMPTY));
        assertNotEquals(SnapshotJson.idFor(Snapshot.ROOT_ID, m), SnapshotJson.idFor("11111111-1111-1111-1111-111111111111", m));
        assertTrue(SnapshotJson.idFor(Snapshot.ROOT_ID, m).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
    }

    @Test
    void malformedJsonNamesFileLineAndColumn() {
        String text = SnapshotJson.write(Snapshot.next(null, richModel())).replaceFirst("\"enums\" *:", "\"enums\" ::");
        SnapshotException e = assertThrows(SnapshotException.class, () -> SnapshotJson.read(text, "snapshots/0000_snapshot.json"));
        assertEquals("snapshots/0000_snapshot.json", e.file());
        assertTrue(e.place().startsWith("line "), e.getMessage());
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
    }

    @Test
    void truncatedFileIsReportedNotHalfRead() {
        String text = SnapshotJson.write(Snapshot.next(null, richModel()));
        String cut = text.substring(0, text.length() / 2);
        SnapshotException e = assertThrows(SnapshotException.class, () -> SnapshotJson.read(cut, "0000_snapshot.json"));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertThrows(SnapshotException.class, () -> SnapshotJson.read("", "0000_snapshot.json"));
    }

    @Test
    void wrongTypesUnknownFieldsAndBrokenRulesNameTheJsonPath() throws Exception {
        String text = SnapshotJson.write(Snapshot.next(null, richModel()));
        assertPath(text.replace("\"notNull\": true", "\"notNull\": \"yes\""), "notNull");
        assertPath(text.replace("\"type\": \"varchar(255)\"", "\"type\": \"varchar(banana)\""), "$.tables.\"public.users\".columns[1].type");
        assertPath(text.replace("\"onDelete\": \"set null\"", "\"onDelete\": \"explode\""), "onDelete");
        assertPath(text.replace("\"version\": 2", "\"version\": 99"), "$.version");
        assertPath(text.replace("\"prevId\"", "\"prevID\""), "$.prevID");
        // a model rule: the external table a foreign key points at disappears
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("externalTables")).remove("auth.users");
        String noAuth = tree.toString();
        SnapshotException e = assertThrows(SnapshotException.class, () -> SnapshotJson.read(noAuth, "0000_snapshot.json"));
        assertTrue(e.getMessage().contains("\"auth\".\"users\", which is not part of the schema"), e.getMessage());
    }

    private static void assertPath(String text, String expectedPlace) {
        SnapshotException e = assertThrows(SnapshotException.class, () -> SnapshotJson.read(text, "0000_snapshot.json"));
        assertTrue(e.getMessage().startsWith("0000_snapshot.json"), e.getMessage());
        assertTrue(e.place() != null && e.place().contains(expectedPlace), "place " + e.place() + " / " + e.getMessage());
    }

    @Test
    void theFormatIsPinnedByAGoldenFile() throws Exception {
        String expected = Files.readString(Path.of("src/test/resources/snapshot/rich_snapshot_v2.json"));
        assertEquals(expected, SnapshotJson.write(Snapshot.next(null, richModel())));
        assertEquals(richModel(), SnapshotJson.read(expected, "rich_snapshot_v2.json").model());
    }

    /** The same model in format 1, written before the mapping was restructured: it still reads, and rewrites as it was. */
    @Test
    void aFormatOneFileReadsToTheSameModelAndId() throws Exception {
        String old = Files.readString(Path.of("src/test/resources/snapshot/rich_snapshot.json"));
        Snapshot read = SnapshotJson.read(old, "rich_snapshot.json");
        assertEquals(richModel(), read.model());
        assertEquals(1, read.version());
        assertEquals(Snapshot.next(null, richModel()).id(), read.id(), "the id does not depend on the format");
        assertEquals(old, SnapshotJson.write(read), "a format 1 snapshot writes in format 1 again, byte-identical");
    }

    /**
     * The example's snapshots as they were committed in format 1 (kept in {@code src/test/resources/snapshot/format1}):
     * each reads to the model its format 2 rewrite in {@code snapshots/} holds, with the same ids, and a history of
     * them still checks.
     */
    @Test
    void theExamplesFormatOneSnapshotsReadToTheModelsOfTheCommittedOnes() throws Exception {
        Path old = Path.of("src/test/resources/snapshot/format1");
        SnapshotHistory before = SnapshotHistory.load(old);
        SnapshotHistory now = SnapshotHistory.load(Path.of("../snapshots"));
        assertEquals(now.entries().size(), before.entries().size());
        assertFalse(before.entries().isEmpty());
        for (int i = 0; i < now.entries().size(); i++) {
            Snapshot was = before.entries().get(i).snapshot();
            Snapshot is = now.entries().get(i).snapshot();
            assertEquals(1, was.version());
            assertEquals(Snapshot.FORMAT_VERSION, is.version());
            assertEquals(is.model(), was.model(), SnapshotHistory.fileName(i));
            assertEquals(is.id(), was.id(), SnapshotHistory.fileName(i));
            assertEquals(is.prevId(), was.prevId(), SnapshotHistory.fileName(i));
            assertEquals(Files.readString(now.entries().get(i).file()),
                    SnapshotJson.write(new Snapshot(Snapshot.FORMAT_VERSION, was.dialect(), was.id(), was.prevId(), was.model())),
                    "format 1 rewritten in the current format is the committed file");
            assertTrue(Files.size(now.entries().get(i).file()) * 10 < Files.size(before.entries().get(i).file()) * 6,
                    "the current format is much smaller");
        }
    }

    @Test
    void theCommittedExampleSnapshotsReadAndRewriteByteIdentical() throws Exception {
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of("../snapshots"))) {
            files = list.filter(f -> SnapshotHistory.FILE_NAME.matcher(f.getFileName().toString()).matches()).sorted().toList();
        }
        assertFalse(files.isEmpty());
        for (Path f : files) {
            String text = Files.readString(f);
            assertEquals(text, SnapshotJson.write(SnapshotJson.read(text, f.toString())), f.toString());
        }
    }

    /** Every option the model grew after format 1, each away from its default, so a lost field shows. */
    static SchemaModel everyOption() {
        QualifiedName events = QualifiedName.of("app", "events");
        QualifiedName parted = QualifiedName.of("app", "measurements");
        SequenceOptions options = new SequenceOptions("integer", 10L, 5L, 1L, 1_000_000L, 20L, true);
        Table eventsTable = Table.builder(events)
                .addColumn(Column.of("id", ColumnType.Builtin.of(PgType.BIGINT)).withIdentity(Identity.always().withOptions(options.withType(null))))
                .addColumn(Column.of("name", ColumnType.Builtin.of(PgType.TEXT)).withCollation("C").withComment("shown to users"))
                .addColumn(Column.of("upper_name", ColumnType.Builtin.of(PgType.TEXT)).withGenerated("upper(name)").withNotNull(true))
                .addColumn(Column.of("during", ColumnType.named("tstzrange")))
                // referenced by a foreign key, so not deferrable: PostgreSQL refuses a deferrable key there
                .primaryKey(new PrimaryKey("events_pkey", List.of("id"), Deferral.NOT_DEFERRABLE, "the key"))
                .addUnique(new Unique("events_name_key", List.of("name"), true, Deferral.DEFERRED, "one name"))
                .addCheck(new Check("events_name_check", "name <> ''", true, true, "not blank"))
                .addIndex(Index.of("events_name_idx", List.of(IndexKey.column("name").withCollation("C").withOpclass("text_pattern_ops")))
                        .withInclude(List.of("id")).withStorage(Map.of("fillfactor", "70")).withComment("lookups"))
                .addIndex(Index.of("events_upper_key", List.of(IndexKey.column("upper_name"))).withUnique(true).withNullsNotDistinct(true))
                .addExclusion(new Exclusion("events_during_excl", IndexMethod.GIST,
                        List.of(new Exclusion.Element(IndexKey.column("during"), "&&")), List.of(), "name <> 'x'", Deferral.DEFERRED, "no overlap"))
                .storage(Map.of("autovacuum_enabled", "false")).replicaIdentity(ReplicaIdentity.usingIndex("events_upper_key"))
                .comment("what happened")
                .build();
        Table partitioned = Table.builder(parted)
                .addColumn(Column.of("at", ColumnType.Builtin.of(PgType.DATE)).withNotNull(true))
                .addColumn(Column.of("parent_id", ColumnType.Builtin.of(PgType.BIGINT)))
                .addForeignKey(new ForeignKey("measurements_parent_id_fkey", List.of("parent_id"), events, List.of("id"),
                        ReferentialAction.CASCADE, null, true, Deferral.DEFERRABLE, "parent"))
                .partitioning(new Partitioning(Partitioning.Strategy.RANGE, List.of(IndexKey.column("at"))))
                .replicaIdentity(new ReplicaIdentity(ReplicaIdentity.Kind.FULL, null))
                .build();
        Table partition = Table.builder(QualifiedName.of("app", "measurements_2024"))
                .partitionOf(new PartitionOf(parted, "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')"))
                .addIndex(Index.of("measurements_2024_at_idx", List.of(IndexKey.column("at"))))
                .build();
        return SchemaModel.builder()
                .addEnum(new EnumType(QualifiedName.of("app", "mood"), List.of("ok", "sad"), "how it went"))
                // A logged table cannot reference an unlogged one: the unlogged table stands alone.
                .tables(List.of(eventsTable, partitioned, partition, Table.builder(QualifiedName.of("app", "scratch"))
                        .addColumn(Column.of("k", ColumnType.Builtin.of(PgType.TEXT))).unlogged(true).build()))
                .addNamespace(new Namespace("app", "the application"))
                .addExtension(new Extension("citext", "public", "1.6"))
                .addExtension(Extension.of("pg_trgm"))
                .addSequence(new Sequence(QualifiedName.of("app", "ticket_no"), options,
                        new Sequence.OwnedBy(events, "id"), "tickets"))
                .addSequence(Sequence.of(QualifiedName.of("app", "plain_seq")))
                .addDomain(new Domain(QualifiedName.of("app", "email"), ColumnType.named("citext"), true,
                        DefaultValue.string("nobody@example.com"), null, List.of(new Check("email_check", "VALUE ~ '@'")), "an address"))
                .addCompositeType(new CompositeType(QualifiedName.of("app", "money_amount"), List.of(
                        CompositeType.Attribute.of("amount", ColumnType.Builtin.of(PgType.NUMERIC)),
                        new CompositeType.Attribute("currency", ColumnType.Builtin.of(PgType.TEXT), "C")), "an amount"))
                .build();
    }

    @Test
    void everyNewOptionSurvivesTheFileAndOldFilesStayByteIdentical() {
        SchemaModel model = everyOption();
        String text = SnapshotJson.write(Snapshot.next(null, model));
        assertEquals(model, SnapshotJson.read(text, "every_option.json").model());
        for (String field : List.of("\"identity\"", "\"generated\"", "\"collation\"", "\"deferral\"", "\"notValid\"",
                "\"noInherit\"", "\"include\"", "\"nullsNotDistinct\"", "\"opclass\"", "\"exclusions\"", "\"partitionBy\"",
                "\"partitionOf\"", "\"unlogged\"", "\"storage\"", "\"replicaIdentity\"", "\"schemas\"", "\"extensions\"",
                "\"sequences\"", "\"domains\"", "\"compositeTypes\"", "\"ownedBy\"", "\"cycle\"")) {
            assertTrue(text.contains(field), field + " is written");
        }
        // a model using none of them writes none of them
        String plain = SnapshotJson.write(Snapshot.next(null, richModel()));
        for (String field : List.of("\"identity\"", "\"deferral\"", "\"schemas\"", "\"sequences\"", "\"comment\"")) {
            assertFalse(plain.contains(field), field + " is left out at its default");
        }
    }

    @Test
    void viewsSurviveTheFileAndAModelWithoutThemWritesNoViewsField() {
        dev.shale.model.View v = new dev.shale.model.View(QualifiedName.of("app", "active"), "select 1 as one",
                List.of(new dev.shale.model.View.Column("one", "integer")), false, dev.shale.model.View.CheckOption.LOCAL,
                true, true, true, Map.of(), List.of(), "a view");
        dev.shale.model.View m = dev.shale.model.View.materialized(QualifiedName.of("app", "totals"), "select 1 as n")
                .withData(false).withStorage(Map.of("fillfactor", "70"))
                .withIndexes(List.of(new Index("totals_n_idx", true, null, List.of(IndexKey.column("n")), null)));
        SchemaModel model = richModel().toBuilder().views(List.of(v, m)).build();
        String text = SnapshotJson.write(Snapshot.next(null, model));
        assertEquals(model, SnapshotJson.read(text, "views.json").model());
        for (String field : List.of("\"views\"", "\"query\"", "\"checkOption\"", "\"securityBarrier\"", "\"securityInvoker\"",
                "\"materialized\"", "\"withData\"")) {
            assertTrue(text.contains(field), field + " is written");
        }
        assertFalse(SnapshotJson.write(Snapshot.next(null, richModel())).contains("\"views\""), "no views, no field");
    }

    @Test
    void everyComponentOfEveryModelPartHasAField() {
        for (ModelCodecs c : List.of(ModelCodecs.FORMAT_1, ModelCodecs.FORMAT_2)) {
            everyComponentHasAField(c);
        }
    }

    private static void everyComponentHasAField(ModelCodecs c) {
        Map<ObjectCodec<?>, Class<?>> parts = Map.ofEntries(
                Map.entry(c.SCHEMA, SchemaModel.class), Map.entry(c.TABLE, Table.class),
                Map.entry(c.COLUMN, Column.class), Map.entry(c.DEFAULT_VALUE, DefaultValue.class),
                Map.entry(c.PRIMARY_KEY, PrimaryKey.class), Map.entry(c.UNIQUE, Unique.class),
                Map.entry(c.CHECK, Check.class), Map.entry(c.FOREIGN_KEY, ForeignKey.class),
                Map.entry(c.INDEX, Index.class), Map.entry(c.INDEX_KEY, IndexKey.class),
                Map.entry(c.ENUM, EnumType.class), Map.entry(c.QUALIFIED_NAME, QualifiedName.class),
                Map.entry(c.SEQUENCE_OPTIONS, SequenceOptions.class), Map.entry(c.IDENTITY, Identity.class),
                Map.entry(c.EXCLUSION_ELEMENT, Exclusion.Element.class), Map.entry(c.EXCLUSION, Exclusion.class),
                Map.entry(c.PARTITIONING, Partitioning.class), Map.entry(c.PARTITION_OF, PartitionOf.class),
                Map.entry(c.REPLICA_IDENTITY, ReplicaIdentity.class), Map.entry(c.NAMESPACE, Namespace.class),
                Map.entry(c.EXTENSION, Extension.class), Map.entry(c.OWNED_BY, Sequence.OwnedBy.class),
                Map.entry(c.SEQUENCE, Sequence.class), Map.entry(c.DOMAIN, Domain.class),
                Map.entry(c.ATTRIBUTE, CompositeType.Attribute.class),
                Map.entry(c.COMPOSITE_TYPE, CompositeType.class),
                Map.entry(c.VIEW, dev.shale.model.View.class),
                Map.entry(c.VIEW_COLUMN, dev.shale.model.View.Column.class));
        parts.forEach((codec, type) -> assertEquals(type.getRecordComponents().length, codec.fieldCount(),
                "format " + c.format + ", " + type.getSimpleName() + ": a component without a snapshot field would be lost on the way to the file"));
    }

    @Test
    void messagesForMalformedPartsAreExact() {
        String text = SnapshotJson.write(Snapshot.next(null, richModel()));
        Snapshot one = Snapshot.next(null, richModel());
        String formatOne = SnapshotJson.write(new Snapshot(1, one.dialect(), one.id(), one.prevId(), one.model()));
        assertMessage(formatOne.replace("\"public.user_role\": {", "\"public.role\": {"),
                "0000_snapshot.json ($.enums.\"public.role\"): is keyed \"public.role\" but names public.user_role;"
                        + " the key must be <schema>.<name>");
        assertMessage(text.replaceFirst("\"notNull\": true", "\"notNul\": true"),
                "0000_snapshot.json ($.externalTables.\"auth.users\".columns[0].notNul): is not a known field"
                        + " (expected one of [collation, comment, default, generated, identity, name, notNull, type]); the file may have been edited by hand or written by a newer Shale");
        assertMessage(text.replaceFirst("\"referencedColumns\": \\[[^]]*],", ""),
                "0000_snapshot.json ($.tables.\"app.po\"sts\".foreignKeys.\"posts_auth_fkey\".referencedColumns): is missing");
        assertMessage(text.replaceFirst("\"tables\": \\{", "\"tables\": {\"bad\": [],"),
                "0000_snapshot.json ($.tables.\"bad\"): must be a JSON object");
        assertMessage(text.replace("\"number\": \"0.5\"", "\"number\": \"abc\""),
                "0000_snapshot.json ($.tables.\"public.users\".columns[4].default): default value abc: is not a number");
    }

    private static void assertMessage(String text, String expected) {
        assertEquals(expected, assertThrows(SnapshotException.class, () -> SnapshotJson.read(text, "0000_snapshot.json")).getMessage());
    }

    @Test
    void typesKnownByNameRoundTripAndOldSpecsReadAsBefore() {
        Table t = Table.of(QualifiedName.of("docs"), List.of(
                new Column("email", ColumnType.named("citext"), true, DefaultValue.string("a@b")),
                new Column("body", ColumnType.named("tsvector"), false, null),
                new Column("place", ColumnType.named("geometry(Point,4326)"), false, null),
                new Column("tags", new ColumnType.ArrayOf(ColumnType.named("\"My Type\"")), false, null),
                new Column("price", ColumnType.named("money"), false, DefaultValue.expression("0")),
                new Column("amount", ColumnType.named("app.positive_amount"), false, null)));
        Snapshot s = Snapshot.next(null, new SchemaModel(List.of(), List.of(t), List.of()));
        String text = SnapshotJson.write(s);
        assertEquals(s, SnapshotJson.read(text, "0003_snapshot.json"));
        assertTrue(text.contains("\"type\": \"named:citext\""), text);
        assertTrue(text.contains("\"type\": \"named:\\\"My Type\\\"[]\""), text);
        assertEquals(text, SnapshotJson.write(SnapshotJson.read(text, "x")));
        String old = SnapshotJson.write(Snapshot.next(null, richModel()));
        assertTrue(!old.contains("named:"), "a model without named types writes no named: spec");
        assertEquals(richModel(), SnapshotJson.read(old, "x").model());
    }
}
