// SPDX-License-Identifier: GPL-3.0-or-later
#include "Migrations.h"

namespace Storage {

// Times are Unix milliseconds (UTC) in {int64} columns; JSON is TEXT; flags are INTEGER 0/1.
// Never edit a released migration: add the next one.
static QList<Migration> buildMigrations()
{
    QList<Migration> list;

    list.append(
        { 1,
          QStringLiteral("settings, connections, watermarks, jobs, attempts, op log, links, secrets"),
          {
              QStringLiteral("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
              QStringLiteral("CREATE TABLE connections ("
                             " id {pk}, name TEXT NOT NULL UNIQUE, crm TEXT NOT NULL, base_url TEXT NOT NULL,"
                             " config TEXT NOT NULL DEFAULT '{}', state TEXT NOT NULL DEFAULT 'new',"
                             " created_at {int64} NOT NULL, updated_at {int64} NOT NULL)"),
              QStringLiteral("CREATE TABLE watermarks ("
                             " source TEXT NOT NULL, stream TEXT NOT NULL, value TEXT NOT NULL,"
                             " updated_at {int64} NOT NULL, PRIMARY KEY (source, stream))"),
              QStringLiteral(
                  "CREATE TABLE jobs ("
                  " id {pk}, kind TEXT NOT NULL, connection_id {int64}, source TEXT NOT NULL DEFAULT '',"
                  " source_ref TEXT NOT NULL DEFAULT '', idempotency_key TEXT NOT NULL UNIQUE,"
                  " payload TEXT NOT NULL DEFAULT '{}', reference TEXT NOT NULL DEFAULT '',"
                  " customer TEXT NOT NULL DEFAULT '', phone TEXT NOT NULL DEFAULT '',"
                  " email TEXT NOT NULL DEFAULT '', state TEXT NOT NULL DEFAULT 'pending',"
                  " attempts INTEGER NOT NULL DEFAULT 0, max_attempts INTEGER NOT NULL DEFAULT 10,"
                  " next_attempt_at {int64} NOT NULL, last_error TEXT NOT NULL DEFAULT '',"
                  " error_kind TEXT NOT NULL DEFAULT '', error_fingerprint TEXT NOT NULL DEFAULT '',"
                  " lease_owner TEXT NOT NULL DEFAULT '', lease_until {int64} NOT NULL DEFAULT 0,"
                  " created_at {int64} NOT NULL, updated_at {int64} NOT NULL,"
                  " settled_at {int64} NOT NULL DEFAULT 0)"),
              QStringLiteral("CREATE INDEX jobs_due ON jobs (state, next_attempt_at)"),
              QStringLiteral("CREATE INDEX jobs_lease ON jobs (state, lease_until)"),
              QStringLiteral("CREATE INDEX jobs_fingerprint ON jobs (error_fingerprint, state)"),
              QStringLiteral("CREATE INDEX jobs_reference ON jobs (reference)"),
              QStringLiteral("CREATE INDEX jobs_phone ON jobs (phone)"),
              QStringLiteral("CREATE INDEX jobs_email ON jobs (email)"),
              QStringLiteral("CREATE TABLE job_attempts ("
                             " id {pk}, job_id {int64} NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,"
                             " attempt INTEGER NOT NULL, lease_owner TEXT NOT NULL DEFAULT '',"
                             " started_at {int64} NOT NULL, finished_at {int64} NOT NULL,"
                             " outcome TEXT NOT NULL, error TEXT NOT NULL DEFAULT '',"
                             " error_kind TEXT NOT NULL DEFAULT '', http_status INTEGER NOT NULL DEFAULT 0)"),
              QStringLiteral("CREATE INDEX job_attempts_job ON job_attempts (job_id, attempt)"),
              QStringLiteral(
                  "CREATE TABLE op_log ("
                  " id {pk}, at {int64} NOT NULL, connection_id {int64}, lane TEXT NOT NULL DEFAULT '',"
                  " job_id {int64}, method TEXT NOT NULL, url TEXT NOT NULL,"
                  " status INTEGER NOT NULL DEFAULT 0, duration_ms INTEGER NOT NULL DEFAULT 0,"
                  " request_headers TEXT NOT NULL DEFAULT '', request_body TEXT NOT NULL DEFAULT '',"
                  " response_body TEXT NOT NULL DEFAULT '', error TEXT NOT NULL DEFAULT '',"
                  " keys TEXT NOT NULL DEFAULT '')"),
              QStringLiteral("CREATE INDEX op_log_at ON op_log (at, id)"),
              QStringLiteral("CREATE INDEX op_log_job ON op_log (job_id)"),
              QStringLiteral("CREATE INDEX op_log_connection ON op_log (connection_id, at, id)"),
              QStringLiteral("CREATE TABLE entity_links ("
                             " id {pk}, connection_id {int64} NOT NULL, source_kind TEXT NOT NULL,"
                             " source_id TEXT NOT NULL, crm_kind TEXT NOT NULL, crm_id TEXT NOT NULL,"
                             " created_at {int64} NOT NULL,"
                             " UNIQUE (connection_id, source_kind, source_id, crm_kind),"
                             " UNIQUE (connection_id, crm_kind, crm_id))"),
              QStringLiteral(
                  "CREATE TABLE secrets ("
                  " scope TEXT NOT NULL, name TEXT NOT NULL, nonce {blob} NOT NULL,"
                  " ciphertext {blob} NOT NULL, updated_at {int64} NOT NULL, PRIMARY KEY (scope, name))"),
          } });

    // Mapping (core/mapping, Mapping::MappingRepo). A mapping set is one versioned JSON document; its
    // rows are also kept one per table row, keyed by what they reference, so "which rows use field
    // 123 / stage 142 / category 7" is one indexed query. Each row's body is its own JSON.
    list.append(
        { 2,
          QStringLiteral("mapping sets, field maps, status maps, category routes, CRM schema cache"),
          {
              QStringLiteral(
                  "CREATE TABLE mapping_sets ("
                  " connection_id {int64} PRIMARY KEY REFERENCES connections(id) ON DELETE CASCADE,"
                  " format_version INTEGER NOT NULL, settings TEXT NOT NULL DEFAULT '{}',"
                  " updated_at {int64} NOT NULL)"),
              QStringLiteral(
                  "CREATE TABLE field_maps ("
                  " id {pk}, connection_id {int64} NOT NULL REFERENCES connections(id) ON DELETE CASCADE,"
                  " source_kind TEXT NOT NULL, position INTEGER NOT NULL, row_id TEXT NOT NULL,"
                  " source_path TEXT NOT NULL DEFAULT '', target_entity TEXT NOT NULL DEFAULT '',"
                  " target TEXT NOT NULL DEFAULT '', active INTEGER NOT NULL DEFAULT 1,"
                  " body TEXT NOT NULL, UNIQUE (connection_id, source_kind, row_id))"),
              QStringLiteral("CREATE INDEX field_maps_target ON field_maps (connection_id, target)"),
              QStringLiteral(
                  "CREATE TABLE status_maps ("
                  " id {pk}, connection_id {int64} NOT NULL REFERENCES connections(id) ON DELETE CASCADE,"
                  " position INTEGER NOT NULL, row_id TEXT NOT NULL, shop_status_id TEXT NOT NULL DEFAULT '',"
                  " pipeline_id TEXT NOT NULL DEFAULT '', stage_id TEXT NOT NULL DEFAULT '',"
                  " direction TEXT NOT NULL, body TEXT NOT NULL, UNIQUE (connection_id, row_id))"),
              QStringLiteral(
                  "CREATE INDEX status_maps_stage ON status_maps (connection_id, pipeline_id, stage_id)"),
              QStringLiteral(
                  "CREATE TABLE category_routes ("
                  " id {pk}, connection_id {int64} NOT NULL REFERENCES connections(id) ON DELETE CASCADE,"
                  " position INTEGER NOT NULL, row_id TEXT NOT NULL, category_id TEXT NOT NULL DEFAULT '',"
                  " pipeline_id TEXT NOT NULL DEFAULT '', stage_id TEXT NOT NULL DEFAULT '',"
                  " responsible_user_id TEXT NOT NULL DEFAULT '', active INTEGER NOT NULL DEFAULT 1,"
                  " body TEXT NOT NULL, UNIQUE (connection_id, row_id))"),
              QStringLiteral(
                  "CREATE TABLE crm_schema_cache ("
                  " connection_id {int64} PRIMARY KEY REFERENCES connections(id) ON DELETE CASCADE,"
                  " crm TEXT NOT NULL DEFAULT '', schema_json TEXT NOT NULL, fetched_at {int64} NOT NULL)"),
          } });

    // Shop sources (core/source): configured sources (no secrets), the echo guard of status writes,
    // form intake endpoints (secrets only as salted hashes) and the raw intake requests kept for the
    // operator.
    list.append(
        { 3,
          QStringLiteral("shop sources, echo guard, form endpoints, raw intake requests"),
          {
              QStringLiteral("CREATE TABLE sources ("
                             " id {pk}, name TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, url TEXT NOT NULL,"
                             " config TEXT NOT NULL DEFAULT '{}', created_at {int64} NOT NULL,"
                             " updated_at {int64} NOT NULL)"),
              QStringLiteral(
                  "CREATE TABLE echo_guard ("
                  " id {pk}, source TEXT NOT NULL, order_id TEXT NOT NULL, status_id TEXT NOT NULL,"
                  " shop_ref TEXT NOT NULL DEFAULT '', created_at {int64} NOT NULL,"
                  " consumed_at {int64} NOT NULL DEFAULT 0)"),
              QStringLiteral("CREATE INDEX echo_guard_ref ON echo_guard (source, shop_ref)"),
              QStringLiteral("CREATE INDEX echo_guard_order ON echo_guard (source, order_id, status_id)"),
              QStringLiteral("CREATE TABLE form_endpoints ("
                             " id {pk}, name TEXT NOT NULL UNIQUE, source TEXT NOT NULL DEFAULT 'forms',"
                             " secret_salt TEXT NOT NULL, secret_hash TEXT NOT NULL,"
                             " enabled INTEGER NOT NULL DEFAULT 1, created_at {int64} NOT NULL,"
                             " updated_at {int64} NOT NULL)"),
              QStringLiteral("CREATE TABLE intake_raw ("
                             " id {pk}, received_at {int64} NOT NULL, form TEXT NOT NULL DEFAULT '',"
                             " client_ip TEXT NOT NULL DEFAULT '', method TEXT NOT NULL DEFAULT '',"
                             " target TEXT NOT NULL DEFAULT '', headers TEXT NOT NULL DEFAULT '',"
                             " body {blob}, outcome TEXT NOT NULL, error TEXT NOT NULL DEFAULT '',"
                             " job_id {int64})"),
              QStringLiteral("CREATE INDEX intake_raw_at ON intake_raw (received_at, id)"),
          } });

    // The sync engine (core/engine): the contact dedup index, lane heartbeats, throughput by settle time.
    list.append(
        { 4,
          QStringLiteral("contact index, lane status, settled-jobs index"),
          {
              QStringLiteral("CREATE TABLE contact_index ("
                             " connection_id {int64} NOT NULL, kind TEXT NOT NULL, value TEXT NOT NULL,"
                             " contact_id TEXT NOT NULL, updated_at {int64} NOT NULL,"
                             " PRIMARY KEY (connection_id, kind, value))"),
              QStringLiteral(
                  "CREATE INDEX contact_index_contact ON contact_index (connection_id, contact_id)"),
              QStringLiteral("CREATE TABLE lane_status ("
                             " owner TEXT PRIMARY KEY, connection_id {int64} NOT NULL, state TEXT NOT NULL,"
                             " reason TEXT NOT NULL DEFAULT '', sent {int64} NOT NULL DEFAULT 0,"
                             " failed {int64} NOT NULL DEFAULT 0, heartbeat_at {int64} NOT NULL,"
                             " started_at {int64} NOT NULL)"),
              QStringLiteral("CREATE INDEX jobs_settled ON jobs (state, settled_at)"),
          } });

    // The Log page's search by business key (order number, phone, email) on a log of millions of
    // rows: each key of an entry is a row here (OpLogRepo::append fills it, normalised), so a search
    // is an index lookup instead of a LIKE over every row. Entries logged before this version are
    // found by the text search only.
    list.append({ 5,
                  QStringLiteral("op log business-key index"),
                  {
                      QStringLiteral("CREATE TABLE op_log_keys (key TEXT NOT NULL, op_id {int64} NOT NULL)"),
                      QStringLiteral("CREATE INDEX op_log_keys_key ON op_log_keys (key, op_id)"),
                      QStringLiteral("CREATE INDEX op_log_keys_op ON op_log_keys (op_id)"),
                  } });

    // Shop source pollers (core/engine): what each engine's poller of each source last reported, so
    // `crmbridgectl status` and a console elsewhere see a shop database that cannot be reached.
    list.append({ 6,
                  QStringLiteral("source poller status"),
                  {
                      QStringLiteral("CREATE TABLE source_status ("
                                     " owner TEXT PRIMARY KEY, source TEXT NOT NULL, state TEXT NOT NULL,"
                                     " reason TEXT NOT NULL DEFAULT '', appended {int64} NOT NULL DEFAULT 0,"
                                     " polled_at {int64} NOT NULL DEFAULT 0, heartbeat_at {int64} NOT NULL,"
                                     " started_at {int64} NOT NULL)"),
                  } });

    // Category → pipeline routing in real sends: each source's category tree, as the source last read
    // it (ShopSource::categories()), so a lane routes products through their parent categories.
    list.append({ 7,
                  QStringLiteral("shop category tree cache"),
                  {
                      QStringLiteral("CREATE TABLE shop_categories ("
                                     " source TEXT PRIMARY KEY, tree_json TEXT NOT NULL,"
                                     " fetched_at {int64} NOT NULL)"),
                  } });

    // Fan-out (core/store/Outbox): a shop event becomes one job per target CRM connection.
    // A source sends to every enabled connection unless it names its targets here (by source name, as
    // ShopEvent::source says it, so form endpoints and file imports can name theirs too).
    list.append(
        { 8,
          QStringLiteral("source targets"),
          {
              QStringLiteral("CREATE TABLE source_targets ("
                             " source TEXT NOT NULL,"
                             " connection_id {int64} NOT NULL REFERENCES connections(id) ON DELETE CASCADE,"
                             " PRIMARY KEY (source, connection_id))"),
              QStringLiteral("CREATE INDEX jobs_connection ON jobs (connection_id, state)"),
          } });

    // Status lanes (CRM → shop) report a heartbeat too, next to the sending lanes: "kind" tells them
    // apart, so `status` and the console show whether back-sync runs and why it stalls.
    list.append({ 9,
                  QStringLiteral("status lane heartbeat"),
                  {
                      QStringLiteral("ALTER TABLE lane_status ADD COLUMN kind TEXT NOT NULL DEFAULT 'send'"),
                  } });

    // Several engines on one store (core/engine/LaneLeaseKeeper): one engine at a time holds a
    // connection's lanes, renewing its lease with a heartbeat; the times are the database server's clock,
    // so engines with skewed clocks agree on who holds what. Per-account state the CRM side needs once
    // (the amoCRM external-id field) is found or created under a claim here and shared by every engine.
    list.append(
        { 10,
          QStringLiteral("lane leases and per-account CRM state"),
          {
              QStringLiteral("CREATE TABLE lane_leases ("
                             " connection_id {int64} PRIMARY KEY, holder TEXT NOT NULL DEFAULT '',"
                             " expires_at {int64} NOT NULL DEFAULT 0, acquired_at {int64} NOT NULL DEFAULT 0,"
                             " heartbeat_at {int64} NOT NULL DEFAULT 0, released_by TEXT NOT NULL DEFAULT '',"
                             " released_at {int64} NOT NULL DEFAULT 0)"),
              QStringLiteral(
                  "CREATE TABLE crm_account_state ("
                  " connection_id {int64} NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL DEFAULT '',"
                  " claimed_by TEXT NOT NULL DEFAULT '', claimed_at {int64} NOT NULL DEFAULT 0,"
                  " updated_at {int64} NOT NULL DEFAULT 0, PRIMARY KEY (connection_id, key))"),
          } });

    // Exactly once across partial sends (core/engine CreateSender): a create job remembers how far it
    // got in the CRM (step), the deal it made (crm_id, linked before any follow-up), the follow-ups
    // still to do on that deal (pending_steps) and the CRM id every deal it may have made is above
    // (crm_floor, for reconciliation by the CRM's own ordering instead of a local clock). Creates that
    // failed or were in flight before this version may have made a deal: they are asked for first.
    list.append(
        { 11,
          QStringLiteral("create job steps"),
          {
              QStringLiteral("ALTER TABLE jobs ADD COLUMN step TEXT NOT NULL DEFAULT 'new'"),
              QStringLiteral("ALTER TABLE jobs ADD COLUMN crm_id TEXT NOT NULL DEFAULT ''"),
              QStringLiteral("ALTER TABLE jobs ADD COLUMN pending_steps TEXT NOT NULL DEFAULT ''"),
              QStringLiteral("ALTER TABLE jobs ADD COLUMN crm_floor {int64} NOT NULL DEFAULT 0"),
              QStringLiteral("UPDATE jobs SET step = 'unconfirmed' WHERE state IN ('failed', 'sending')"
                             " AND kind IN ('order.created', 'form.submitted')"),
          } });

    // Trace: every job an API call carried (a batch call carries many; op_log.job_id keeps one), so a
    // job's calls and an order's calls (through the jobs' indexed reference, phone and email) are index
    // lookups for either CRM. Failure groups: a failed job keeps its error's code (with the CRM's own,
    // e.g. "validation: NotSupportedChoice") and HTTP status, so the Queue names each cause and advises.
    list.append(
        { 12,
          QStringLiteral("op log jobs of each call, failed jobs' error code and HTTP status"),
          {
              QStringLiteral("CREATE TABLE op_log_jobs (op_id {int64} NOT NULL, job_id {int64} NOT NULL)"),
              QStringLiteral("CREATE INDEX op_log_jobs_job ON op_log_jobs (job_id, op_id)"),
              QStringLiteral("CREATE INDEX op_log_jobs_op ON op_log_jobs (op_id)"),
              QStringLiteral("INSERT INTO op_log_jobs (op_id, job_id)"
                             " SELECT id, job_id FROM op_log WHERE job_id IS NOT NULL"),
              QStringLiteral("ALTER TABLE jobs ADD COLUMN error_code TEXT NOT NULL DEFAULT ''"),
              QStringLiteral("ALTER TABLE jobs ADD COLUMN error_status INTEGER NOT NULL DEFAULT 0"),
          } });

    // The audit trail (Store::AuditRepo): operator actions, append-only, with who, where and how;
    // every saved mapping as a version (MappingRepo), so a change can be compared and rolled back; and
    // the failure digests sent to operators without a console (Engine::Notifier).
    list.append(
        { 13,
          QStringLiteral("audit trail, mapping versions and notification digests"),
          {
              QStringLiteral("CREATE TABLE audit_log ("
                             " id {pk}, at {int64} NOT NULL, os_user TEXT NOT NULL, host TEXT NOT NULL,"
                             " tool TEXT NOT NULL, action TEXT NOT NULL, subject TEXT NOT NULL,"
                             " details TEXT NOT NULL DEFAULT '{}')"),
              QStringLiteral("CREATE INDEX audit_log_action ON audit_log (action, id)"),
              QStringLiteral("CREATE TABLE mapping_versions ("
                             " id {pk}, connection_id {int64} NOT NULL, saved_at {int64} NOT NULL,"
                             " os_user TEXT NOT NULL, host TEXT NOT NULL, tool TEXT NOT NULL,"
                             " note TEXT NOT NULL DEFAULT '', body TEXT NOT NULL)"),
              QStringLiteral(
                  "CREATE INDEX mapping_versions_connection ON mapping_versions (connection_id, id)"),
              // One row per digest slot (time / interval): the UNIQUE slot is what lets exactly one
              // of several engines send a digest (Engine::Notifier).
              QStringLiteral(
                  "CREATE TABLE notify_digests ("
                  " slot {int64} PRIMARY KEY, sent_at {int64} NOT NULL, covered_until {int64} NOT NULL,"
                  " failures INTEGER NOT NULL, situation TEXT NOT NULL DEFAULT '',"
                  " channels TEXT NOT NULL DEFAULT '', error TEXT NOT NULL DEFAULT '')"),
          } });

    // The shop's products in a CRM's catalogue (Engine::CatalogSync, Store::CatalogRepo): which CRM
    // element each product is, the hash of what was sent (only changed products are sent again) and
    // its state; and the last catalogue run of each connection and source, for the console.
    list.append(
        { 14,
          QStringLiteral("catalogue items and runs"),
          {
              QStringLiteral("CREATE TABLE catalog_items ("
                             " connection_id {int64} NOT NULL, source TEXT NOT NULL,"
                             " product_key TEXT NOT NULL, element_id TEXT NOT NULL DEFAULT '',"
                             " content_hash TEXT NOT NULL DEFAULT '', state TEXT NOT NULL,"
                             " name TEXT NOT NULL DEFAULT '', synced_at {int64} NOT NULL,"
                             " PRIMARY KEY (connection_id, source, product_key))"),
              QStringLiteral("CREATE TABLE catalog_runs ("
                             " connection_id {int64} NOT NULL, source TEXT NOT NULL,"
                             " started_at {int64} NOT NULL, finished_at {int64} NOT NULL,"
                             " products INTEGER NOT NULL DEFAULT 0, created INTEGER NOT NULL DEFAULT 0,"
                             " updated INTEGER NOT NULL DEFAULT 0, retired INTEGER NOT NULL DEFAULT 0,"
                             " failed INTEGER NOT NULL DEFAULT 0, error TEXT NOT NULL DEFAULT '',"
                             " PRIMARY KEY (connection_id, source))"),
          } });

    // The outbox (core/store/Outbox) remembers the last state of each order and customer a source sent
    // (a hash of it and how many changes it had), so a save that changes nothing sends nothing and
    // each real change gets its own revision.
    list.append({ 15,
                  QStringLiteral("content marks"),
                  {
                      QStringLiteral("CREATE TABLE content_marks ("
                                     " source TEXT NOT NULL, entity_key TEXT NOT NULL, hash TEXT NOT NULL,"
                                     " version INTEGER NOT NULL DEFAULT 0, updated_at {int64} NOT NULL,"
                                     " PRIMARY KEY (source, entity_key))"),
                  } });

    // The Log page on real rows (issue 24): calls carry tens of KB of request and answer, and a search
    // read them all. Bodies move to their own table (read only when one call is opened), so op_log keeps
    // the small columns that are listed and searched; and the free-text search (a substring of the
    // keys, the address or the error) gets a trigram index, which serves exactly the LIKE/ILIKE it
    // answered before, on every row: SQLite FTS5's trigram tokenizer (an external-content table kept by
    // triggers), PostgreSQL's pg_trgm GIN indexes. This migration moves the bodies and indexes the rows
    // already there, in its one transaction.
    list.append(
        { 16,
          QStringLiteral("op log bodies apart, free-text trigram index"),
          {
              QStringLiteral(
                  "CREATE TABLE op_log_bodies ("
                  " op_id {int64} PRIMARY KEY, request_headers TEXT NOT NULL DEFAULT '',"
                  " request_body TEXT NOT NULL DEFAULT '', response_body TEXT NOT NULL DEFAULT '')"),
              QStringLiteral("INSERT INTO op_log_bodies (op_id, request_headers, request_body, response_body)"
                             " SELECT id, request_headers, request_body, response_body FROM op_log"),
              QStringLiteral("ALTER TABLE op_log DROP COLUMN request_headers"),
              QStringLiteral("ALTER TABLE op_log DROP COLUMN request_body"),
              QStringLiteral("ALTER TABLE op_log DROP COLUMN response_body"),
          },
          {
              QStringLiteral("CREATE VIRTUAL TABLE op_log_text USING fts5(keys, url, error, content='op_log',"
                             " content_rowid='id', tokenize='trigram')"),
              QStringLiteral("INSERT INTO op_log_text (op_log_text) VALUES ('rebuild')"),
              QStringLiteral("CREATE TRIGGER op_log_text_insert AFTER INSERT ON op_log BEGIN"
                             " INSERT INTO op_log_text (rowid, keys, url, error)"
                             " VALUES (new.id, new.keys, new.url, new.error); END"),
              QStringLiteral("CREATE TRIGGER op_log_text_delete AFTER DELETE ON op_log BEGIN"
                             " INSERT INTO op_log_text (op_log_text, rowid, keys, url, error)"
                             " VALUES ('delete', old.id, old.keys, old.url, old.error); END"),
              QStringLiteral(
                  "CREATE TRIGGER op_log_text_update AFTER UPDATE OF keys, url, error ON op_log BEGIN"
                  " INSERT INTO op_log_text (op_log_text, rowid, keys, url, error)"
                  " VALUES ('delete', old.id, old.keys, old.url, old.error);"
                  " INSERT INTO op_log_text (rowid, keys, url, error)"
                  " VALUES (new.id, new.keys, new.url, new.error); END"),
          },
          {
              // Trusted since PostgreSQL 13: the store's owner may create it without a superuser.
              QStringLiteral("CREATE EXTENSION IF NOT EXISTS pg_trgm"),
              QStringLiteral("CREATE INDEX op_log_text_keys ON op_log USING gin (keys gin_trgm_ops)"),
              QStringLiteral("CREATE INDEX op_log_text_url ON op_log USING gin (url gin_trgm_ops)"),
              QStringLiteral("CREATE INDEX op_log_text_error ON op_log USING gin (error gin_trgm_ops)"),
          } });

    return list;
}

const QList<Migration> &allMigrations()
{
    static const QList<Migration> s_migrations = buildMigrations();
    return s_migrations;
}

} // namespace Storage
