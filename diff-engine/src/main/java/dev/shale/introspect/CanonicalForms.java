package dev.shale.introspect;

import dev.shale.model.SchemaModel;

import java.util.Optional;

/**
 * Where {@link Canonicalizer} keeps the canonical forms it computed, by a key that names everything the form
 * depends on (the declared model, the server's version, the search path, the extensions and the objects
 * outside the declared schemas), so that comparing unchanged code with a database again does no server work.
 * A store may forget anything at any time; it must never give back a form under another key.
 */
public interface CanonicalForms {
    /** The form kept under {@code key}, if any. */
    Optional<SchemaModel> find(String key);

    /** Keeps {@code canonical} under {@code key}; best effort, never failing the caller. */
    void keep(String key, SchemaModel canonical);

    /** Keeps nothing: every comparison canonicalises on the server. */
    CanonicalForms NONE = new CanonicalForms() {
        @Override
        public Optional<SchemaModel> find(String key) {
            return Optional.empty();
        }

        @Override
        public void keep(String key, SchemaModel canonical) {}
    };
}
