#include "ingest/csv_reader.h"

#include <fmt/format.h>

namespace ijik::ingest {
namespace {

// Character classes for the scanning loops.
enum : unsigned char { kPlain = 0, kSep = 1, kCr = 2, kLf = 3, kQuote = 4 };

}  // namespace

std::string_view reason(CsvErrorKind kind) {
  switch (kind) {
    case CsvErrorKind::kQuoteInUnquotedField:
      return "quote inside an unquoted field";
    case CsvErrorKind::kGarbageAfterQuote:
      return "text after a closing quote";
    case CsvErrorKind::kUnterminatedQuote:
      return "quoted field not closed before the end of the file";
  }
  return "malformed record";
}

std::string describe(const CsvError& e) {
  return fmt::format("line {}: {} (byte {})", e.line, reason(e.kind), e.offset);
}

CsvReader::CsvReader(std::string_view data, CsvOptions options) : data_(data), opt_(options) {
  cls_[static_cast<unsigned char>(opt_.separator)] = kSep;
  cls_[static_cast<unsigned char>('\r')] = kCr;
  cls_[static_cast<unsigned char>('\n')] = kLf;
  cls_[static_cast<unsigned char>('"')] = kQuote;
  if (data_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
}

CsvRead CsvReader::fail(CsvErrorKind kind, size_t at, size_t start, CsvRecord& rec, CsvError& err) {
  // Resume at the line after the one the bad record starts on.
  size_t eol = start;
  while (eol < data_.size() && data_[eol] != '\n' && data_[eol] != '\r') ++eol;
  err = {rec.line, at, kind, data_.substr(start, eol - start)};
  pos_ = eol;
  if (pos_ < data_.size()) {
    if (data_[pos_] == '\r' && pos_ + 1 < data_.size() && data_[pos_ + 1] == '\n') ++pos_;
    ++pos_;
  }
  line_ = rec.line + 1;
  rec.fields.clear();
  return CsvRead::kMalformed;
}

CsvRead CsvReader::next(CsvRecord& rec, CsvError& err) {
  const unsigned char* cls = cls_;
  const char sep = opt_.separator;
  const char* const d = data_.data();
  const size_t n = data_.size();
  size_t p = pos_;

  // Skip blank lines.
  while (p < n && (d[p] == '\r' || d[p] == '\n')) {
    if (d[p] == '\r' && p + 1 < n && d[p + 1] == '\n') ++p;
    ++p;
    ++line_;
  }
  if (p >= n) {
    pos_ = n;
    return CsvRead::kEnd;
  }

  const size_t start = p;
  rec.line = line_;
  rec.fields.clear();
  scratch_.clear();
  unescaped_.clear();
  auto is_blank = [sep](char c) { return c == ' ' || (c == '\t' && sep != '\t'); };

  for (;;) {
    // One field starts at p.
    size_t q = p;
    while (q < n && is_blank(d[q])) ++q;
    if (q < n && d[q] == '"') {
      // Quoted field: scan to the closing quote, counting line ends inside.
      size_t body = q + 1;
      size_t i = body;
      bool escaped = false;
      for (;;) {
        while (i < n && cls[static_cast<unsigned char>(d[i])] < kCr) ++i;
        if (i >= n) return fail(CsvErrorKind::kUnterminatedQuote, q, start, rec, err);
        char c = d[i];
        if (c == '"') {
          if (i + 1 < n && d[i + 1] == '"') {
            escaped = true;
            i += 2;
            continue;
          }
          break;
        }
        if (c == '\n' || i + 1 >= n || d[i + 1] != '\n') ++line_;  // LF, or a bare CR
        ++i;
      }
      const size_t body_end = i;
      p = i + 1;
      while (p < n && is_blank(d[p])) ++p;
      if (p < n && cls[static_cast<unsigned char>(d[p])] == kPlain) {
        return fail(CsvErrorKind::kGarbageAfterQuote, p, start, rec, err);
      }
      if (p < n && d[p] == '"') return fail(CsvErrorKind::kGarbageAfterQuote, p, start, rec, err);
      if (!escaped) {
        rec.fields.emplace_back(d + body, body_end - body);
      } else {
        size_t off = scratch_.size();
        for (size_t k = body; k < body_end; ++k) {
          scratch_.push_back(d[k]);
          if (d[k] == '"') ++k;  // the second quote of ""
        }
        unescaped_.push_back({rec.fields.size(), {off, scratch_.size() - off}});
        rec.fields.emplace_back();
      }
    } else {
      // Unquoted field: up to the separator or line end.
      size_t i = p;
      for (;;) {
        while (i < n && cls[static_cast<unsigned char>(d[i])] == kPlain) ++i;
        if (i < n && d[i] == '"') {
          if (!opt_.allow_bare_quotes) {
            return fail(CsvErrorKind::kQuoteInUnquotedField, i, start, rec, err);
          }
          ++i;
          continue;
        }
        break;
      }
      rec.fields.emplace_back(d + p, i - p);
      p = i;
    }

    // After a field: separator, line end, or end of buffer.
    if (p >= n) break;
    if (d[p] == sep) {
      ++p;
      continue;
    }
    break;  // CR or LF
  }

  rec.raw = std::string_view(d + start, p - start);
  if (p < n) {
    if (d[p] == '\r' && p + 1 < n && d[p + 1] == '\n') ++p;
    ++p;
    ++line_;
  }
  pos_ = p;
  for (const auto& [idx, span] : unescaped_) {
    rec.fields[idx] = std::string_view(scratch_.data() + span.first, span.second);
  }
  return CsvRead::kRecord;
}

}  // namespace ijik::ingest
