-- Schema version 3: derived snapshots. Compact byte images of data that is
-- slow to read row by row (the screening table), rebuilt from the tables
-- whenever their stamp no longer matches the data they were built from.
CREATE TABLE snapshots (
  name     TEXT PRIMARY KEY,  -- e.g. 'screen'
  stamp    TEXT NOT NULL,     -- describes the data it was built from
  built_at TEXT NOT NULL,
  data     BLOB NOT NULL
);
