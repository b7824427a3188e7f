-- Session lifecycle (issue 14): the refresh grace and the housekeeping purge.

-- The successor of a just-rotated refresh token, AES-GCM sealed under a key derived from
-- the rotated token itself (so the database alone cannot reveal it), kept only for the
-- refresh grace: a retry or a racing tab presenting the rotated token gets this successor.
ALTER TABLE refresh_tokens ADD COLUMN successor_sealed VARCHAR(128);

-- logout-all finds an account's sessions; the purge finds ended sessions and used tokens.
CREATE INDEX ix_sessions_account_id ON sessions (account_id);
CREATE INDEX ix_sessions_expires_at ON sessions (expires_at);
CREATE INDEX ix_refresh_tokens_used_at ON refresh_tokens (used_at);
