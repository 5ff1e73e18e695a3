-- Schema version 7: financial statements and funding. (6 belongs to another
-- feature.) OpenDART bulk statements (dart_*) and what the user enters by hand
-- (company_financials, company_funding), and a user's company tied to its
-- DART company (company_dart).

-- A company seen in the OpenDART bulk files. Listed companies are known by
-- their stock code (종목코드); XBRL filers without one by their name.
CREATE TABLE dart_companies (
  id            INTEGER PRIMARY KEY,
  stock_code    TEXT UNIQUE,  -- e.g. 095570 (brackets dropped); null when the file has none
  corp_code     TEXT UNIQUE,  -- OpenDART 고유번호 (8 digits), when a file carries it
  name          TEXT NOT NULL,
  name_key      TEXT NOT NULL,  -- normalized name (text::normalize_company_name)
  market        TEXT NOT NULL DEFAULT '',  -- 시장구분
  industry_code TEXT NOT NULL DEFAULT '',  -- 업종
  industry_name TEXT NOT NULL DEFAULT '',  -- 업종명
  fiscal_month  INTEGER  -- 결산월
);
CREATE INDEX dart_companies_name ON dart_companies(name_key);

-- One imported statement file. A file is known by what it holds, not by its
-- name: importing the same period, statement and basis again replaces it.
CREATE TABLE dart_files (
  id          INTEGER PRIMARY KEY,
  period_year INTEGER NOT NULL,  -- the fiscal year most of its rows close (결산기준일)
  report_kind TEXT NOT NULL,     -- 사업보고서
  statement   TEXT NOT NULL CHECK (statement IN ('balance', 'income', 'comprehensive')),
  basis       TEXT NOT NULL CHECK (basis IN ('consolidated', 'separate')),
  source_file TEXT NOT NULL,
  rows        INTEGER NOT NULL,
  kept        INTEGER NOT NULL,  -- figures kept
  rejected    INTEGER NOT NULL,
  imported_at TEXT NOT NULL,
  UNIQUE (period_year, report_kind, statement, basis)
);

-- One figure of one company for one fiscal year, as one file gave it. A report
-- carries the year before (전기) and the one before that (전전기) too: `lag`
-- says which column it came from; the report of the year itself wins.
CREATE TABLE dart_values (
  dart_company_id INTEGER NOT NULL REFERENCES dart_companies(id) ON DELETE CASCADE,
  year    INTEGER NOT NULL,
  basis   TEXT NOT NULL CHECK (basis IN ('consolidated', 'separate')),
  item    TEXT NOT NULL CHECK (item IN ('revenue', 'operating_income', 'net_income',
                                        'total_assets', 'total_liabilities', 'total_equity',
                                        'paid_in_capital', 'cash')),
  lag     INTEGER NOT NULL CHECK (lag BETWEEN 0 AND 2),
  amount  INTEGER NOT NULL,  -- KRW
  file_id INTEGER NOT NULL REFERENCES dart_files(id) ON DELETE CASCADE,
  PRIMARY KEY (dart_company_id, year, basis, item, lag)
) WITHOUT ROWID;
CREATE INDEX dart_values_file ON dart_values(file_id);

-- Statements the user read elsewhere (an audit report, a paid report), per
-- fiscal year. Null: not given. They win over DART item by item.
CREATE TABLE company_financials (
  company_id        INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  year              INTEGER NOT NULL,
  source            TEXT NOT NULL CHECK (source <> ''),
  revenue           INTEGER,
  operating_income  INTEGER,
  net_income        INTEGER,
  total_assets      INTEGER,
  total_liabilities INTEGER,
  total_equity      INTEGER,
  paid_in_capital   INTEGER,
  cash              INTEGER,
  entered_at        TEXT NOT NULL,
  PRIMARY KEY (company_id, year)
);

-- Investment rounds and programmes (TIPS) the user records.
CREATE TABLE company_funding (
  id         INTEGER PRIMARY KEY,
  company_id INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  month      TEXT NOT NULL,  -- YYYY-MM
  round      TEXT NOT NULL CHECK (round <> ''),
  amount     INTEGER,        -- KRW; null when undisclosed
  note       TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  UNIQUE (company_id, month, round)
);
CREATE TABLE funding_investors (
  funding_id INTEGER NOT NULL REFERENCES company_funding(id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  name       TEXT NOT NULL,
  PRIMARY KEY (funding_id, position)
);

-- A user's company tied to its DART company (ijik company link NAME --dart
-- CODE). Kept by the DART company's codes, not its row id, so the link
-- survives a re-import of the public data and an archive round trip.
CREATE TABLE company_dart (
  company_id INTEGER PRIMARY KEY REFERENCES companies(id) ON DELETE CASCADE,
  stock_code TEXT,
  corp_code  TEXT,
  dart_name  TEXT NOT NULL,
  linked_at  TEXT NOT NULL,
  CHECK (stock_code IS NOT NULL OR corp_code IS NOT NULL OR dart_name <> '')
);
