package dev.shale.dsl;

import dev.shale.model.Deferral;
import dev.shale.model.ReferentialAction;

import java.util.List;
import java.util.function.Supplier;

/**
 * A named or multi-column foreign key being declared. {@link Of1}, {@link Of2} and {@link Of3} carry the column types so
 * that the referenced columns must match them in order, checked by the compiler.
 */
public final class CompositeForeignKey {
    private final String name;
    private final List<Column<?>> columns;
    private final SourceLocation location;
    private List<Supplier<? extends Column<?>>> targets;
    private ReferentialAction onDelete = ReferentialAction.NO_ACTION;
    private ReferentialAction onUpdate = ReferentialAction.NO_ACTION;
    private Deferral deferral = Deferral.NOT_DEFERRABLE;
    private boolean notValid;

    CompositeForeignKey(String name, List<Column<?>> columns, SourceLocation location) {
        this.name = name;
        this.columns = List.copyOf(columns);
        this.location = location;
    }

    /** Sets ON DELETE. */
    public CompositeForeignKey onDelete(ReferentialAction action) {
        this.onDelete = action;
        return this;
    }

    /** Sets ON UPDATE. */
    public CompositeForeignKey onUpdate(ReferentialAction action) {
        this.onUpdate = action;
        return this;
    }

    /** {@code DEFERRABLE} (initially immediate): a transaction may defer the check with SET CONSTRAINTS. */
    public CompositeForeignKey deferrable() {
        if (deferral == Deferral.NOT_DEFERRABLE) {
            deferral = Deferral.DEFERRABLE;
        }
        return this;
    }

    /** {@code DEFERRABLE INITIALLY DEFERRED}: checked at commit, so rows may refer to each other in any order. */
    public CompositeForeignKey initiallyDeferred() {
        deferral = Deferral.DEFERRED;
        return this;
    }

    /**
     * Added {@code NOT VALID}: existing rows are not checked, new ones are. Removing the call later makes
     * the next migration {@code VALIDATE CONSTRAINT}; an already validated key satisfies it.
     */
    public CompositeForeignKey notValid() {
        notValid = true;
        return this;
    }

    Deferral deferral() {
        return deferral;
    }

    boolean isNotValid() {
        return notValid;
    }

    String name() {
        return name;
    }

    List<Column<?>> columns() {
        return columns;
    }

    SourceLocation location() {
        return location;
    }

    List<Supplier<? extends Column<?>>> targets() {
        return targets;
    }

    ReferentialAction deleteAction() {
        return onDelete;
    }

    ReferentialAction updateAction() {
        return onUpdate;
    }

    /** A one-column key with a chosen name, waiting for its target. */
    public static final class Of1<A> {
        private final CompositeForeignKey fk;

        Of1(CompositeForeignKey fk) {
            this.fk = fk;
        }

        public CompositeForeignKey references(Supplier<Column<A>> a) {
            fk.targets = List.of(a);
            return fk;
        }
    }

    /** A two-column key waiting for its targets. */
    public static final class Of2<A, B> {
        private final CompositeForeignKey fk;

        Of2(CompositeForeignKey fk) {
            this.fk = fk;
        }

        public CompositeForeignKey references(Supplier<Column<A>> a, Supplier<Column<B>> b) {
            fk.targets = List.of(a, b);
            return fk;
        }
    }

    /** A three-column key waiting for its targets. */
    public static final class Of3<A, B, C> {
        private final CompositeForeignKey fk;

        Of3(CompositeForeignKey fk) {
            this.fk = fk;
        }

        public CompositeForeignKey references(Supplier<Column<A>> a, Supplier<Column<B>> b, Supplier<Column<C>> c) {
            fk.targets = List.of(a, b, c);
            return fk;
        }
    }
}
