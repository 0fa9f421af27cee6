package dev.shale.change;

/**
 * One step of a migration, as data. The diff produces a list of these in apply order; a renderer
 * turns each into SQL. Every kind is a record of this sealed family, so adding one makes the
 * compiler point at every switch that must handle it.
 */
public sealed interface Change permits CreateSchema, CreateEnum, DropEnum, AddEnumValue, CreateTable, DropTable,
        RenameTable, AddColumn, DropColumn, RenameColumn, AlterColumn, AddConstraint, DropConstraint, RenameConstraint,
        CreateIndex, DropIndex, RenameIndex {
}
