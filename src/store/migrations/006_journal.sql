-- Schema version 6: the journal of retrospectives (회고록), Markdown entries
-- linked to a job, an application or a company, with tags and a full-text
-- index. (The index's tokenizer, ijik_bigram, is registered by ijik on each
-- connection: see docs/data-model.md.)

CREATE TABLE journal_entries (
  id             INTEGER PRIMARY KEY,
  entry_date     TEXT NOT NULL,             -- YYYY-MM-DD
  title          TEXT NOT NULL DEFAULT '',
  body           TEXT NOT NULL,             -- Markdown
  job_id         INTEGER REFERENCES jobs(id) ON DELETE SET NULL,
  application_id INTEGER REFERENCES applications(id) ON DELETE SET NULL,
  company_id     INTEGER REFERENCES companies(id) ON DELETE SET NULL,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
);
CREATE INDEX journal_entries_date ON journal_entries(entry_date);

CREATE TABLE journal_tags (
  entry_id INTEGER NOT NULL REFERENCES journal_entries(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  tag      TEXT NOT NULL,
  PRIMARY KEY (entry_id, position),
  UNIQUE (entry_id, tag)
);
CREATE INDEX journal_tags_tag ON journal_tags(tag);

-- The search index over title and body, kept in step by the triggers below.
CREATE VIRTUAL TABLE journal_fts USING fts5(
  title, body, content='journal_entries', content_rowid='id', tokenize='ijik_bigram');

CREATE TRIGGER journal_entries_ai AFTER INSERT ON journal_entries BEGIN
  INSERT INTO journal_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER journal_entries_ad AFTER DELETE ON journal_entries BEGIN
  INSERT INTO journal_fts(journal_fts, rowid, title, body)
  VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER journal_entries_au AFTER UPDATE OF title, body ON journal_entries BEGIN
  INSERT INTO journal_fts(journal_fts, rowid, title, body)
  VALUES ('delete', old.id, old.title, old.body);
  INSERT INTO journal_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
