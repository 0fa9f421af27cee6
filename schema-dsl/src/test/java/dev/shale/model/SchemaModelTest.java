package dev.shale.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules a whole {@link SchemaModel} checks, whatever built it (DSL, snapshot, database). */
class SchemaModelTest {
    private static final ColumnType UUID = ColumnType.Builtin.of(PgType.UUID);
    private static final ColumnType TEXT = ColumnType.Builtin.of(PgType.TEXT);
    private static final QualifiedName USERS = QualifiedName.of("users");
    private static final QualifiedName POSTS = QualifiedName.of("posts");

    private static Table users(List<Unique> uniques, List<Index> indexes) {
        return new Table(USERS, List.of(new Column("id", UUID, true, null), new Column("email", TEXT, true, null)),
                new PrimaryKey("users_pkey", List.of("id")), uniques, List.of(), List.of(), indexes);
    }

    private static Table posts(String referencedColumn) {
        return new Table(POSTS, List.of(new Column("id", UUID, true, null), new Column("author", TEXT, false, null)),
                new PrimaryKey("posts_pkey", List.of("id")), List.of(), List.of(),
                List.of(new ForeignKey("posts_author_fkey", List.of("author"), USERS, List.of(referencedColumn),
                        ReferentialAction.SET_NULL, null)), List.of());
    }

    private static InvalidModelException invalid(Runnable build) {
        return assertThrows(InvalidModelException.class, build::run);
    }

    @Test
    void aUniqueRepeatingTheKeyColumnsIsRejectedSincePostgresWouldKeepOne() {
        var e = invalid(() -> users(List.of(new Unique("users_id_key", List.of("id"))), List.of()));
        assertTrue(e.reason().contains("repeats the columns [id]"), e.reason());
        invalid(() -> users(List.of(new Unique("a", List.of("email")), new Unique("b", List.of("email"))), List.of()));
        // the same columns in another order are a different constraint, and PostgreSQL keeps both
        new Table(USERS, List.of(new Column("id", UUID, true, null), new Column("email", TEXT, true, null)),
                new PrimaryKey("users_pkey", List.of("id", "email")), List.of(new Unique("users_email_id_key", List.of("email", "id"))),
                List.of(), List.of(), List.of());
    }

    @Test
    void serialColumnsAreAlwaysNotNull() {
        assertTrue(new Column("n", ColumnType.Builtin.of(PgType.SERIAL), false, null).notNull());
        assertTrue(new Column("n", ColumnType.Builtin.of(PgType.BIGSERIAL), false, null).notNull());
    }

    @Test
    void foreignKeyToANonUniqueColumnIsRejected() {
        var e = invalid(() -> new SchemaModel(List.of(), List.of(users(List.of(), List.of()), posts("email")), List.of()));
        assertEquals("table \"public\".\"posts\", foreign key \"posts_author_fkey\"", e.object());
        assertTrue(e.reason().contains("neither its primary key nor unique"), e.reason());
    }

    @Test
    void foreignKeyToAUniqueConstraintOrAFullUniqueIndexIsAccepted() {
        new SchemaModel(List.of(), List.of(users(List.of(new Unique("users_email_key", List.of("email"))), List.of()),
                posts("email")), List.of());
        Index full = new Index("users_email_idx", true, IndexMethod.BTREE, List.of(IndexKey.column("email")), null);
        new SchemaModel(List.of(), List.of(users(List.of(), List.of(full)), posts("email")), List.of());
    }

    @Test
    void aPartialUniqueIndexDoesNotMakeAForeignKeyTarget() {
        Index partial = new Index("users_email_idx", true, IndexMethod.BTREE, List.of(IndexKey.column("email")), "id is not null");
        var e = invalid(() -> new SchemaModel(List.of(), List.of(users(List.of(), List.of(partial)), posts("email")), List.of()));
        assertTrue(e.reason().contains("neither its primary key nor unique"), e.reason());
    }

