package dev.shale.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The builders and {@code with...} methods of the model: they give exactly what the canonical
 * constructors give, change only the part they name, and check the same rules.
 */
class ModelBuildersTest {
    private static final ColumnType UUID = ColumnType.Builtin.of(PgType.UUID);
    private static final ColumnType TEXT = ColumnType.Builtin.of(PgType.TEXT);
    private static final QualifiedName USERS = QualifiedName.of("users");
    private static final QualifiedName POSTS = QualifiedName.of("posts");
    private static final EnumType ROLE = new EnumType(QualifiedName.of("role"), List.of("admin", "member"));

    private static final Column ID = new Column("id", UUID, true, null);
    private static final Column EMAIL = new Column("email", TEXT, false, null);
    private static final PrimaryKey PK = new PrimaryKey("users_pkey", List.of("id"));
    private static final Unique EMAIL_KEY = new Unique("users_email_key", List.of("email"));
    private static final Check EMAIL_SHAPE = new Check("users_email_shape", "position('@' in email) > 1");
    private static final Index EMAIL_IDX = new Index("users_email_idx", false, IndexMethod.BTREE,
            List.of(IndexKey.expression("lower(email)")), null);

    private static Table users() {
        return new Table(USERS, List.of(ID, EMAIL), PK, List.of(EMAIL_KEY), List.of(EMAIL_SHAPE), List.of(), List.of(EMAIL_IDX));
    }

    private static Table posts() {
        return new Table(POSTS, List.of(ID, new Column("author", UUID, false, null)), new PrimaryKey("posts_pkey", List.of("id")),
                List.of(), List.of(), List.of(ForeignKey.of("posts_author_fkey", List.of("author"), USERS, List.of("id"))), List.of());
    }

    @Test
    void aBuiltTableEqualsTheConstructedOneWhateverTheOrderOfItsNamedParts() {
        Table built = Table.builder(USERS).addColumn(ID).addColumn(EMAIL).addIndex(EMAIL_IDX).addCheck(EMAIL_SHAPE)
                .addUnique(EMAIL_KEY).primaryKey(PK).build();
        assertEquals(users(), built);
        Table twoUniques = Table.builder(USERS).columns(List.of(ID, EMAIL, new Column("nick", TEXT, false, null)))
                .addUnique(new Unique("z_key", List.of("nick"))).addUnique(new Unique("a_key", List.of("email"))).build();
        assertEquals(List.of("a_key", "z_key"), twoUniques.uniques().stream().map(Unique::name).toList(), "sorted by name");
        assertEquals(users(), users().toBuilder().build());
        assertEquals(Table.of(USERS, List.of(ID)), Table.builder(USERS).addColumn(ID).build());
    }

    @Test
    void eachTableWithMethodChangesOnlyItsPart() {
        Table t = users();
        assertEquals(new Table(POSTS, t.columns(), PK, t.uniques(), t.checks(), t.foreignKeys(), t.indexes()), t.withName(POSTS));
        assertEquals(new Table(USERS, t.columns(), PK, List.of(), t.checks(), t.foreignKeys(), t.indexes()), t.withUniques(List.of()));
        assertEquals(new Table(USERS, t.columns(), PK, t.uniques(), List.of(), t.foreignKeys(), t.indexes()), t.withChecks(List.of()));
        assertEquals(new Table(USERS, t.columns(), PK, t.uniques(), t.checks(), t.foreignKeys(), List.of()), t.withIndexes(List.of()));
        assertEquals(new Table(USERS, t.columns(), null, t.uniques(), t.checks(), t.foreignKeys(), t.indexes()), t.withPrimaryKey(null));
        Column nick = new Column("nick", TEXT, false, null);
        assertEquals(List.of(ID, EMAIL, nick), t.withColumns(List.of(ID, EMAIL, nick)).columns());
        assertEquals(List.of(PK, EMAIL_KEY, EMAIL_SHAPE), t.withIndexes(List.of()).constraints(), "the rest is kept");
    }

