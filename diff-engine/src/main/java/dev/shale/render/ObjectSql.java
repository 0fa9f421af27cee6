package dev.shale.render;

import dev.shale.change.AlterExtension;
import dev.shale.change.AlterSequence;
import dev.shale.change.CommentTarget;
import dev.shale.change.CreateExtension;
import dev.shale.change.CreateSequence;
import dev.shale.change.SetComment;
import dev.shale.change.SetSequenceOwner;
import dev.shale.diff.SequenceDefaults;
import dev.shale.model.Extension;
import dev.shale.model.SequenceOptions;

import java.util.ArrayList;
import java.util.List;

/**
 * Hand-written SQL for the standalone objects (extensions, sequences) and comments: jOOQ has no
 * CREATE EXTENSION, writes CREATE SEQUENCE options in an order of its own, and has no COMMENT ON
 * INDEX, CONSTRAINT or SCHEMA.
 */
final class ObjectSql {
    private ObjectSql() {}

    /** {@code COMMENT ON TABLE "public"."users" IS 'People';} */
    static String comment(SetComment c) {
        CommentTarget t = c.target();
        String on = switch (t.kind()) {
            case SCHEMA -> "SCHEMA " + Sql.ident(t.name().schema());
            case TABLE -> "TABLE " + Sql.qualified(t.name());
            case COLUMN -> "COLUMN " + Sql.qualified(t.name()) + "." + Sql.ident(t.subName());
            case INDEX -> "INDEX " + Sql.qualified(t.name().withName(t.subName()));
            case CONSTRAINT -> "CONSTRAINT " + Sql.ident(t.subName()) + " ON " + Sql.qualified(t.name());
            case TYPE -> "TYPE " + Sql.qualified(t.name());
            case DOMAIN -> "DOMAIN " + Sql.qualified(t.name());
            case SEQUENCE -> "SEQUENCE " + Sql.qualified(t.name());
            case VIEW -> "VIEW " + Sql.qualified(t.name());
            case MATERIALIZED_VIEW -> "MATERIALIZED VIEW " + Sql.qualified(t.name());
            case POLICY -> "POLICY " + Sql.ident(t.subName()) + " ON " + Sql.qualified(t.name());
        };
        return "COMMENT ON " + on + " IS " + (c.text() == null ? "NULL" : Sql.literal(c.text())) + ";";
    }

    /** The migration file's line for a comment change. */
    static String commentLine(SetComment c) {
        String target = c.target().display();
        return c.text() == null ? "remove comment on " + target : "comment on " + target;
    }

    static String createExtension(CreateExtension c) {
        Extension e = c.extension();
        return "CREATE EXTENSION IF NOT EXISTS " + Sql.ident(e.name())
                + (e.schema() == null ? "" : " WITH SCHEMA " + Sql.ident(e.schema()))
                + (e.version() == null ? "" : " VERSION " + Sql.literal(e.version())) + ";";
    }

    /** UPDATE TO for a new version, SET SCHEMA for a new schema: one statement each. */
    static String alterExtension(AlterExtension c) {
        List<String> out = new ArrayList<>();
        String name = Sql.ident(c.to().name());
        if (c.to().version() != null && !c.to().version().equals(c.from().version())) {
            out.add("ALTER EXTENSION " + name + " UPDATE TO " + Sql.literal(c.to().version()) + ";");
        }
        if (c.to().schema() != null && !c.to().schema().equals(c.from().schema())) {
            out.add("ALTER EXTENSION " + name + " SET SCHEMA " + Sql.ident(c.to().schema()) + ";");
        }
        return String.join("\n", out);
    }

    /** The options as declared, in the order PostgreSQL documents them; none for a default sequence. */
    static String createSequence(CreateSequence c) {
        SequenceOptions o = c.sequence().options();
        StringBuilder sql = new StringBuilder("CREATE SEQUENCE " + Sql.qualified(c.sequence().name()));
        if (o.type() != null) {
            sql.append(" AS ").append(o.type());
        }
        if (o.increment() != null) {
            sql.append(" INCREMENT BY ").append(o.increment());
        }
        if (o.minValue() != null) {
            sql.append(" MINVALUE ").append(o.minValue());
        }
        if (o.maxValue() != null) {
            sql.append(" MAXVALUE ").append(o.maxValue());
        }
        if (o.start() != null) {
            sql.append(" START WITH ").append(o.start());
        }
        if (o.cache() != null) {
            sql.append(" CACHE ").append(o.cache());
        }
        if (o.cycle()) {
            sql.append(" CYCLE");
        }
        return sql.append(';').toString();
    }

    /**
     * The options that differ once defaults are filled in. A new type or direction also restates the
     * bounds and the start (PostgreSQL checks them against each other), as values: NO MINVALUE would
     * take the default of the old direction. A new START WITH does not move the current value, which a
     * comment line in the SQL says; a new direction also RESTARTs at the new start, since the old current
     * value lies outside the new range. Narrowing the range past the current value fails (a MAY_FAIL hazard).
     */
    static String alterSequence(AlterSequence c) {
        SequenceDefaults.Effective a = SequenceDefaults.effective(c.from());
        SequenceDefaults.Effective b = SequenceDefaults.effective(c.to());
        boolean reshaped = !a.type().equals(b.type()) || a.ascending() != b.ascending();
        StringBuilder sql = new StringBuilder();
        if (a.ascending() != b.ascending()) {
            sql.append("-- the direction changes: RESTART moves the current value to the new start\n");
        } else if (a.start() != b.start()) {
            sql.append("-- START WITH only sets what RESTART goes back to: the current value stays where it is\n");
        }
        sql.append("ALTER SEQUENCE ").append(Sql.qualified(c.name()));
        if (!a.type().equals(b.type())) {
            sql.append(" AS ").append(b.type());
        }
        if (a.increment() != b.increment()) {
            sql.append(" INCREMENT BY ").append(b.increment());
        }
        if (reshaped || a.min() != b.min()) {
            sql.append(" MINVALUE ").append(b.min());
        }
        if (reshaped || a.max() != b.max()) {
            sql.append(" MAXVALUE ").append(b.max());
        }
        if (reshaped || a.start() != b.start()) {
            sql.append(" START WITH ").append(b.start());
        }
        if (a.cache() != b.cache()) {
            sql.append(" CACHE ").append(b.cache());
        }
        if (a.cycle() != b.cycle()) {
            sql.append(b.cycle() ? " CYCLE" : " NO CYCLE");
        }
        if (a.ascending() != b.ascending()) {
            sql.append(" RESTART");
        }
        return sql.append(';').toString();
    }

    static String setOwner(SetSequenceOwner c) {
        String owner = c.ownedBy() == null ? "NONE"
                : Sql.qualified(c.ownedBy().table()) + "." + Sql.ident(c.ownedBy().column());
        return "ALTER SEQUENCE " + Sql.qualified(c.name()) + " OWNED BY " + owner + ";";
    }
}
