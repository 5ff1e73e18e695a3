-- Schema version 5: the career story — jobs with conversions and probation,
-- named phases, offers, and decisions. (3 and 4 belong to other features.)

-- A job held: at a company, from a date, until a date (null: the current job).
CREATE TABLE jobs (
  id             INTEGER PRIMARY KEY,
  company_id     INTEGER NOT NULL REFERENCES companies(id),
  title          TEXT NOT NULL,
  team           TEXT NOT NULL DEFAULT '',
  start_type     TEXT NOT NULL CHECK (start_type IN ('intern','contract','full-time')),
  start_date     TEXT NOT NULL,  -- YYYY-MM-DD
  end_date       TEXT,           -- YYYY-MM-DD; null while current
  reason         TEXT NOT NULL DEFAULT '',  -- reason for leaving
  pay            INTEGER,        -- annual base pay (KRW), the baseline for offers
  application_id INTEGER REFERENCES applications(id) ON DELETE SET NULL,
  created_at     TEXT NOT NULL,
  CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX jobs_company ON jobs(company_id);

-- Changes of type within a job (intern → full-time).
CREATE TABLE job_conversions (
  job_id  INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
  on_date TEXT NOT NULL,
  to_type TEXT NOT NULL CHECK (to_type IN ('intern','contract','full-time')),
  PRIMARY KEY (job_id, on_date)
);

-- A job's probation (수습): length, computed end, extension and outcome.
CREATE TABLE probations (
  job_id         INTEGER PRIMARY KEY REFERENCES jobs(id) ON DELETE CASCADE,
  months         INTEGER NOT NULL CHECK (months BETWEEN 1 AND 24),
  original_end   TEXT NOT NULL,  -- start + months (Date::add_months)
  extended_until TEXT,           -- the new end after 수습 연장
  outcome        TEXT NOT NULL DEFAULT 'pending'
                 CHECK (outcome IN ('pending','passed','extended','cancelled')),
  decided_on     TEXT
);

-- Named periods of the career; dates as YYYY-MM or YYYY-MM-DD.
CREATE TABLE phases (
  id        INTEGER PRIMARY KEY,
  name      TEXT NOT NULL,
  from_date TEXT NOT NULL,
  to_date   TEXT
);

-- An offer made through an application (at most one per application).
CREATE TABLE offers (
  application_id    INTEGER PRIMARY KEY REFERENCES applications(id) ON DELETE CASCADE,
  base              INTEGER NOT NULL CHECK (base >= 0),
  signing           INTEGER NOT NULL DEFAULT 0,
  bonus             INTEGER,  -- KRW, or…
  bonus_pct         REAL,     -- …% of base
  stock             TEXT NOT NULL DEFAULT '',
  start_date        TEXT,
  probation_months  INTEGER,
  probation_pay_pct REAL,
  deadline          TEXT,
  location          TEXT NOT NULL DEFAULT '',
  remote_days       INTEGER,
  note              TEXT NOT NULL DEFAULT '',
  created_at        TEXT NOT NULL
);

CREATE TABLE offer_benefits (
  application_id INTEGER NOT NULL REFERENCES offers(application_id) ON DELETE CASCADE,
  position       INTEGER NOT NULL,
  text           TEXT NOT NULL,
  PRIMARY KEY (application_id, position)
);

-- A decision: its options, weighted criteria, scores, pros and cons.
CREATE TABLE decisions (
  id               INTEGER PRIMARY KEY,
  title            TEXT NOT NULL,
  created_on       TEXT NOT NULL,
  chosen_option_id INTEGER,
  closed_on        TEXT,
  note             TEXT NOT NULL DEFAULT ''  -- the reasoning given when closing
);

CREATE TABLE decision_options (
  id             INTEGER PRIMARY KEY,
  decision_id    INTEGER NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
  position       INTEGER NOT NULL,
  name           TEXT NOT NULL,
  application_id INTEGER REFERENCES applications(id) ON DELETE SET NULL,
  stay           INTEGER NOT NULL DEFAULT 0,
  likelihood     REAL,  -- the user's own % of accepting
  UNIQUE (decision_id, position),
  UNIQUE (decision_id, name)
);

CREATE TABLE decision_criteria (
  decision_id INTEGER NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  name        TEXT NOT NULL,
  weight      REAL NOT NULL CHECK (weight >= 0),
  PRIMARY KEY (decision_id, name)
);

-- Scores 0–10; `source` says where a score came from ('hand': entered by the user).
CREATE TABLE decision_scores (
  option_id INTEGER NOT NULL REFERENCES decision_options(id) ON DELETE CASCADE,
  criterion TEXT NOT NULL,
  score     REAL NOT NULL CHECK (score BETWEEN 0 AND 10),
  source    TEXT NOT NULL DEFAULT 'hand',
  PRIMARY KEY (option_id, criterion)
);

CREATE TABLE decision_notes (
  option_id INTEGER NOT NULL REFERENCES decision_options(id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  kind      TEXT NOT NULL CHECK (kind IN ('pro','con')),
  text      TEXT NOT NULL,
  PRIMARY KEY (option_id, position)
);

CREATE TABLE decision_reviews (
  decision_id INTEGER NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  on_date     TEXT NOT NULL,
  note        TEXT NOT NULL,
  PRIMARY KEY (decision_id, position)
);
