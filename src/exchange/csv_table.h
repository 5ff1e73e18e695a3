// The spreadsheet form of the tracker: one row per application with its
// stages (ijik export csv / ijik import csv).
#pragma once

#include <string>
#include <vector>

#include "common/result.h"
#include "domain/tracker.h"
#include "store/database.h"

namespace ijik::exchange {

// UTF-8 with a BOM (so Excel shows Hangul), CRLF line ends, a header row:
// id, company, role, team, source, via, applied, status, url, salary_min,
// salary_max, note, current_stage, stages. `stages` holds every stage as
// "name=result@YYYY-MM-DD HH:MM" joined by "; " (";", "=", "@", "\" in names escaped with "\").
std::string export_csv(const std::vector<domain::Application>& apps);

// Quotes a field when it holds a comma, quote, CR or LF.
std::string csv_field(const std::string& s);

struct CsvImportSummary {
  int applications = 0;
  int stages = 0;
  int companies_added = 0;
  std::vector<std::string> unknown_columns;  // kept in each application's note
  std::vector<std::string> ignored_columns;  // known but derived (id, status of an active row)
};

// Imports a spreadsheet: columns matched by header name, Korean or English
// (회사/company, 직무/role, 팀/team, 출처/source, 추천인·채널/via, 지원일/applied,
// 공고/url, 연봉/salary, 메모/note, 단계/stage, 결과/result, stages, 상태/status).
// Unknown columns are reported and their values kept in the note, never dropped.
// UTF-8 (with or without BOM) or CP949 (Excel's Korean default). Any bad row
// fails the whole import with its line number; the caller's transaction then
// rolls back.
Result<CsvImportSummary> import_csv(store::Database& db, const std::string& bytes,
                                    const std::string& file_name);

}  // namespace ijik::exchange
