-- Schema version 2: National Pension workplace data imported from the public
-- monthly files, workplaces linked across months, and derived metrics.
-- Key design and sources: docs/data-model.md.

-- One row per imported month.
CREATE TABLE nps_months (
  month       INTEGER PRIMARY KEY,  -- YYYYMM
  rows        INTEGER NOT NULL,     -- rows imported
  rejected    INTEGER NOT NULL,     -- rows set aside (see the rejects file)
  source_file TEXT NOT NULL,
  imported_at TEXT NOT NULL
);

-- A workplace: the rows of many months linked into one series. The columns
-- describe its latest row (the latest imported month in which it appears).
CREATE TABLE nps_workplaces (
  -- AUTOINCREMENT: a removed workplace's id is never handed to another, so a
  -- link or a series row can never silently point at a different firm.
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  brn6            TEXT NOT NULL,     -- first 6 digits of 사업자등록번호 (all that is published)
  name            TEXT NOT NULL,     -- as published
  name_key        TEXT NOT NULL,     -- normalized: legal forms, spaces, punctuation removed
  ldong           TEXT NOT NULL,     -- 법정동 code (10 digits)
  adopted         TEXT NOT NULL,     -- 적용일자 YYYY-MM-DD ('' when the row had none)
  legal_form      INTEGER NOT NULL,  -- 1 법인, 2 개인
  sido_code       TEXT NOT NULL,
  region          TEXT NOT NULL,     -- "서울 강남구", from the address
  address         TEXT NOT NULL,     -- road-name address, else lot-number address
  industry_code   TEXT NOT NULL,
  industry_name   TEXT NOT NULL,
  status          INTEGER NOT NULL,  -- 1 등록, 2 탈퇴
  withdrawn_on    TEXT,              -- 탈퇴일자, if any
  reregistered_on TEXT,              -- 재등록일자, if any
  first_month     INTEGER NOT NULL,  -- YYYYMM of the earliest row linked to it
  attrs_month     INTEGER NOT NULL,  -- YYYYMM of the row the columns above come from
  attrs_hash      INTEGER NOT NULL   -- hash of those columns: rewritten only when they change
);
CREATE INDEX nps_workplaces_brn6 ON nps_workplaces(brn6);

-- The monthly series, clustered by month: importing a month appends, replacing
-- one deletes a contiguous range. A workplace's series is one lookup per month.
CREATE TABLE nps_monthly (
  month        INTEGER NOT NULL,
  workplace_id INTEGER NOT NULL,
  headcount    INTEGER NOT NULL,  -- 가입자수
  billed       INTEGER NOT NULL,  -- 당월고지금액 (KRW)
  hires        INTEGER NOT NULL,  -- 신규취득자수
  leavers      INTEGER NOT NULL,  -- 상실가입자수
  status       INTEGER NOT NULL,  -- 1 등록, 2 탈퇴
  PRIMARY KEY (month, workplace_id)
) WITHOUT ROWID;

-- Metrics per workplace as of its latest month (domain::compute_metrics),
-- rebuilt after every import.
CREATE TABLE nps_metrics (
  workplace_id       INTEGER PRIMARY KEY,
  latest_month       INTEGER NOT NULL,
  headcount          INTEGER NOT NULL,
  months_observed    INTEGER NOT NULL,
  change_3m          INTEGER,
  change_6m          INTEGER,
  change_12m         INTEGER,
  change_3m_pct      REAL,
  change_6m_pct      REAL,
  change_12m_pct     REAL,
  hires_12m          INTEGER NOT NULL,
  leavers_12m        INTEGER NOT NULL,
  attrition_12m      REAL,
  pay_month_est      INTEGER,
  pay_is_lower_bound INTEGER NOT NULL
);

-- A user's company tied to its public workplace (ijik company link).
CREATE TABLE company_workplaces (
  company_id   INTEGER PRIMARY KEY REFERENCES companies(id) ON DELETE CASCADE,
  workplace_id INTEGER NOT NULL,
  linked_at    TEXT NOT NULL
);
