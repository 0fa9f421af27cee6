package dev.shale.evolution;

import dev.shale.change.AlterColumn;
import dev.shale.change.AlterPolicy;
import dev.shale.change.CreatePolicy;
import dev.shale.change.DropPolicy;
import dev.shale.change.GrantPrivilege;
import dev.shale.change.RevokePrivilege;
import dev.shale.change.SetRowSecurity;
import dev.shale.dsl.Column;
import dev.shale.dsl.PgRole;
import dev.shale.dsl.SchemaBuilder;
import dev.shale.dsl.Table;
import dev.shale.model.SchemaModel;

import java.util.List;

import static dev.shale.model.Grant.Privilege.INSERT;
import static dev.shale.model.Grant.Privilege.SELECT;
import static dev.shale.model.Grant.Privilege.UPDATE;

/**
 * Row-level security, policies and privileges on a table holding rows, written with the DSL. Rows are
 * read as the role the policies are for ({@code SET ROLE}, through a helper function the setup creates:
 * the test's own user is a superuser, which row-level security never filters).
 */
final class AccessEvolutions {
    private AccessEvolutions() {}

    static final String READER = "shale_test_rls_reader";

    /** The reader role (cluster-wide, created only when missing) and {@code rows_as(role, query)}. */
    static final String SETUP = "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + READER + "') THEN"
            + " CREATE ROLE " + READER + " NOLOGIN; END IF;"
            + " EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;"
            + " CREATE FUNCTION public.rows_as(r text, q text) RETURNS SETOF text LANGUAGE plpgsql AS $f$"
            + " BEGIN EXECUTE format('SET ROLE %I', r); RETURN QUERY EXECUTE q; RESET ROLE; END $f$;";

    static final String SEED = "INSERT INTO public.notes (id, author, body) VALUES (1, '" + READER + "', 'mine'),"
            + " (2, 'someone_else', 'theirs')";
    static final String ALL_ROWS = "SELECT body FROM public.notes ORDER BY id";
    static final String AS_READER = "SELECT public.rows_as('" + READER + "', 'SELECT body FROM public.notes ORDER BY id')";

    /**
     * public.notes; with RLS, an owner-only policy (as written, or altered) and grants to the reader; version 3
     * is version 1 with UPDATE on the whole table besides UPDATE on body.
     */
    static final class Notes extends Table {
        final Column<Integer> id = integer("id").primaryKey();
        final Column<String> author;
        final Column<String> body = text("body").notNull();

        Notes(int version, boolean varcharAuthor) {
            super("notes");
            author = varcharAuthor ? varchar("author", 100).notNull() : text("author").notNull();
            PgRole reader = PgRole.external(READER);
            if (version >= 1) {
                enableRowLevelSecurity();
                grant(SELECT, INSERT).to(reader);
                grant(UPDATE).onColumns(body).to(reader);
            }
            if (version == 3) {
                grant(UPDATE).to(reader);
            }
            if (version == 1 || version == 3) {
                policy("authors see their notes").forSelect().to(reader).using("author = current_user");
            }
            if (version == 2) {
                policy("authors see their notes").forSelect().to(reader, PgRole.PUBLIC).using("author = current_user or id = 2");
            }
        }
    }

    private static SchemaModel dsl(Object... objects) {
        return SchemaBuilder.build(List.of(objects)).model();
    }

    static List<Evolution> cases() {
        return List.of(
                Evolution.named("row-level security enabled with an owner-only policy: the role sees its own rows")
                        .from(dsl(new Notes(0, false)))
                        .to(dsl(new Notes(1, false)))
                        .setup(SETUP).seed(SEED)
                        .keeps(ALL_ROWS, "mine", "theirs")
                        .keeps(AS_READER, "mine")
                        .expects(SetRowSecurity.class, CreatePolicy.class, GrantPrivilege.class)
                        .losesNoData().build(),
                Evolution.named("a policy altered in place (roles and USING) keeps the rows and widens what the role sees")
                        .from(dsl(new Notes(1, false)))
                        .to(dsl(new Notes(2, false)))
                        .setup(SETUP).seed(SEED)
                        .keeps(AS_READER, "mine", "theirs")
                        .expects(AlterPolicy.class)
                        .forbids(DropPolicy.class, CreatePolicy.class)
                        .losesNoData().build(),
                Evolution.named("a column's type changes under a policy that uses it: the policy is dropped and created around it")
                        .from(dsl(new Notes(1, true)))
                        .to(dsl(new Notes(1, false)))
                        .setup(SETUP).seed(SEED)
                        .keeps(ALL_ROWS, "mine", "theirs")
                        .keeps(AS_READER, "mine")
                        .expects(DropPolicy.class, AlterColumn.class, CreatePolicy.class)
                        .losesNoData().build(),
                Evolution.named("UPDATE on the table revoked, UPDATE on a column kept: REVOKE takes the column's along, so it is granted again")
                        .from(dsl(new Notes(3, false)))
                        .to(dsl(new Notes(1, false)))
                        .setup(SETUP).seed(SEED)
                        .keeps(AS_READER, "mine")
                        .expects(RevokePrivilege.class, GrantPrivilege.class)
                        .losesNoData().build(),
                Evolution.named("privileges revoked, the policy dropped and row-level security disabled")
                        .from(dsl(new Notes(1, false)))
                        .to(dsl(new Notes(0, false)))
                        .setup(SETUP).seed(SEED)
                        .keeps(ALL_ROWS, "mine", "theirs")
                        .expects(RevokePrivilege.class, DropPolicy.class, SetRowSecurity.class)
                        .losesNoData().build());
    }
}
