package dev.shale.introspect;

import dev.shale.model.Check;
import dev.shale.model.Column;
import dev.shale.model.ColumnType;
import dev.shale.model.CompositeType;
import dev.shale.model.DefaultValue;
import dev.shale.model.Domain;
import dev.shale.model.EnumType;
import dev.shale.model.PrimaryKey;
import dev.shale.model.QualifiedName;
import dev.shale.model.SchemaModel;
import dev.shale.model.Table;
import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every built-in base type outside the model's own list, the extension types citext, hstore and ltree,
 * arrays of each, a domain column and a composite column: migrated, introspected and compared with
 * the declared model, spelled exactly as declared.
 */
class TypeRoundTripTest {

    /** The built-in base types carried by their {@code format_type} names. */
    static final List<String> BUILTIN_NAMED = List.of("money", "bit(8)", "bit varying(8)", "bit varying", "tsvector", "tsquery",
            "xml", "point", "line", "lseg", "box", "path", "polygon", "circle", "cidr", "macaddr", "macaddr8",
            "int4range", "int8range", "numrange", "tsrange", "tstzrange", "daterange",
            "int4multirange", "int8multirange", "nummultirange", "tsmultirange", "tstzmultirange", "datemultirange",
            "pg_lsn", "time with time zone", "time(3) with time zone", "time(3) without time zone",
            "timestamp(3) without time zone", "timestamp(0) with time zone", "interval year to month",
            "interval day to second(3)", "interval(2)", "\"char\"", "oid", "name", "jsonpath", "regclass", "txid_snapshot");

    static final List<String> EXTENSION_TYPES = List.of("citext", "hstore", "ltree");

    static final String EXTENSIONS = "CREATE EXTENSION IF NOT EXISTS citext; CREATE EXTENSION IF NOT EXISTS hstore;"
            + " CREATE EXTENSION IF NOT EXISTS ltree;";

    static SchemaModel model() {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("id", ColumnType.parse("integer"), true, null));
        int i = 0;
        List<String> all = new ArrayList<>(BUILTIN_NAMED);
        all.addAll(EXTENSION_TYPES);
        for (String sql : all) {
            ColumnType type = ColumnType.named(sql);
            columns.add(new Column("c" + i, type, false, null));
            columns.add(new Column("a" + i, new ColumnType.ArrayOf(type), false, null));
            i++;
        }
        for (String spec : List.of("varchar[]", "varchar(20)[]", "char(5)", "char(5)[]", "uuid[]", "numeric(10,2)[]", "inet[]")) {
            columns.add(new Column("b" + i++, ColumnType.parse(spec), false, null));
        }
        columns.add(new Column("price", ColumnType.named("money"), false, DefaultValue.string("0")));
        columns.add(new Column("email", ColumnType.parse("domain:public.email"), false, null));
        columns.add(new Column("emails", ColumnType.parse("domain:public.email[]"), false, null));
        columns.add(new Column("address", ColumnType.parse("composite:app.address"), false, null));
        columns.add(new Column("addresses", ColumnType.parse("composite:app.address[]"), false, null));
        columns.add(new Column("moods", ColumnType.parse("domain:app.moods"), false, null));
        Table everything = Table.builder(QualifiedName.of("everything")).columns(columns)
                .primaryKey(new PrimaryKey("everything_pkey", List.of("id"))).build();
        Domain email = new Domain(QualifiedName.of("email"), ColumnType.named("citext"), false,
                DefaultValue.string("nobody@example.com"), null,
                List.of(new Check("email_check", "VALUE ~ '@'"), new Check("email_length", "length(VALUE) < 200").withNotValid(true)), null);
        Domain code = new Domain(QualifiedName.of("code"), ColumnType.parse("varchar(8)"), true, null, "C", List.of(), null);
        Domain moods = Domain.of(QualifiedName.of("app", "moods"), ColumnType.parse("enum:app.mood[]"));
        CompositeType address = new CompositeType(QualifiedName.of("app", "address"), List.of(
                CompositeType.Attribute.of("street", ColumnType.parse("text")),
                new CompositeType.Attribute("zip", ColumnType.parse("varchar(10)"), "C"),
                CompositeType.Attribute.of("email", ColumnType.parse("domain:public.email")),
                CompositeType.Attribute.of("mood", ColumnType.parse("enum:app.mood")),
                CompositeType.Attribute.of("tags", ColumnType.named("hstore")),
                CompositeType.Attribute.of("at", ColumnType.named("timestamp(3) with time zone"))), null);
        CompositeType empty = CompositeType.of(QualifiedName.of("app", "nothing"), List.of());
        return SchemaModel.builder().enums(List.of(new EnumType(QualifiedName.of("app", "mood"), List.of("happy", "sad"))))
                .tables(List.of(everything)).domains(List.of(email, code, moods)).compositeTypes(List.of(address, empty)).build();
    }

    @Test
    void everyTypeRoundTripsAsDeclared() throws Exception {
        SchemaModel model = model();
        try (TestDatabase db = TestDatabase.create()) {
            db.execute(EXTENSIONS);
            RoundTrip.migrate(db, model);
            SchemaModel read = RoundTrip.assertCanonicalEqualsIntrospected(db, model);
            assertEquals(model.tables().get(0).columns().stream().map(c -> c.type().spec()).toList(),
                    read.tables().get(0).columns().stream().map(c -> c.type().spec()).toList(), "introspected as declared");
            assertEquals(model.domains().stream().map(d -> d.name() + " " + d.type().spec() + " " + d.notNull() + " " + d.collation()
                            + " " + d.checks().stream().map(k -> k.name() + (k.notValid() ? " not valid" : "")).toList()).toList(),
                    read.domains().stream().map(d -> d.name() + " " + d.type().spec() + " " + d.notNull() + " " + d.collation()
                            + " " + d.checks().stream().map(k -> k.name() + (k.notValid() ? " not valid" : "")).toList()).toList(),
                    "domains as declared (their expressions in PostgreSQL's form)");
            assertEquals(model.compositeTypes(), read.compositeTypes());
            try (Connection c = db.connect()) {
                assertEquals(List.of(), Introspector.read(c, model.schemas()).notManaged());
            }
            db.execute("INSERT INTO public.everything (id, c0, email, address, moods) VALUES"
                    + " (1, '1.50', 'A@X', ROW('Main St', '1000', 'a@x', 'happy', 'a=>1', now())::app.address, '{happy,sad}')");
            assertEquals(List.of("A@X"), db.strings("SELECT email::text FROM public.everything WHERE email = 'a@x'"), "citext compares without case");
        }
    }

    @Test
    void aRowTypeOfATableStaysATypeKnownByName() throws Exception {
        try (TestDatabase db = TestDatabase.create(); Connection c = db.connect()) {
            db.execute("CREATE TABLE public.a (id integer); CREATE TABLE public.b (id integer, row_of_a public.a);");
            Introspector.Introspection result = Introspector.read(c, java.util.Set.of("public"));
            assertEquals("named:a", result.model().table(QualifiedName.of("b")).column("row_of_a").type().spec());
            assertEquals(List.of(), result.model().compositeTypes());
        }
    }
}
