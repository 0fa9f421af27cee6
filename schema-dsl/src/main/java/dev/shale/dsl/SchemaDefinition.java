package dev.shale.dsl;

import dev.shale.model.Rename;
import dev.shale.model.SchemaModel;

import java.util.List;

/**
 * What schema code declares: the model, plus the rename hints ({@code renamedFrom}) that tell the
 * diff how the model got here. Hints are decisions, not state, so they stay out of the model.
 *
 * @param model the declared schema
 * @param renames rename hints from the code, tables first
 */
public record SchemaDefinition(SchemaModel model, List<Rename> renames) {
    public SchemaDefinition {
        renames = List.copyOf(renames);
    }
}
