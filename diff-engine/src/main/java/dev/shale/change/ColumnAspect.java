package dev.shale.change;

/**
 * What an {@link AlterColumn} changes: the type, NOT NULL, the default; whether it is an identity column
 * or the identity's generation or sequence options; its collation; that it stops being a generated
 * column ({@code DROP EXPRESSION}); that it becomes or stops being serial (a sequence it owns plus a
 * default).
 */
public enum ColumnAspect { TYPE, NOT_NULL, DEFAULT, IDENTITY, COLLATION, GENERATED, SERIAL }
