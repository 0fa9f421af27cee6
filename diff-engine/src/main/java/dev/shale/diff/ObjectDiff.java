package dev.shale.diff;

import dev.shale.change.AlterExtension;
import dev.shale.change.AlterSequence;
import dev.shale.change.CreateExtension;
import dev.shale.change.CreateSequence;
import dev.shale.change.DropExtension;
import dev.shale.change.DropSchema;
import dev.shale.change.DropSequence;
import dev.shale.change.SetSequenceOwner;
import dev.shale.diff.ChangeOrder.Phase;
import dev.shale.model.Extension;
import dev.shale.model.QualifiedName;
import dev.shale.model.SchemaModel;
import dev.shale.model.Sequence;
import dev.shale.model.Table;

import java.util.Objects;

/**
 * The standalone objects of a schema: schemas dropped, extensions and sequences created, altered and
 * dropped. (Schemas are created by {@link SchemaDiff}, comments by {@link CommentDiff}.)
 *
 * <p><b>Schemas.</b> A schema is dropped (never CASCADE, after every other drop) when the old model
 * had it, declared or as the home of owned objects, and the new model has neither; {@code public} is
 * never dropped, nor a schema that external tables of the new model live in. A schema the old model
 * never had is not Shale's, so it is never dropped. Without CASCADE the drop fails, rather than take
 * them along, when objects Shale does not own still live there.
 *
 * <p><b>Extensions.</b> A new model that names no version accepts any installed version, and one
 * that names no schema accepts the extension in any schema; otherwise {@code ALTER EXTENSION ... UPDATE
 * TO} or {@code SET SCHEMA} moves it in place.
 *
 * <p><b>Sequences.</b> Options compare with PostgreSQL's defaults filled in ({@link SequenceDefaults})
 * and change in place. A renamed sequence is dropped and created again (its current value is lost, a
 * data-loss hazard). OWNED BY is set after the tables exist and released before anything is dropped, so
 * that dropping the old owning column does not take the sequence along.
 */
final class ObjectDiff {
    private ObjectDiff() {}

    static void diff(SchemaModel from, SchemaModel to, ChangeOrder order) {
        schemas(from, to, order);
        extensions(from, to, order);
        sequences(from, to, order);
    }

    private static void schemas(SchemaModel from, SchemaModel to, ChangeOrder order) {
        for (String schema : from.schemas()) {
            boolean external = to.externalTables().stream().anyMatch(t -> t.name().schema().equals(schema));
            if (!schema.equals(QualifiedName.DEFAULT_SCHEMA) && !to.schemas().contains(schema) && !external) {
                order.addGrouped(Phase.DROP_SCHEMA, 0, QualifiedName.of(schema, schema), new DropSchema(schema));
            }
        }
    }

    private static void extensions(SchemaModel from, SchemaModel to, ChangeOrder order) {
        for (Extension e : to.extensions()) {
            Extension old = from.extension(e.name());
            QualifiedName key = QualifiedName.of(e.name(), e.name());
            if (old == null) {
                order.add(Phase.CREATE_EXTENSION, key, 0, "", new CreateExtension(e));
                continue;
            }
            boolean version = e.version() != null && !e.version().equals(old.version());
            boolean schema = e.schema() != null && !e.schema().equals(old.schema());
            if (version || schema) {
                Extension target = old.withVersion(version ? e.version() : old.version())
                        .withSchema(schema ? e.schema() : old.schema());
                order.add(Phase.CREATE_EXTENSION, key, 1, "", new AlterExtension(old, target));
            }
        }
        for (Extension old : from.extensions()) {
            if (to.extension(old.name()) == null) {
                order.add(Phase.DROP_EXTENSION, QualifiedName.of(old.name(), old.name()), 0, "", new DropExtension(old));
            }
        }
    }

    private static void sequences(SchemaModel from, SchemaModel to, ChangeOrder order) {
        for (Sequence q : to.sequences()) {
            Sequence old = from.sequence(q.name());
            if (old == null) {
                order.add(Phase.CREATE_SEQUENCE, q.name(), 0, "", new CreateSequence(q));
                if (q.ownedBy() != null) {
                    order.add(Phase.ALTER_SEQUENCE, q.name(), 1, "", new SetSequenceOwner(q.name(), q.ownedBy()));
                }
                continue;
            }
            if (!SequenceDefaults.same(old.options(), q.options())) {
                order.add(Phase.ALTER_SEQUENCE, q.name(), 0, "", new AlterSequence(q.name(), old.options(), q.options()));
            }
            if (!Objects.equals(old.ownedBy(), q.ownedBy())) {
                if (q.ownedBy() == null || ownerGoes(old, to)) {
                    order.add(Phase.CREATE_SEQUENCE, q.name(), 1, "", new SetSequenceOwner(q.name(), null));
                }
                if (q.ownedBy() != null) {
                    order.add(Phase.ALTER_SEQUENCE, q.name(), 1, "", new SetSequenceOwner(q.name(), q.ownedBy()));
                }
            }
        }
        for (Sequence old : from.sequences()) {
            if (to.sequence(old.name()) == null) {
                if (old.ownedBy() != null && ownerGoes(old, to)) {
                    order.add(Phase.CREATE_SEQUENCE, old.name(), 1, "", new SetSequenceOwner(old.name(), null));
                }
                order.add(Phase.DROP_SEQUENCE, old.name(), 0, "", new DropSequence(old));
            }
        }
    }

    /** Whether the column that owns {@code old} is dropped (with its table or alone) on the way to {@code to}. */
    private static boolean ownerGoes(Sequence old, SchemaModel to) {
        if (old.ownedBy() == null) {
            return false;
        }
        Table t = to.table(old.ownedBy().table());
        return t == null || t.column(old.ownedBy().column()) == null;
    }
}
