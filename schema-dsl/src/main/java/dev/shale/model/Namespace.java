package dev.shale.model;

/**
 * A schema as an object the code declares ({@code CREATE SCHEMA}), with its comment. A schema that owned
 * objects live in exists whether or not it is declared; declaring it lets it carry a comment and be
 * created while still empty.
 *
 * @param name the schema's name
 * @param comment its comment, or null
 */
public record Namespace(String name, String comment) {
    public Namespace {
        Identifiers.require("schema", name);
        comment = Comments.normalize(comment);
    }

    public static Namespace of(String name) {
        return new Namespace(name, null);
    }

    public Namespace withComment(String value) {
        return new Namespace(name, value);
    }
}
