-- Schema version 1: the job-hunt tracker.
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE companies (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  brn        TEXT CHECK (brn IS NULL OR (length(brn) = 10 AND brn NOT GLOB '*[^0-9]*')),
  url        TEXT NOT NULL DEFAULT '',
  note       TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);

CREATE TABLE company_aliases (
  company_id INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  alias      TEXT NOT NULL,
  position   INTEGER NOT NULL,
  PRIMARY KEY (company_id, alias)
);

CREATE TABLE applications (
  id         INTEGER PRIMARY KEY,
  company_id INTEGER NOT NULL REFERENCES companies(id),
  role       TEXT NOT NULL,
  team       TEXT NOT NULL DEFAULT '',
  source     TEXT NOT NULL CHECK (source IN ('direct','referral','headhunter','platform','cold-email')),
  via        TEXT NOT NULL DEFAULT '',
  applied    TEXT NOT NULL,
  url        TEXT NOT NULL DEFAULT '',
  salary_min INTEGER,
  salary_max INTEGER,
  note       TEXT NOT NULL DEFAULT '',
  closure    TEXT CHECK (closure IS NULL OR closure IN ('withdrawn','accepted')),
  closed_on  TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX applications_company ON applications(company_id);

CREATE TABLE stages (
  id             INTEGER PRIMARY KEY,
  application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
  position       INTEGER NOT NULL,
  name           TEXT NOT NULL,
  date           TEXT,
  time           TEXT,
  result         TEXT NOT NULL DEFAULT 'pending'
                 CHECK (result IN ('pending','passed','failed','withdrawn','no-show')),
  note           TEXT NOT NULL DEFAULT '',
  uid            TEXT NOT NULL UNIQUE,
  updated_at     TEXT NOT NULL,
  UNIQUE (application_id, position)
);

CREATE TABLE stage_questions (
  stage_id INTEGER NOT NULL REFERENCES stages(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  text     TEXT NOT NULL,
  PRIMARY KEY (stage_id, position)
);

CREATE TABLE processes (
  id      INTEGER PRIMARY KEY,
  name    TEXT NOT NULL UNIQUE,
  builtin INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE process_stages (
  process_id INTEGER NOT NULL REFERENCES processes(id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  name       TEXT NOT NULL,
  PRIMARY KEY (process_id, position)
);

CREATE TABLE contacts (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  company    TEXT NOT NULL DEFAULT '',
  email      TEXT NOT NULL DEFAULT '',
  phone      TEXT NOT NULL DEFAULT '',
  note       TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);

CREATE TABLE application_contacts (
  application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
  contact_id     INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  PRIMARY KEY (application_id, contact_id)
);
