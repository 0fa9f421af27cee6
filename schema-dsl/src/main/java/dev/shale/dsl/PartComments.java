package dev.shale.dsl;

import dev.shale.model.Constraint;
import dev.shale.model.Identifiers;
import dev.shale.model.Index;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Puts a DSL table's {@code comment(...)} and {@code commentOn(name, ...)} onto its model. */
final class PartComments {
    private PartComments() {}

    static dev.shale.model.Table apply(Table t, dev.shale.model.Table model) {
        Map<String, Table.Declared<String>> comments = t.partComments();
        if (comments.isEmpty() && t.tableComment() == null) {
            return model;
        }
        for (Map.Entry<String, Table.Declared<String>> e : comments.entrySet()) {
            boolean known = model.constraints().stream().anyMatch(k -> k.name().equals(e.getKey()))
                    || model.indexes().stream().anyMatch(ix -> ix.name().equals(e.getKey()));
            if (!known) {
                throw new SchemaDefinitionException(e.getValue().location(), "table " + t.qualifiedName().display()
                        + ": commentOn(" + Identifiers.show(e.getKey()) + ", ...) names no constraint or index of the table;"
                        + " its constraints and indexes are " + names(model));
            }
        }
        List<Constraint> constraints = new ArrayList<>();
        for (Constraint k : model.constraints()) {
            Table.Declared<String> c = comments.get(k.name());
            constraints.add(c == null ? k : k.withComment(c.value()));
        }
        List<Index> indexes = model.indexes().stream()
                .map(ix -> comments.containsKey(ix.name()) ? ix.withComment(comments.get(ix.name()).value()) : ix).toList();
        return Table.modelOrFail(t.location(), () -> model.toBuilder().comment(t.tableComment())
                .constraints(constraints).indexes(indexes).build());
    }

    private static List<String> names(dev.shale.model.Table model) {
        List<String> out = new ArrayList<>();
        model.constraints().forEach(k -> out.add(k.name()));
        model.indexes().forEach(ix -> out.add(ix.name()));
        return out;
    }
}
