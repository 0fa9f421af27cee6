package dev.shale.dsl;

import dev.shale.model.Index;
import dev.shale.model.IndexKey;
import dev.shale.model.IndexMethod;
import dev.shale.model.QualifiedName;
import dev.shale.model.View;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A view or materialized view, declared with its SQL text. Hold it in a static field:
 * <pre>{@code
 * static final PgView ACTIVE_USERS = PgView.view("active_users")
 *         .as("select id, email from users where deleted_at is null").securityBarrier();
 * static final PgView USER_STATS = PgView.materializedView("app", "user_stats")
 *         .as("select role, count(*) as n from users group by role").withNoData()
 *         .uniqueIndex("user_stats_role_key", "role");
 * }</pre>
 * The query is SQL, kept as written and compared with a database as PostgreSQL normalises it, so
 * reformatting it is not a change there. Name the tables it reads with their schema, or rely on the
 * migration's search path as for any other SQL in the schema.
 */
public final class PgView {
    private final QualifiedName name;
    private final boolean materialized;
    private final SourceLocation location;
    private String query;
    private final List<View.Column> columns = new ArrayList<>();
    private View.CheckOption checkOption = View.CheckOption.NONE;
    private boolean securityBarrier;
    private boolean securityInvoker;
    private boolean withData = true;
    private final Map<String, String> storage = new TreeMap<>();
    private final List<Index> indexes = new ArrayList<>();
    private String comment;

    private PgView(String schema, String name, boolean materialized) {
        this.location = SourceLocation.caller();
        this.materialized = materialized;
        this.name = Table.modelOrFail(location, () -> View.of(QualifiedName.of(schema, name), "select 1").name());
    }

    /** The view {@code name} in {@code public}. */
    public static PgView view(String name) {
        return new PgView(QualifiedName.DEFAULT_SCHEMA, name, false);
    }

    /** The view {@code name} in {@code schema}. */
    public static PgView view(String schema, String name) {
        return new PgView(schema, name, false);
    }

    /** The materialized view {@code name} in {@code public}. */
    public static PgView materializedView(String name) {
        return new PgView(QualifiedName.DEFAULT_SCHEMA, name, true);
    }

    /** The materialized view {@code name} in {@code schema}. */
    public static PgView materializedView(String schema, String name) {
        return new PgView(schema, name, true);
    }

    /** Its query: the SELECT text after {@code AS}. */
    public PgView as(String sql) {
        this.query = sql;
        return this;
    }

    /** The column list {@code (a, b)}: names for the query's output columns, in order. */
    public PgView columns(String... names) {
        for (String n : names) {
            columns.add(Table.modelOrFail(SourceLocation.caller(), () -> new View.Column(n, null)));
        }
        return this;
    }

    /**
     * One output column with its type as PostgreSQL writes it ({@code "integer"}, {@code "text"}): with
     * every column typed, a changed query is migrated with {@code CREATE OR REPLACE VIEW} when PostgreSQL
     * allows it (same leading columns and types); otherwise the view is dropped and created again.
     */
    public PgView column(String columnName, String type) {
        columns.add(Table.modelOrFail(SourceLocation.caller(), () -> new View.Column(columnName, type)));
        return this;
    }

    /** {@code WITH LOCAL CHECK OPTION} or {@code WITH CASCADED CHECK OPTION}. */
    public PgView withCheckOption(View.CheckOption option) {
        this.checkOption = option;
        return this;
    }

    /** The {@code security_barrier} option. */
    public PgView securityBarrier() {
        this.securityBarrier = true;
        return this;
    }

    /** The {@code security_invoker} option (PostgreSQL 15): the caller's privileges and row security apply. */
    public PgView securityInvoker() {
        this.securityInvoker = true;
        return this;
    }

    /** {@code WITH NO DATA}: a materialized view created empty, filled by the first REFRESH. */
    public PgView withNoData() {
        this.withData = false;
        return this;
    }

    /** A storage parameter of a materialized view: {@code with("fillfactor", 70)}. */
    public PgView with(String parameter, Object value) {
        storage.put(parameter, String.valueOf(value));
        return this;
    }

    /** An index on columns of a materialized view. */
    public PgView index(String indexName, String... columnNames) {
        return addIndex(indexName, false, columnNames);
    }

    /** A unique index on columns of a materialized view (REFRESH ... CONCURRENTLY needs one). */
    public PgView uniqueIndex(String indexName, String... columnNames) {
        return addIndex(indexName, true, columnNames);
    }

    /** Any index of a materialized view, as the model describes it (keys, method, predicate, options). */
    public PgView index(Index index) {
        indexes.add(index);
        return this;
    }

    /** Its comment ({@code COMMENT ON VIEW} / {@code MATERIALIZED VIEW}). */
    public PgView comment(String text) {
        this.comment = text;
        return this;
    }

    public QualifiedName name() {
        return name;
    }

    SourceLocation location() {
        return location;
    }

    public View toModel() {
        if (query == null) {
            throw new SchemaDefinitionException(location, (materialized ? "materialized view " : "view ") + name.display()
                    + " has no query; call .as(\"select ...\") on it");
        }
        return Table.modelOrFail(location, () -> new View(name, query, columns, materialized, checkOption, securityBarrier,
                securityInvoker, withData, storage, indexes, comment));
    }

    private PgView addIndex(String indexName, boolean unique, String... columnNames) {
        SourceLocation at = SourceLocation.caller();
        List<IndexKey> keys = new ArrayList<>();
        for (String c : columnNames) {
            keys.add(Table.modelOrFail(at, () -> IndexKey.column(c)));
        }
        indexes.add(Table.modelOrFail(at, () -> new Index(indexName, unique, IndexMethod.BTREE, keys, null)));
        return this;
    }
}
