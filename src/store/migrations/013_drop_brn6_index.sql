-- Schema version 13: no index on nps_workplaces(brn6). Its one reader, the
-- link suggestions (a company's business-number prefix and name), now finds
-- the workplaces of that name in the search name index and checks their
-- prefix by id (src/search/link_suggestions.h); a first import no longer
-- builds it (~0.5 s a month of 550,000 rows: the whole table read and sorted).
DROP INDEX IF EXISTS nps_workplaces_brn6;
