-- Schema version 9: records created from a retrospective (ijik journal import
-- --apply) point back to the entry and the sentence they were read from.
-- (7 and 8 belong to other features.)

CREATE TABLE journal_sources (
  entry_id    INTEGER NOT NULL REFERENCES journal_entries(id) ON DELETE CASCADE,
  record_type TEXT NOT NULL CHECK (record_type IN ('job','application','stage','probation','conversion','job-end')),
  record_id   INTEGER NOT NULL,  -- jobs.id, applications.id or stages.id (probation, conversion, job-end: the job)
  sentence    TEXT NOT NULL,
  confidence  REAL NOT NULL,
  PRIMARY KEY (entry_id, record_type, record_id)
);
