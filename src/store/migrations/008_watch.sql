-- Schema version 8: the watch list and the alerts raised for watched
-- companies when an import brings new data (ijik watch, ijik alerts).

-- A watched company: one of the user's companies, or a public workplace
-- watched directly. The current employer from the career timeline is watched
-- without a row here.
CREATE TABLE watches (
  id           INTEGER PRIMARY KEY,
  company_id   INTEGER REFERENCES companies(id) ON DELETE CASCADE,
  workplace_id INTEGER,            -- nps_workplaces.id, for a bare public workplace
  is_current   INTEGER NOT NULL DEFAULT 0,  -- marked the current employer (watch add --current)
  added_at     TEXT NOT NULL,
  CHECK ((company_id IS NULL) <> (workplace_id IS NULL))
);
CREATE UNIQUE INDEX watches_company ON watches(company_id) WHERE company_id IS NOT NULL;
CREATE UNIQUE INDEX watches_workplace ON watches(workplace_id) WHERE workplace_id IS NOT NULL;

-- A red flag raised for a watched company by the data of `month`. One per
-- company, rule and month: re-evaluating the same data raises nothing new.
CREATE TABLE alerts (
  id           INTEGER PRIMARY KEY,
  company_id   INTEGER REFERENCES companies(id) ON DELETE CASCADE,
  workplace_id INTEGER,
  subject      TEXT NOT NULL,  -- the company's name when raised
  rule         TEXT NOT NULL,  -- rule id (docs/vetting.md)
  severity     TEXT NOT NULL CHECK (severity IN ('severe','warning','info')),
  month        TEXT NOT NULL,  -- YYYY-MM: the month of data that raised it
  evidence     TEXT NOT NULL,
  message_ko   TEXT NOT NULL,
  message_en   TEXT NOT NULL,
  raised_at    TEXT NOT NULL,
  CHECK ((company_id IS NULL) <> (workplace_id IS NULL))
);
CREATE UNIQUE INDEX alerts_once ON alerts(coalesce(company_id, 0), coalesce(workplace_id, 0), rule, month);
CREATE INDEX alerts_month ON alerts(month);
