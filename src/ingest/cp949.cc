#include "ingest/cp949.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <memory>

namespace ijik::ingest {
namespace {

constexpr unsigned kLeadFirst = 0x81;
constexpr unsigned kTrailFirst = 0x41;
constexpr unsigned kTrailCount = 0xFE - 0x41 + 1;

// Double-byte table generated from ICU by tools/gen_cp949_table.cc.
constexpr uint16_t kTable[] = {
#include "ingest/cp949_table.inc"
};
static_assert(sizeof(kTable) / sizeof(kTable[0]) == (0xFE - 0x81 + 1) * kTrailCount);

constexpr uint64_t kHighBits = 0x8080808080808080ULL;

// Writes the UTF-8 of a BMP code point at `dst`; returns the new end.
inline char* put_bmp(char* dst, unsigned cp) {
  if (cp < 0x800) {
    dst[0] = static_cast<char>(0xC0 | (cp >> 6));
    dst[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return dst + 2;
  }
  dst[0] = static_cast<char>(0xE0 | (cp >> 12));
  dst[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  dst[2] = static_cast<char>(0x80 | (cp & 0x3F));
  return dst + 3;
}

// Classifies the CP949 sequence at p (p < end, *p >= 0x80): returns its code
// point, or 0 and fills kind/value.
inline unsigned lookup(const unsigned char* p, const unsigned char* end, ConvertErrorKind& kind,
                       uint32_t& value) {
  unsigned lead = p[0];
  if (lead == 0x80 || lead == 0xFF) {
    kind = ConvertErrorKind::kInvalidLead;
    value = lead;
    return 0;
  }
  if (end - p < 2) {
    kind = ConvertErrorKind::kTruncated;
    value = lead;
    return 0;
  }
  unsigned trail = p[1];
  value = lead << 8 | trail;
  if (trail < kTrailFirst || trail == 0xFF) {
    kind = ConvertErrorKind::kInvalidTrail;
    return 0;
  }
  unsigned cp = kTable[(lead - kLeadFirst) * kTrailCount + (trail - kTrailFirst)];
  if (cp == 0) kind = ConvertErrorKind::kUnmapped;
  return cp;
}

// Unicode BMP code point -> CP949 double-byte code (0 when none), built once.
const uint16_t* inverse_table() {
  static const std::unique_ptr<uint16_t[]> inv = [] {
    auto t = std::make_unique<uint16_t[]>(0x10000);
    for (unsigned i = 0; i < sizeof(kTable) / sizeof(kTable[0]); ++i) {
      if (kTable[i] == 0) continue;
      unsigned lead = kLeadFirst + i / kTrailCount, trail = kTrailFirst + i % kTrailCount;
      t[kTable[i]] = static_cast<uint16_t>(lead << 8 | trail);
    }
    return t;
  }();
  return inv.get();
}

// Decodes one UTF-8 sequence at p; returns its length (0 when invalid or, with
// allow_cut, when cut off by `end`; cut is then set) and sets cp.
inline size_t next_utf8(const unsigned char* p, const unsigned char* end, char32_t& cp,
                        bool* cut = nullptr) {
  unsigned c = p[0];
  size_t n;
  char32_t min;
  if (c < 0x80) {
    cp = c;
    return 1;
  } else if (c >= 0xC2 && c <= 0xDF) {
    n = 2, cp = c & 0x1F, min = 0x80;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3, cp = c & 0x0F, min = 0x800;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4, cp = c & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  for (size_t i = 1; i < n; ++i) {
    if (p + i >= end) {
      if (cut) *cut = true;
      return 0;
    }
    unsigned b = p[i];
    if ((b & 0xC0) != 0x80) return 0;
    cp = cp << 6 | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

}  // namespace

std::string describe(const ConvertError& e) {
  switch (e.kind) {
    case ConvertErrorKind::kInvalidLead:
      return fmt::format("invalid CP949 byte 0x{:02X} at byte {}", e.value, e.offset);
    case ConvertErrorKind::kInvalidTrail:
      return fmt::format("invalid CP949 trail byte in 0x{:04X} at byte {}", e.value, e.offset);
    case ConvertErrorKind::kTruncated:
      return fmt::format("truncated CP949 character 0x{:02X} at byte {}", e.value, e.offset);
    case ConvertErrorKind::kUnmapped:
      return fmt::format("unmapped CP949 sequence 0x{:04X} at byte {}", e.value, e.offset);
    case ConvertErrorKind::kInvalidUtf8:
      return fmt::format("invalid UTF-8 at byte {}", e.offset);
    case ConvertErrorKind::kNotInCp949:
      return fmt::format("character U+{:04X} at byte {} has no CP949 code", e.value, e.offset);
  }
  return "conversion error";
}

size_t decode_cp949(std::string_view in, std::string& out, ConvertError* err) {
  // Short all-ASCII input (codes, dates, numbers: most CSV fields) is copied.
  if (in.size() <= 16) {
    size_t i = 0;
    while (i < in.size() && static_cast<unsigned char>(in[i]) < 0x80) ++i;
    if (i == in.size()) {
      out.append(in);
      return in.size();
    }
  }
  const size_t base = out.size();
  // Worst case: every 2-byte character becomes 3 bytes of UTF-8.
  out.resize(base + in.size() + in.size() / 2 + 8);
  char* const begin = out.data();
  char* dst = begin + base;
  const auto* const start = reinterpret_cast<const unsigned char*>(in.data());
  const auto* p = start;
  const auto* const end = start + in.size();
  while (p < end) {
    // ASCII fast path, eight bytes at a time.
    while (end - p >= 8) {
      uint64_t w;
      std::memcpy(&w, p, 8);
      if (w & kHighBits) break;
      std::memcpy(dst, p, 8);
      p += 8;
      dst += 8;
    }
    if (p == end) break;
    if (*p < 0x80) {
      *dst++ = static_cast<char>(*p++);
      continue;
    }
    ConvertErrorKind kind;
    uint32_t value;
    unsigned cp = lookup(p, end, kind, value);
    if (cp == 0) {
      if (err) *err = {static_cast<size_t>(p - start), kind, value};
      out.resize(dst - begin);
      return p - start;
    }
    dst = put_bmp(dst, cp);
    p += 2;
  }
  out.resize(dst - begin);
  return in.size();
}

size_t decode_cp949_lossy(std::string_view in, std::string& out) {
  size_t replaced = 0;
  while (!in.empty()) {
    ConvertError e;
    size_t n = decode_cp949(in, out, &e);
    if (n == in.size()) break;
    out += "\xEF\xBF\xBD";
    ++replaced;
    // An unmapped pair is one character; otherwise skip only the bad byte, so
    // an ASCII byte after a stray lead byte survives.
    n += e.kind == ConvertErrorKind::kUnmapped ? 2 : 1;
    in.remove_prefix(std::min(n, in.size()));
  }
  return replaced;
}

size_t encode_cp949(std::string_view in, std::string& out, ConvertError* err) {
  const uint16_t* inv = inverse_table();
  const auto* const start = reinterpret_cast<const unsigned char*>(in.data());
  const auto* p = start;
  const auto* const end = start + in.size();
  out.reserve(out.size() + in.size());
  while (p < end) {
    const auto* run = p;
    while (p < end && *p < 0x80) ++p;
    out.append(reinterpret_cast<const char*>(run), p - run);
    if (p == end) break;
    char32_t cp;
    size_t n = next_utf8(p, end, cp);
    if (n == 0) {
      if (err) *err = {static_cast<size_t>(p - start), ConvertErrorKind::kInvalidUtf8, *p};
      return p - start;
    }
    uint16_t code = cp < 0x10000 ? inv[cp] : 0;
    if (code == 0) {
      if (err) *err = {static_cast<size_t>(p - start), ConvertErrorKind::kNotInCp949, cp};
      return p - start;
    }
    out.push_back(static_cast<char>(code >> 8));
    out.push_back(static_cast<char>(code & 0xFF));
    p += n;
  }
  return in.size();
}

Result<std::string> cp949_to_utf8(std::string_view in) {
  std::string out;
  ConvertError e;
  if (decode_cp949(in, out, &e) != in.size()) return bad_file(describe(e));
  return out;
}

Result<std::string> utf8_to_cp949(std::string_view in) {
  std::string out;
  ConvertError e;
  if (encode_cp949(in, out, &e) != in.size()) return invalid_input(describe(e));
  return out;
}

Encoding detect_encoding(std::string_view head) {
  if (head.substr(0, 3) == "\xEF\xBB\xBF") return Encoding::kUtf8Bom;
  const auto* const start = reinterpret_cast<const unsigned char*>(head.data());
  const auto* const end = start + head.size();

  // UTF-8: count good multi-byte characters and bad bytes.
  size_t utf8_good = 0, utf8_bad = 0;
  for (const auto* p = start; p < end;) {
    if (*p < 0x80) {
      if (*p == 0) ++utf8_bad;  // NUL: binary or UTF-16
      ++p;
      continue;
    }
    char32_t cp;
    bool cut = false;
    size_t n = next_utf8(p, end, cp, &cut);
    if (cut) break;  // head ends mid-character
    if (n == 0) {
      ++utf8_bad;
      ++p;
    } else {
      ++utf8_good;
      p += n;
    }
  }
  if (utf8_bad == 0) return Encoding::kUtf8;

  // CP949: the same count.
  size_t cp949_good = 0, cp949_bad = 0;
  for (const auto* p = start; p < end;) {
    if (*p < 0x80) {
      if (*p == 0) ++cp949_bad;
      ++p;
      continue;
    }
    ConvertErrorKind kind;
    uint32_t value;
    unsigned cp = lookup(p, end, kind, value);
    if (cp != 0) {
      ++cp949_good;
      p += 2;
    } else if (kind == ConvertErrorKind::kTruncated) {
      break;
    } else {
      ++cp949_bad;
      p += kind == ConvertErrorKind::kUnmapped ? 2 : 1;
    }
  }
  if (cp949_good > 0 && cp949_bad * 20 <= cp949_good) return Encoding::kCp949;
  if (utf8_good > 0 && utf8_bad * 20 <= utf8_good) return Encoding::kUtf8;
  return Encoding::kUnknown;
}

std::string_view encoding_name(Encoding e) {
  switch (e) {
    case Encoding::kUtf8:
      return "UTF-8";
    case Encoding::kUtf8Bom:
      return "UTF-8 with BOM";
    case Encoding::kCp949:
      return "CP949";
    case Encoding::kUnknown:
      return "unknown";
  }
  return "unknown";
}

}  // namespace ijik::ingest
