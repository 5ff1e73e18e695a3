#include <fmt/format.h>

#include <map>

#include "common/money.h"
#include "exchange/csv_table.h"
#include "ingest/cp949.h"
#include "ingest/csv_reader.h"
#include "store/application_repo.h"
#include "store/company_repo.h"
#include "text/korean.h"

namespace ijik::exchange {
namespace {

enum class Column {
  kId,
  kCompany,
  kRole,
  kTeam,
  kSource,
  kVia,
  kApplied,
  kStatus,
  kUrl,
  kSalary,
  kSalaryMin,
  kSalaryMax,
  kNote,
  kStage,
  kResult,
  kStageDate,
  kStages,
  kUnknown
};

// Header words per column, compared after folding case and removing spaces.
Column column_for(const std::string& header) {
  static const std::map<std::string, Column> kNames = {{"id", Column::kId},
                                                       {"번호", Column::kId},
                                                       {"company", Column::kCompany},
                                                       {"회사", Column::kCompany},
                                                       {"회사명", Column::kCompany},
                                                       {"기업", Column::kCompany},
                                                       {"기업명", Column::kCompany},
                                                       {"role", Column::kRole},
                                                       {"position", Column::kRole},
                                                       {"title", Column::kRole},
                                                       {"직무", Column::kRole},
                                                       {"포지션", Column::kRole},
                                                       {"직군", Column::kRole},
                                                       {"team", Column::kTeam},
                                                       {"팀", Column::kTeam},
                                                       {"부서", Column::kTeam},
                                                       {"source", Column::kSource},
                                                       {"출처", Column::kSource},
                                                       {"지원경로", Column::kSource},
                                                       {"경로", Column::kSource},
                                                       {"via", Column::kVia},
                                                       {"추천인", Column::kVia},
                                                       {"채널", Column::kVia},
                                                       {"applied", Column::kApplied},
                                                       {"date", Column::kApplied},
                                                       {"지원일", Column::kApplied},
                                                       {"지원날짜", Column::kApplied},
                                                       {"지원일자", Column::kApplied},
                                                       {"status", Column::kStatus},
                                                       {"상태", Column::kStatus},
                                                       {"진행상태", Column::kStatus},
                                                       {"url", Column::kUrl},
                                                       {"link", Column::kUrl},
                                                       {"공고", Column::kUrl},
                                                       {"링크", Column::kUrl},
                                                       {"공고링크", Column::kUrl},
                                                       {"salary", Column::kSalary},
                                                       {"연봉", Column::kSalary},
                                                       {"희망연봉", Column::kSalary},
                                                       {"salary_min", Column::kSalaryMin},
                                                       {"salary_max", Column::kSalaryMax},
                                                       {"note", Column::kNote},
                                                       {"notes", Column::kNote},
                                                       {"메모", Column::kNote},
                                                       {"비고", Column::kNote},
                                                       {"stage", Column::kStage},
                                                       {"current_stage", Column::kStage},
                                                       {"단계", Column::kStage},
                                                       {"현재단계", Column::kStage},
                                                       {"전형", Column::kStage},
                                                       {"result", Column::kResult},
                                                       {"결과", Column::kResult},
                                                       {"stage_date", Column::kStageDate},
                                                       {"일정", Column::kStageDate},
                                                       {"전형일", Column::kStageDate},
                                                       {"stages", Column::kStages},
                                                       {"전형이력", Column::kStages}};
  auto it = kNames.find(text::fold(header));
  return it == kNames.end() ? Column::kUnknown : it->second;
}

Error at_line(const std::string& file, size_t line, const Error& e) {
  return Error{e.code, fmt::format("{}: line {}: {}", file, line, e.message)};
}

// Parses the `stages` cell written by export_csv.
Result<std::vector<domain::Stage>> parse_stages_cell(const std::string& cell) {
  std::vector<domain::Stage> out;
  std::vector<std::string> parts(1);
  for (size_t i = 0; i < cell.size(); ++i) {
    if (cell[i] == '\\' && i + 1 < cell.size()) {
      parts.back() += '\x01';  // keep escapes visible to the splitter below
      parts.back() += cell[++i];
    } else if (cell[i] == ';') {
      parts.emplace_back();
    } else {
      parts.back() += cell[i];
    }
  }
  for (auto& p : parts) {
    // Split "name=result@when" at the last unescaped '=' and '@'.
    std::string name, result, when;
    int field = 0;
    for (size_t i = 0; i < p.size(); ++i) {
      if (p[i] == '\x01') {
        (field == 0 ? name : field == 1 ? result : when) += p[++i];
      } else if (p[i] == '=' && field == 0) {
        field = 1;
      } else if (p[i] == '@' && field == 1) {
        field = 2;
      } else {
        (field == 0 ? name : field == 1 ? result : when) += p[i];
      }
    }
    auto trim = [](std::string s) {
      size_t b = s.find_first_not_of(' '), e = s.find_last_not_of(' ');
      return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
    };
    name = trim(name), result = trim(result), when = trim(when);
    if (name.empty() && result.empty() && when.empty()) continue;
    if (name.empty())
      return invalid_input(fmt::format(
          "stages cell '{}': a stage has no name; expected 'name=result@YYYY-MM-DD[ HH:MM]; …'",
          cell));
    domain::Stage s;
    s.name = name;
    if (!result.empty()) {
      IJIK_ASSIGN_OR_RETURN(s.result, domain::parse_stage_result(result));
    }
    if (!when.empty()) {
      IJIK_ASSIGN_OR_RETURN(auto dt, parse_date_time(when));
      s.date = dt.date;
      s.time = dt.time;
    }
    out.push_back(std::move(s));
  }
  return out;
}

Result<std::string> to_utf8(const std::string& bytes, const std::string& file_name) {
  switch (ingest::detect_encoding(std::string_view(bytes).substr(0, 64 * 1024))) {
    case ingest::Encoding::kUtf8Bom:
      return bytes.substr(3);
    case ingest::Encoding::kUtf8:
      return bytes;
    case ingest::Encoding::kCp949: {
      auto r = ingest::cp949_to_utf8(bytes);
      if (!r.ok()) return bad_file(fmt::format("{}: {}", file_name, r.error().message));
      return r;
    }
    default:
      return bad_file(fmt::format(
          "{}: not a text CSV file: expected UTF-8 or CP949 text with a header row", file_name));
  }
}

}  // namespace

Result<CsvImportSummary> import_csv(store::Database& db, const std::string& bytes,
                                    const std::string& file_name) {
  IJIK_ASSIGN_OR_RETURN(std::string text, to_utf8(bytes, file_name));
  ingest::CsvReader reader(text);
  ingest::CsvRecord rec;
  ingest::CsvError err;
  auto first = reader.next(rec, err);
  if (first == ingest::CsvRead::kEnd)
    return bad_file(fmt::format(
        "{}: empty file: expected a header row such as 회사,직무,지원일,단계,결과", file_name));
  if (first == ingest::CsvRead::kMalformed)
    return bad_file(fmt::format("{}: {}", file_name, ingest::describe(err)));
  std::vector<Column> columns;
  std::vector<std::string> headers;
  CsvImportSummary sum;
  bool has_company = false, has_role = false;
  for (size_t i = 0; i < rec.fields.size(); ++i) {
    headers.emplace_back(rec.fields[i]);
    Column c = column_for(headers.back());
    if (c == Column::kUnknown && !headers.back().empty())
      sum.unknown_columns.push_back(headers.back());
    has_company = has_company || c == Column::kCompany;
    has_role = has_role || c == Column::kRole;
    columns.push_back(c);
  }
  if (!has_company || !has_role)
    return bad_file(
        fmt::format("{}: not an applications spreadsheet: expected header columns for the company "
                    "(회사/company) and the role (직무/role)",
                    file_name));

  store::CompanyRepo companies(db);
  store::ApplicationRepo apps(db);
  while (true) {
    auto outcome = reader.next(rec, err);
    if (outcome == ingest::CsvRead::kEnd) break;
    if (outcome == ingest::CsvRead::kMalformed)
      return bad_file(fmt::format("{}: {}", file_name, ingest::describe(err)));
    bool blank = true;
    for (size_t i = 0; i < rec.fields.size(); ++i) blank = blank && rec.fields[i].empty();
    if (blank) continue;
    if (rec.fields.size() > columns.size())
      return bad_file(fmt::format(
          "{}: line {}: {} fields but the header has {}; expected one field per header column",
          file_name, rec.line, rec.fields.size(), columns.size()));

    domain::Application a;
    std::string company, stage_name, stage_result, stage_date, status, extra_notes;
    std::vector<domain::Stage> stages;
    for (size_t i = 0; i < rec.fields.size(); ++i) {
      std::string v(rec.fields[i]);
      if (v.empty()) continue;
      Status s;
      switch (columns[i]) {
        case Column::kCompany:
          company = v;
          break;
        case Column::kRole:
          a.role = v;
          break;
        case Column::kTeam:
          a.team = v;
          break;
        case Column::kSource: {
          auto src = domain::parse_source(v);
          if (!src.ok()) return at_line(file_name, rec.line, src.error());
          a.source = *src;
          break;
        }
        case Column::kVia:
          a.via = v;
          break;
        case Column::kApplied: {
          auto d = parse_date(v);
          if (!d.ok()) return at_line(file_name, rec.line, d.error());
          a.applied = *d;
          break;
        }
        case Column::kStatus:
          status = v;
          break;
        case Column::kUrl:
          a.url = v;
          break;
        case Column::kSalary: {
          auto range = domain::parse_salary_range(v);
          if (!range.ok()) return at_line(file_name, rec.line, range.error());
          a.salary_min = range->first;
          a.salary_max = range->second;
          break;
        }
        case Column::kSalaryMin:
        case Column::kSalaryMax: {
          auto amount =
              parse_krw(v + (v.find_first_not_of("0123456789") == std::string::npos ? "원" : ""));
          if (!amount.ok()) return at_line(file_name, rec.line, amount.error());
          (columns[i] == Column::kSalaryMin ? a.salary_min : a.salary_max) = *amount;
          break;
        }
        case Column::kNote:
          a.note = v;
          break;
        case Column::kStage:
          stage_name = v;
          break;
        case Column::kResult:
          stage_result = v;
          break;
        case Column::kStageDate:
          stage_date = v;
          break;
        case Column::kStages: {
          auto parsed = parse_stages_cell(v);
          if (!parsed.ok()) return at_line(file_name, rec.line, parsed.error());
          stages = std::move(parsed).value();
          break;
        }
        case Column::kId:
          break;  // new ids are assigned
        case Column::kUnknown:
          extra_notes += (extra_notes.empty() ? "" : "\n") + headers[i] + ": " + v;
          break;
      }
    }
    if (company.empty()) return at_line(file_name, rec.line, invalid_input("the company is empty"));
    if (a.role.empty()) return at_line(file_name, rec.line, invalid_input("the role is empty"));
    if (a.applied == Date{})
      return at_line(file_name, rec.line,
                     invalid_input("the date applied is missing: expected YYYY-MM-DD"));
    if (!extra_notes.empty()) a.note += (a.note.empty() ? "" : "\n") + extra_notes;
    if (stages.empty() && !stage_name.empty()) {
      domain::Stage s;
      s.name = stage_name;
      if (!stage_result.empty()) {
        auto r = domain::parse_stage_result(stage_result);
        if (!r.ok()) return at_line(file_name, rec.line, r.error());
        s.result = *r;
      }
      if (!stage_date.empty()) {
        auto dt = parse_date_time(stage_date);
        if (!dt.ok()) return at_line(file_name, rec.line, dt.error());
        s.date = dt->date;
        s.time = dt->time;
      }
      stages.push_back(std::move(s));
    }
    a.stages = std::move(stages);
    // A status column only matters where it records what the user decided.
    const std::string st = text::fold(status);
    if (st == "withdrawn" || st == "철회" || st == "포기") a.closure = domain::Closure::kWithdrawn;
    if (st == "accepted" || st == "입사" || st == "입사확정")
      a.closure = domain::Closure::kAccepted;

    IJIK_ASSIGN_OR_RETURN(auto found, companies.find_or_add(company));
    a.company_id = found.company.id;
    if (found.added) ++sum.companies_added;
    IJIK_RETURN_IF_ERROR(apps.add(a));
    ++sum.applications;
    sum.stages += static_cast<int>(a.stages.size());
  }
  return sum;
}

}  // namespace ijik::exchange