    @Test
    void foreignKeyToAMissingTableOrColumnIsRejected() {
        var table = invalid(() -> new SchemaModel(List.of(), List.of(posts("id")), List.of()));
        assertTrue(table.reason().contains("references table \"public\".\"users\", which is not part of the schema"), table.reason());
        var column = invalid(() -> new SchemaModel(List.of(), List.of(users(List.of(), List.of()), posts("nope")), List.of()));
        assertTrue(column.reason().contains("references column \"nope\""), column.reason());
    }

    @Test
    void foreignKeyToAnExternalTableNeedsOnlyTheColumn() {
        Table authUsers = Table.of(USERS.withName("auth_users"), List.of(new Column("email", TEXT, false, null)));
        Table posts = new Table(POSTS, List.of(new Column("author", TEXT, false, null)), null, List.of(), List.of(),
                List.of(new ForeignKey("posts_author_fkey", List.of("author"), authUsers.name(), List.of("email"), null, null)),
                List.of());
        var model = new SchemaModel(List.of(), List.of(posts), List.of(authUsers));
        assertEquals(List.of(POSTS), model.tables().stream().map(Table::name).toList());
    }

    @Test
    void anIndexNamedLikeATableClashes() {
        Index clash = new Index("posts", false, IndexMethod.BTREE, List.of(IndexKey.column("email")), null);
        var e = invalid(() -> new SchemaModel(List.of(), List.of(users(List.of(), List.of(clash)), posts("id")), List.of()));
        assertEquals("index of table \"public\".\"users\"", e.object());
        assertTrue(e.reason().contains("already used by the table \"public\".\"posts\""), e.reason());
    }

    @Test
    void aUniqueConstraintNamedLikeAnotherTablesPrimaryKeyClashes() {
        var e = invalid(() -> new SchemaModel(List.of(),
                List.of(users(List.of(new Unique("posts_pkey", List.of("email"))), List.of()), posts("id")), List.of()));
        assertTrue(e.reason().contains("\"public\".\"posts_pkey\""), e.reason());
        assertTrue(e.reason().contains("share one namespace per schema"), e.reason());
    }

    @Test
    void theSameIndexNameInTwoSchemasIsFine() {
        Table a = new Table(QualifiedName.of("a", "t"), List.of(new Column("c", TEXT, false, null)), null, List.of(), List.of(),
                List.of(), List.of(new Index("t_c_idx", false, null, List.of(IndexKey.column("c")), null)));
        Table b = a.withName(QualifiedName.of("b", "t"));
        assertEquals(2, new SchemaModel(List.of(), List.of(b, a), List.of()).tables().size());
    }

    @Test
    void aColumnOfAnUndeclaredEnumIsRejected() {
        Table t = Table.of(QualifiedName.of("t"), List.of(new Column("c",
                new ColumnType.ArrayOf(new ColumnType.EnumRef(QualifiedName.of("mood"))), false, null)));
        var e = invalid(() -> new SchemaModel(List.of(), List.of(t), List.of()));
        assertTrue(e.reason().contains("\"public\".\"mood\", which is not an enum of the schema"), e.reason());
        var ok = new SchemaModel(List.of(new EnumType(QualifiedName.of("mood"), List.of("ok"))), List.of(t), List.of());
        assertEquals(1, ok.enums().size());
    }

    @Test
    void listsAreSortedSoEqualityIgnoresDeclarationOrder() {
        Table u = users(List.of(), List.of());
        Table p = posts("id");
        assertEquals(new SchemaModel(List.of(), List.of(u, p), List.of()), new SchemaModel(List.of(), List.of(p, u), List.of()));
    }

    @Test
    void aTableTwiceOrOwnedAndExternalIsRejected() {
        Table u = users(List.of(), List.of());
        assertTrue(invalid(() -> new SchemaModel(List.of(), List.of(u, u), List.of())).reason().contains("declared twice"));
        assertTrue(invalid(() -> new SchemaModel(List.of(), List.of(u), List.of(Table.of(USERS, List.of()))))
                .reason().contains("declared twice"));
    }
}