    @Test
    void withMethodsCheckTheWholeTableSoCoordinatedEditsGoThroughOneBuilder() {
        // Renaming a column that a constraint names: one with... at a time breaks the table in between.
        List<Column> renamed = List.of(ID, EMAIL.withName("mail"));
        InvalidModelException e = assertThrows(InvalidModelException.class, () -> users().withColumns(renamed));
        assertEquals("table \"public\".\"users\"", e.object());
        assertTrue(e.reason().contains("names column \"email\", which the table does not have"), e.reason());
        Table ok = users().toBuilder().columns(renamed).uniques(List.of(EMAIL_KEY.withColumns(List.of("mail"))))
                .checks(List.of(EMAIL_SHAPE.withExpression("position('@' in mail) > 1")))
                .indexes(List.of(EMAIL_IDX.withKeys(List.of(IndexKey.expression("lower(mail)"))))).build();
        assertEquals("mail", ok.columns().get(1).name());
        assertEquals(PK, ok.primaryKey());
    }

    @Test
    void aPrimaryKeyGivenByAWithMethodMakesItsColumnsNotNull() {
        Table t = Table.of(USERS, List.of(new Column("id", UUID, false, null), EMAIL)).withPrimaryKey(PK);
        assertTrue(t.column("id").notNull());
        assertFalse(t.column("email").notNull());
    }

    @Test
    void constraintsOfAnyKindGoWhereTheyBelong() {
        Table t = users();
        assertEquals(t, Table.builder(USERS).columns(t.columns()).constraints(t.constraints()).indexes(t.indexes()).build());
        Table swapped = t.toBuilder().constraints(List.of(new PrimaryKey("people_pkey", List.of("id")))).build();
        assertEquals("people_pkey", swapped.primaryKey().name());
        assertTrue(swapped.uniques().isEmpty() && swapped.checks().isEmpty(), "constraints(...) replaces every kind");
    }

    @Test
    void theBuilderRejectsNullsAtTheCallThatGaveThemAndBrokenRulesAtBuild() {
        Table.Builder b = Table.builder(USERS);
        InvalidModelException e = assertThrows(InvalidModelException.class, () -> b.addColumn(null));
        assertEquals("table \"public\".\"users\": a null column was given", e.getMessage());
        assertThrows(InvalidModelException.class, () -> b.indexes(null));
        assertThrows(InvalidModelException.class, () -> b.addConstraint(null));
        assertEquals("table: name is required", assertThrows(InvalidModelException.class, () -> Table.builder(null)).getMessage());
        Table.Builder twice = Table.builder(USERS).addColumn(ID).addColumn(ID);
        e = assertThrows(InvalidModelException.class, twice::build);
        assertTrue(e.reason().contains("is declared twice"), e.reason());
    }

    @Test
    void aBuiltModelEqualsTheConstructedOneAndWithMethodsKeepTheRest() {
        SchemaModel constructed = new SchemaModel(List.of(ROLE), List.of(users(), posts()), List.of());
        SchemaModel built = SchemaModel.builder().addTable(posts()).addEnum(ROLE).addTable(users()).build();
        assertEquals(constructed, built);
        assertEquals(constructed, constructed.toBuilder().build());
        assertEquals(List.of(), constructed.withEnums(List.of()).enums());
        assertEquals(constructed.tables(), constructed.withEnums(List.of()).tables());

        Table usersWithNick = users().withColumns(List.of(ID, EMAIL, new Column("nick", TEXT, false, null)));
        SchemaModel replaced = constructed.withTable(usersWithNick);
        assertEquals(2, replaced.tables().size(), "a table of the same name is replaced, not added");
        assertEquals(usersWithNick, replaced.table(USERS));
        assertSame(constructed.table(POSTS), replaced.table(POSTS));
        Table extra = Table.of(QualifiedName.of("extra"), List.of(ID));
        assertEquals(3, constructed.withTable(extra).tables().size(), "a table of a new name is added");
        assertNull(SchemaModel.EMPTY.withExternalTables(List.of(extra)).table(extra.name()));
        assertEquals(extra, SchemaModel.EMPTY.withExternalTables(List.of(extra)).externalTable(extra.name()));
    }

