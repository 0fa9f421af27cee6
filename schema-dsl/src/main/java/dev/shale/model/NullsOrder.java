package dev.shale.model;

/** Where NULLs sort in an index key; DEFAULT leaves PostgreSQL's default (last for ASC, first for DESC). */
public enum NullsOrder { DEFAULT, FIRST, LAST }
