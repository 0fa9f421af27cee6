package dev.shale.model;

import java.util.List;
import java.util.TreeSet;

/**
 * A row-level security policy on a table ({@code CREATE POLICY name ON table AS PERMISSIVE FOR cmd TO
 * roles USING (..) WITH CHECK (..)}). Policies are named per table, so a policy is identified by its
 * table and name.
 *
 * @param table the table it is on
 * @param name its name (any text up to 63 bytes: "Users can manage their own settings")
 * @param command the command it applies to
 * @param permissive PERMISSIVE (combined with OR) rather than RESTRICTIVE (combined with AND)
 * @param roles the roles it applies to, sorted; {@code ["public"]} for every role, which PostgreSQL
 *              also uses when PUBLIC is listed with others
 * @param using the USING expression, or null
 * @param withCheck the WITH CHECK expression, or null
 * @param comment its comment, or null
 */
public record Policy(QualifiedName table, String name, Command command, boolean permissive, List<String> roles,
                     String using, String withCheck, String comment) {
    /** The pseudo-role every role belongs to. */
    public static final String PUBLIC = "public";

    /** The command a policy applies to. */
    public enum Command {
        ALL, SELECT, INSERT, UPDATE, DELETE;

        /** Whether a policy for this command may have a USING expression (INSERT has none). */
        public boolean takesUsing() {
            return this != INSERT;
        }

        /** Whether a policy for this command may have a WITH CHECK expression (SELECT and DELETE have none). */
        public boolean takesWithCheck() {
            return this != SELECT && this != DELETE;
        }
    }

    public Policy {
        if (table == null) {
            throw new InvalidModelException("policy", "its table is required");
        }
        Identifiers.require("policy on " + table.display(), name);
        String self = "policy " + Identifiers.show(name) + " on " + table.display();
        command = command == null ? Command.ALL : command;
        TreeSet<String> sorted = new TreeSet<>();
        for (String r : roles == null ? List.<String>of() : roles) {
            sorted.add(Identifiers.require(self + ", role", r));
        }
        roles = sorted.isEmpty() || sorted.contains(PUBLIC) ? List.of(PUBLIC) : List.copyOf(sorted);
        using = blankToNull(self, "USING", using);
        withCheck = blankToNull(self, "WITH CHECK", withCheck);
        if (using != null && !command.takesUsing()) {
            throw new InvalidModelException(self, "is FOR INSERT, which takes no USING expression (new rows are"
                    + " checked by WITH CHECK only); move the expression to withCheck");
        }
        if (withCheck != null && !command.takesWithCheck()) {
            throw new InvalidModelException(self, "is FOR " + command + ", which takes no WITH CHECK expression"
                    + " (no new rows are written); move the expression to using");
        }
        comment = Comments.normalize(comment);
    }

    private static String blankToNull(String self, String what, String expression) {
        if (expression == null) {
            return null;
        }
        if (expression.isBlank()) {
            throw new InvalidModelException(self, "has a blank " + what + " expression; leave it out instead");
        }
        return expression.strip();
    }

    /** A permissive FOR ALL policy to PUBLIC with no expressions, to build on with the {@code with...} methods. */
    public static Policy of(QualifiedName table, String name) {
        return new Policy(table, name, Command.ALL, true, List.of(), null, null, null);
    }

    public Policy withTable(QualifiedName value) {
        return new Policy(value, name, command, permissive, roles, using, withCheck, comment);
    }

    public Policy withName(String value) {
        return new Policy(table, value, command, permissive, roles, using, withCheck, comment);
    }

    public Policy withCommand(Command value) {
        return new Policy(table, name, value, permissive, roles, using, withCheck, comment);
    }

    public Policy withPermissive(boolean value) {
        return new Policy(table, name, command, value, roles, using, withCheck, comment);
    }

    public Policy withRoles(List<String> value) {
        return new Policy(table, name, command, permissive, value, using, withCheck, comment);
    }

    public Policy withUsing(String value) {
        return new Policy(table, name, command, permissive, roles, value, withCheck, comment);
    }

    public Policy withWithCheck(String value) {
        return new Policy(table, name, command, permissive, roles, using, value, comment);
    }

    public Policy withComment(String value) {
        return new Policy(table, name, command, permissive, roles, using, withCheck, value);
    }

    /** For messages: {@code policy "owner only" on "public"."notes"}. */
    public String display() {
        return "policy " + Identifiers.show(name) + " on " + table.display();
    }
}
