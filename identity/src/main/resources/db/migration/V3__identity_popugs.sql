-- Identity's own command-side table: who may log in, with which role. Holds the BCrypt hashes (never in
-- events) and makes usernames unique across all popugs (set-based validation: a registration claims
-- its username here in the same transaction that stores PopugRegistered). Not a disposable projection.
CREATE TABLE identity_popugs (
    popug_id      UUID         PRIMARY KEY,
    username      VARCHAR(32)  NOT NULL UNIQUE,
    full_name     VARCHAR(100) NOT NULL,
    email         VARCHAR(254) NOT NULL,
    role          VARCHAR(16)  NOT NULL,
    active        BOOLEAN      NOT NULL DEFAULT TRUE,
    password_hash VARCHAR(100) NOT NULL,
    registered_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);
