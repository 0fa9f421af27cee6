package dev.shale.dsl;

import dev.shale.model.Conversion;
import dev.shale.model.Rename;
import dev.shale.model.SchemaModel;

import java.util.List;

/**
 * What schema code declares: the model, plus the rename hints ({@code renamedFrom}) and type conversions
 * ({@code using}) that tell the diff how the model got here. Hints are decisions, not state, so they
 * stay out of the model.
 *
 * @param model the declared schema
 * @param renames rename hints from the code, tables first
 * @param conversions {@code USING} expressions for column type changes, from the code
 */
public record SchemaDefinition(SchemaModel model, List<Rename> renames, List<Conversion> conversions) {
    public SchemaDefinition {
        renames = List.copyOf(renames);
        conversions = List.copyOf(conversions);
    }

    /** A definition without conversions. */
    public SchemaDefinition(SchemaModel model, List<Rename> renames) {
        this(model, renames, List.of());
    }
}