    @Test
    void modelWithMethodsCheckTheWholeModel() {
        SchemaModel m = new SchemaModel(List.of(), List.of(users(), posts()), List.of());
        InvalidModelException e = assertThrows(InvalidModelException.class, () -> m.withTables(List.of(posts())));
        assertTrue(e.reason().contains("references table \"public\".\"users\", which is not part of the schema"), e.reason());
        assertEquals(m.tables(), m.withExternalTables(List.of()).tables());
        assertThrows(InvalidModelException.class, () -> SchemaModel.builder().addTable(null));
        assertThrows(InvalidModelException.class, () -> SchemaModel.builder().enums(null));
    }

    @Test
    void partsChangeOneComponentAndKeepTheirRules() {
        Column c = Column.of("n", TEXT);
        assertEquals(new Column("n", TEXT, false, null), c);
        assertEquals(new Column("n", UUID, true, DefaultValue.expression("gen_random_uuid()")),
                c.withType(UUID).withNotNull(true).withDefault(DefaultValue.expression("gen_random_uuid()")));
        assertThrows(InvalidModelException.class, () -> c.withType(ColumnType.Builtin.of(PgType.SERIAL)).withDefault(DefaultValue.number("1")),
                "a serial column takes no default, whichever way it is built");
        assertTrue(c.withType(ColumnType.Builtin.of(PgType.SERIAL)).notNull(), "serial columns are NOT NULL");

        Index ix = Index.of("i", List.of(IndexKey.column("n")));
        assertEquals(new Index("i", false, IndexMethod.BTREE, List.of(IndexKey.column("n")), null), ix);
        assertEquals(new Index("i", true, IndexMethod.BTREE, List.of(IndexKey.column("n")), "n <> ''"), ix.withUnique(true).withWhere("n <> ''"));
        assertEquals(IndexMethod.GIN, ix.withMethod(IndexMethod.GIN).method());
        assertThrows(InvalidModelException.class, () -> ix.withMethod(IndexMethod.GIN).withUnique(true), "unique needs btree");
        assertThrows(InvalidModelException.class, () -> ix.withKeys(List.of()));
        assertEquals(new IndexKey(null, "lower(n)", true, NullsOrder.LAST),
                IndexKey.column("n").withExpression("lower(n)").withDescending(true).withNulls(NullsOrder.LAST));

        ForeignKey fk = ForeignKey.of("f", List.of("a"), USERS, List.of("id"));
        assertEquals(new ForeignKey("f", List.of("a"), USERS, List.of("id"), ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION), fk);
        assertEquals(new ForeignKey("f", List.of("b"), POSTS, List.of("pid"), ReferentialAction.CASCADE, ReferentialAction.SET_NULL),
                fk.withColumns(List.of("b")).withReferencedTable(POSTS).withReferencedColumns(List.of("pid"))
                        .withOnDelete(ReferentialAction.CASCADE).withOnUpdate(ReferentialAction.SET_NULL));
        assertThrows(InvalidModelException.class, () -> fk.withColumns(List.of("a", "b")), "one referenced column per column");

        assertEquals(new PrimaryKey("k", List.of("x", "y")), new PrimaryKey("k", List.of("x")).withColumns(List.of("x", "y")));
        assertEquals(new Unique("k", List.of("y")), new Unique("k", List.of("x")).withColumns(List.of("y")));
        assertThrows(InvalidModelException.class, () -> new Check("k", "x > 0").withExpression(" "));
        assertEquals(new EnumType(QualifiedName.of("app", "role"), List.of("a")),
                ROLE.withName(QualifiedName.of("app", "role")).withValues(List.of("a")));
        assertThrows(InvalidModelException.class, () -> ROLE.withValues(List.of("a", "a")));
    }
}
