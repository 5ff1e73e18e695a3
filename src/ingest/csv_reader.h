// A streaming reader of RFC 4180-style CSV records over a memory buffer (an
// mmapped or slurped file), built for large public-data files: no allocation
// per field on the common path, and a malformed record is reported on its own
// so the caller can reject that row and go on.
//
// Accepted: a separator (default ','); fields optionally double-quoted, with ""
// for a quote and separators, CR and LF allowed inside quotes; spaces (and tabs,
// unless tab is the separator) around a quoted field are ignored; CRLF, LF or a
// bare CR ends a line; the last line may lack its line end; blank lines are
// skipped; a UTF-8 BOM at the start is skipped. The reader works on bytes, so it
// reads CP949 as well as UTF-8 (CP949 trail bytes are never '"', ',', CR or LF).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ijik::ingest {

// Why a record was rejected.
enum class CsvErrorKind {
  kQuoteInUnquotedField,  // a '"' after the start of a field that is not quoted
  kGarbageAfterQuote,     // something other than a separator or line end after a closing '"'
  kUnterminatedQuote,     // a quoted field still open at the end of the buffer
};

// One parsed record. The views point into the input buffer, or into the
// reader's own storage for fields that contained "" (unescaped); they stay
// valid until the next call to CsvReader::next.
struct CsvRecord {
  size_t line = 0;                       // 1-based line on which the record starts
  std::string_view raw;                  // the record's bytes without its line end
  std::vector<std::string_view> fields;  // at least one field
};

// A rejected record: where it starts, where and why it broke, and its first
// line (the bytes skipped), for the caller's reject log.
struct CsvError {
  size_t line = 0;    // 1-based line on which the bad record starts
  size_t offset = 0;  // byte offset in the buffer of the offending character
  CsvErrorKind kind = CsvErrorKind::kQuoteInUnquotedField;
  std::string_view raw;  // the bad record's first line, without its line end
};

// "line 12: quote inside an unquoted field (byte 4711)".
std::string describe(const CsvError& e);
// "quote inside an unquoted field": the reason alone, for a rejects file that has its own line
// column.
std::string_view reason(CsvErrorKind kind);

// What CsvReader::next produced.
enum class CsvRead { kRecord, kMalformed, kEnd };

// Options for files that are not plain CSV.
struct CsvOptions {
  char separator = ',';
  // When true, a '"' inside an unquoted field is kept as data instead of
  // rejecting the record (for tab-separated exports that never quote).
  bool allow_bare_quotes = false;
};

// Reads records one at a time from a buffer that must outlive the reader.
class CsvReader {
 public:
  explicit CsvReader(std::string_view data, CsvOptions options = {});

  // Reads the next record into `rec` (reuse one CsvRecord across calls to avoid
  // allocation). On kMalformed, `err` describes the record starting on line L
  // and reading resumes at line L + 1. kEnd once the buffer is exhausted.
  CsvRead next(CsvRecord& rec, CsvError& err);

  // Bytes consumed so far, for progress reports.
  size_t offset() const { return pos_; }

 private:
  CsvRead fail(CsvErrorKind kind, size_t at, size_t start, CsvRecord& rec, CsvError& err);

  std::string_view data_;
  CsvOptions opt_;
  size_t pos_ = 0;
  size_t line_ = 1;
  unsigned char cls_[256] = {};  // byte -> class (plain, separator, CR, LF, quote)
  std::string scratch_;          // unescaped text of fields that contained ""
  // (field index, offset in scratch_, length) of the unescaped fields; their
  // views are set once the record is complete, as scratch_ may grow.
  std::vector<std::pair<size_t, std::pair<size_t, size_t>>> unescaped_;
};

}  // namespace ijik::ingest
