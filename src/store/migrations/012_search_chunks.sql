-- Schema version 12: the search snapshot's parts stored in chunks of 16 KiB,
-- one row each, written in order so that chunk k of a part is row
-- first + k. A process answering one query (src/search/lazy_index.h) reads
-- only the chunks it needs, each by its row id; one 12 MB cell made every
-- read at an offset walk the cell's overflow-page chain from its start.
-- Derived data: dropped here, rebuilt by the next search.
DROP TABLE search_snapshot;
CREATE TABLE search_snapshot (
  id INTEGER PRIMARY KEY,
  part TEXT NOT NULL,      -- 'stamp', 'ids', 'names', 'names.off', …
  chunk INTEGER NOT NULL,  -- bytes [chunk × 16384, (chunk + 1) × 16384) of the part
  data BLOB NOT NULL,
  UNIQUE (part, chunk)
);
