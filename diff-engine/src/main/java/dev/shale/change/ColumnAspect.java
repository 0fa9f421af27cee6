package dev.shale.change;

/** What an {@link AlterColumn} changes. */
public enum ColumnAspect { TYPE, NOT_NULL, DEFAULT }
