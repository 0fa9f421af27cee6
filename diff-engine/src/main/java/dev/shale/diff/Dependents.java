package dev.shale.diff;

import dev.shale.change.Change;
import dev.shale.change.CommentTarget;
import dev.shale.change.CreateIndex;
import dev.shale.change.CreateView;
import dev.shale.change.DropView;
import dev.shale.change.SetComment;
import dev.shale.model.Index;
import dev.shale.model.QualifiedName;
import dev.shale.model.SchemaModel;
import dev.shale.model.View;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one place that says what depends on what in a model: each family of dependent objects adds a
 * section here turning its objects into {@link Dependent}s (what it reads, how it is dropped, how it is
 * created with everything on it). Views and materialized views read the relations their query names
 * ({@link SqlNames}); functions, triggers and policies add their sections the same way.
 */
final class Dependents {
    private Dependents() {}

    /**
     * The dependents of {@code model}, with the relations they read mapped through {@code renamedTables}
     * (old name to new) so that names of the old model compare with those of the new one.
     */
    static List<Dependent> of(SchemaModel model, Map<QualifiedName, QualifiedName> renamedTables) {
        Set<QualifiedName> relations = new HashSet<>();
        model.tables().forEach(t -> relations.add(t.name()));
        model.externalTables().forEach(t -> relations.add(t.name()));
        model.views().forEach(v -> relations.add(v.name()));
        List<Dependent> out = new ArrayList<>();
        for (View v : model.views()) {
            Set<QualifiedName> uses = new TreeSet<>();
            for (QualifiedName q : SqlNames.relations(v.query(), relations, new TreeSet<>(List.of(v.name().schema(), QualifiedName.DEFAULT_SCHEMA)))) {
                if (!q.equals(v.name())) {
                    uses.add(renamedTables.getOrDefault(q, q));
                }
            }
            out.add(new Dependent(key(v), uses, d -> new DropView(v, d.recreated(), d.reason()), creation(v, model)));
        }
        // Functions, triggers and policies: add a section here (see Dependent).
        return out;
    }

    static Dependent.Key key(View v) {
        return new Dependent.Key(v.materialized() ? "materialized view" : "view", v.name(), true);
    }

    /**
     * CREATE VIEW, then a materialized view's indexes, then the comments, then its privileges: a view dropped
     * and created again around a change under it loses its grants, so they are granted again.
     */
    static List<Change> creation(View v, SchemaModel model) {
        List<Change> out = new ArrayList<>();
        out.add(new CreateView(v));
        for (Index ix : v.indexes()) {
            out.add(new CreateIndex(v.name(), ix.withComment(null)));
        }
        if (v.comment() != null) {
            out.add(new SetComment(CommentTarget.view(v.name(), v.materialized()), v.comment()));
        }
        for (Index ix : v.indexes()) {
            if (ix.comment() != null) {
                out.add(new SetComment(CommentTarget.index(v.name(), ix.name()), ix.comment()));
            }
        }
        for (dev.shale.model.Grant g : model.grants()) {
            if (g.on() == dev.shale.model.Grant.On.TABLE && g.object().equals(v.name())) {
                out.add(new dev.shale.change.GrantPrivilege(g));
            }
        }
        return out;
    }
}
