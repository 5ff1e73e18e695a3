-- Schema version 3: a persisted snapshot of the company-name search index
-- (src/search/name_index.h), so a command loads a few blobs instead of
-- reading every workplace. Derived data: it is rebuilt lazily by the first
-- search after its stamp (part 'stamp') no longer matches the public data.
CREATE TABLE search_snapshot (
  part TEXT PRIMARY KEY,  -- 'stamp', 'ids', 'names', 'names.off', …
  data BLOB NOT NULL
);
