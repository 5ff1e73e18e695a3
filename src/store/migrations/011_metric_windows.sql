-- Schema version 11: each workplace's latest monthly points kept beside its
-- metrics, so that the next import recomputes the metrics from this one
-- column instead of re-reading a year of nps_monthly (docs/performance.md).
-- NULL for rows written before this version: the importer then reads the
-- months themselves, as before.
ALTER TABLE nps_metrics ADD COLUMN recent BLOB;
