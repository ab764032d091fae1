/**
 * Schema migrations, applied in order inside one transaction each; `PRAGMA user_version`
 * records how many have run. Never edit a released migration: append a new one.
 *
 * Composite keys (organisation_id, id) keep ids local to an organisation, so a document can be
 * imported as a copy under another organisation id. Only required references are foreign keys
 * (with ON DELETE CASCADE); optional ones are cleared by the adapter from domain metadata,
 * since SQLite's SET NULL on a composite key would also clear organisation_id.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE organisations (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    description TEXT,
    levels TEXT NOT NULL,
    version INTEGER NOT NULL
  );
  CREATE TABLE units (
    organisation_id TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    parent_id TEXT,
    place TEXT,
    version INTEGER NOT NULL,
    PRIMARY KEY (organisation_id, id)
  );
  CREATE TABLE actors (
    organisation_id TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    person_name TEXT,
    level_key TEXT NOT NULL,
    role TEXT,
    unit_id TEXT,
    tags TEXT NOT NULL,
    notes TEXT,
    version INTEGER NOT NULL,
    PRIMARY KEY (organisation_id, id)
  );
  CREATE INDEX actors_level ON actors (organisation_id, level_key);
  CREATE TABLE scenarios (
    organisation_id TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    observed_at TEXT,
    description TEXT,
    based_on_id TEXT,
    version INTEGER NOT NULL,
    PRIMARY KEY (organisation_id, id)
  );
  CREATE TABLE arenas (
    organisation_id TEXT NOT NULL,
    id TEXT NOT NULL,
    scenario_id TEXT NOT NULL,
    name TEXT NOT NULL,
    cadence TEXT,
    description TEXT,
    participant_ids TEXT NOT NULL,
    version INTEGER NOT NULL,
    PRIMARY KEY (organisation_id, id),
    FOREIGN KEY (organisation_id, scenario_id) REFERENCES scenarios(organisation_id, id) ON DELETE CASCADE
  );
  CREATE INDEX arenas_scenario ON arenas (organisation_id, scenario_id);
  CREATE TABLE links (
    organisation_id TEXT NOT NULL,
    id TEXT NOT NULL,
    scenario_id TEXT NOT NULL,
    source_id TEXT NOT NULL,
    target_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    coupling TEXT NOT NULL,
    target_responds INTEGER,
    source_responds INTEGER,
    distinctive INTEGER,
    arena_id TEXT,
    cadence TEXT,
    evidence TEXT NOT NULL,
    notes TEXT,
    confidential INTEGER NOT NULL,
    partnership_stage INTEGER,
    version INTEGER NOT NULL,
    PRIMARY KEY (organisation_id, id),
    FOREIGN KEY (organisation_id, scenario_id) REFERENCES scenarios(organisation_id, id) ON DELETE CASCADE,
    FOREIGN KEY (organisation_id, source_id) REFERENCES actors(organisation_id, id) ON DELETE CASCADE,
    FOREIGN KEY (organisation_id, target_id) REFERENCES actors(organisation_id, id) ON DELETE CASCADE
  );
  CREATE INDEX links_scenario ON links (organisation_id, scenario_id);
  CREATE INDEX links_source ON links (organisation_id, source_id);
  CREATE INDEX links_target ON links (organisation_id, target_id);
  CREATE TABLE perceptions (
    organisation_id TEXT NOT NULL,
    id TEXT NOT NULL,
    scenario_id TEXT NOT NULL,
    link_id TEXT NOT NULL,
    respondent TEXT NOT NULL,
    respondent_actor_id TEXT,
    observed_at TEXT,
    coupling TEXT,
    target_responds INTEGER,
    source_responds INTEGER,
    distinctive INTEGER,
    comment TEXT,
    confidential INTEGER NOT NULL,
    version INTEGER NOT NULL,
    PRIMARY KEY (organisation_id, id),
    FOREIGN KEY (organisation_id, scenario_id) REFERENCES scenarios(organisation_id, id) ON DELETE CASCADE,
    FOREIGN KEY (organisation_id, link_id) REFERENCES links(organisation_id, id) ON DELETE CASCADE
  );
  CREATE INDEX perceptions_link ON perceptions (organisation_id, link_id);
  CREATE INDEX perceptions_scenario ON perceptions (organisation_id, scenario_id);
  CREATE TABLE initiatives (
    organisation_id TEXT NOT NULL,
    id TEXT NOT NULL,
    scenario_id TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT,
    owner_id TEXT,
    target_actor_ids TEXT NOT NULL,
    target_unit_ids TEXT NOT NULL,
    learning_dimensions TEXT NOT NULL,
    evidence TEXT NOT NULL,
    version INTEGER NOT NULL,
    PRIMARY KEY (organisation_id, id),
    FOREIGN KEY (organisation_id, scenario_id) REFERENCES scenarios(organisation_id, id) ON DELETE CASCADE
  );
  CREATE INDEX initiatives_scenario ON initiatives (organisation_id, scenario_id);
  `,
  // 2: accounts, sessions, memberships, invitations and change history (server/src/store/account-store.ts).
  // No foreign keys to organisations: the map data may live in another database (Neo4j).
  `
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    display_name TEXT,
    password_hash TEXT NOT NULL,
    is_admin INTEGER NOT NULL,
    must_change_password INTEGER NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
  );
  CREATE INDEX sessions_user ON sessions (user_id);
  CREATE TABLE memberships (
    organisation_id TEXT NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    PRIMARY KEY (organisation_id, user_id)
  );
  CREATE INDEX memberships_user ON memberships (user_id, organisation_id);
  CREATE TABLE invitations (
    token_hash TEXT PRIMARY KEY,
    email TEXT NOT NULL,
    organisation_id TEXT NOT NULL,
    role TEXT NOT NULL,
    invited_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    accepted_at TEXT
  );
  CREATE INDEX invitations_organisation ON invitations (organisation_id);
  CREATE TABLE history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id TEXT NOT NULL,
    user_id TEXT,
    at TEXT NOT NULL,
    kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    action TEXT NOT NULL,
    before TEXT,
    after TEXT,
    snapshot BLOB
  );
  CREATE INDEX history_organisation ON history (organisation_id, id);
  `,
  // 3: presentations (map data) and their share links (account data: a token grants access).
  `
  CREATE TABLE presentations (
    organisation_id TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT,
    anonymised INTEGER NOT NULL,
    steps TEXT NOT NULL,
    version INTEGER NOT NULL,
    PRIMARY KEY (organisation_id, id)
  );
  CREATE TABLE share_links (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    organisation_id TEXT NOT NULL,
    presentation_id TEXT NOT NULL,
    created_by TEXT,
    created_at TEXT NOT NULL,
    expires_at TEXT,
    revoked_at TEXT
  );
  CREATE INDEX share_links_presentation ON share_links (organisation_id, presentation_id);
  `,
  // 4: history entries are numbered per organisation (1, 2, 3… without gaps), not per database.
  // Existing entries are renumbered in the order they were made.
  `
  ALTER TABLE history ADD COLUMN seq INTEGER;
  UPDATE history SET seq = numbered.seq
    FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY organisation_id ORDER BY id) AS seq FROM history) AS numbered
    WHERE numbered.id = history.id;
  DROP INDEX history_organisation;
  CREATE UNIQUE INDEX history_sequence ON history (organisation_id, seq);
  `,
  // 5: whether an anonymised presentation keeps the names of units that point at one person.
  `
  ALTER TABLE presentations ADD COLUMN keep_unit_names INTEGER NOT NULL DEFAULT 0;
  `,
  // 6: perception rounds, their participants (a level and role, the hash of a token) and answers.
  `
  CREATE TABLE rounds (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL,
    scenario_id TEXT NOT NULL,
    name TEXT NOT NULL,
    selection TEXT NOT NULL,
    link_ids TEXT NOT NULL,
    questions TEXT NOT NULL,
    mode TEXT NOT NULL,
    closes_at TEXT,
    threshold INTEGER NOT NULL,
    code TEXT NOT NULL UNIQUE,
    created_by TEXT,
    created_at TEXT NOT NULL,
    closed_at TEXT,
    observation_scenario_id TEXT
  );
  CREATE INDEX rounds_organisation ON rounds (organisation_id, created_at);
  CREATE TABLE round_participants (
    id TEXT PRIMARY KEY,
    round_id TEXT NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    level_key TEXT NOT NULL,
    role TEXT,
    joined_at TEXT NOT NULL
  );
  CREATE INDEX round_participants_round ON round_participants (round_id);
  CREATE TABLE round_answers (
    id TEXT NOT NULL UNIQUE,
    round_id TEXT NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
    participant_id TEXT NOT NULL REFERENCES round_participants(id) ON DELETE CASCADE,
    link_id TEXT NOT NULL,
    target_responds INTEGER,
    source_responds INTEGER,
    distinctive INTEGER,
    comment TEXT,
    comment_released INTEGER NOT NULL,
    answered_at TEXT NOT NULL,
    PRIMARY KEY (round_id, participant_id, link_id)
  );
  `,
];
