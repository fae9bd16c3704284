/** The PostgreSQL schema of the audit log (version 1), inside one schema per log. */

export const SCHEMA_VERSION = '1';

/** Schema names are interpolated into SQL, so only plain identifiers are accepted. */
export const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Tables and append-only triggers for schema `s` (already validated against {@link SCHEMA_NAME}).
 * `body` is text, not jsonb: the hash covers its exact bytes, which jsonb would re-order.
 */
export function schemaSql(s: string): string {
  return `
CREATE SCHEMA IF NOT EXISTS "${s}";
CREATE TABLE IF NOT EXISTS "${s}".meta (key text PRIMARY KEY, value text NOT NULL);
CREATE TABLE IF NOT EXISTS "${s}".events (
  idx bigint PRIMARY KEY,
  id text NOT NULL,
  time text NOT NULL,
  type text NOT NULL,
  session text NOT NULL,
  seq integer NOT NULL,
  agent text NOT NULL,
  repo text NOT NULL,
  decision text NOT NULL,
  hash text NOT NULL,
  body text NOT NULL,
  UNIQUE (session, seq)
);
CREATE INDEX IF NOT EXISTS events_time ON "${s}".events (time);
CREATE TABLE IF NOT EXISTS "${s}".checkpoints (
  size bigint PRIMARY KEY,
  time text NOT NULL,
  body text NOT NULL,
  frontier text NOT NULL
);
CREATE OR REPLACE FUNCTION "${s}".append_only() RETURNS trigger LANGUAGE plpgsql AS
  $$ BEGIN RAISE EXCEPTION 'audit tables are append-only'; END $$;
CREATE OR REPLACE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON "${s}".events
  FOR EACH ROW EXECUTE FUNCTION "${s}".append_only();
CREATE OR REPLACE TRIGGER events_no_truncate BEFORE TRUNCATE ON "${s}".events
  FOR EACH STATEMENT EXECUTE FUNCTION "${s}".append_only();
CREATE OR REPLACE TRIGGER checkpoints_append_only BEFORE UPDATE OR DELETE ON "${s}".checkpoints
  FOR EACH ROW EXECUTE FUNCTION "${s}".append_only();
`;
}

/** The events columns in insert order. */
export const COLUMNS = 'idx, id, time, type, session, seq, agent, repo, decision, hash, body';
