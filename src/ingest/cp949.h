// CP949 (Windows-949 / Unified Hangul Code, a superset of EUC-KR) <-> UTF-8,
// table-driven, and a byte-based encoding detector for public-data files.
//
// CSV note: every CP949 trail byte is >= 0x41, so the bytes of '"', ',', CR and
// LF never occur inside a double-byte character; a CSV reader can split raw
// CP949 bytes and decode each record or field afterwards.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/result.h"

namespace ijik::ingest {

// Why a conversion stopped.
enum class ConvertErrorKind {
  kInvalidLead,   // decode: 0x80 or 0xFF, which start no CP949 character
  kInvalidTrail,  // decode: a lead byte followed by a byte outside 0x41-0xFE
  kTruncated,     // decode: a lead byte at the very end of the input
  kUnmapped,      // decode: a well-formed pair with no character assigned
  kInvalidUtf8,   // encode: the input is not valid UTF-8
  kNotInCp949,    // encode: a character CP949 cannot represent
};

// The first bad sequence of a conversion: its byte offset in the input, and
// the offending bytes (decode: lead << 8 | trail, or the single byte) or code
// point (encode, kNotInCp949).
struct ConvertError {
  size_t offset = 0;
  ConvertErrorKind kind = ConvertErrorKind::kInvalidLead;
  uint32_t value = 0;
};

// One line for a user: what is wrong and at which byte, e.g.
// "unmapped CP949 sequence 0xC9A1 at byte 17".
std::string describe(const ConvertError& e);

// Decodes CP949 `in` and appends the UTF-8 to `out`. Returns the number of input
// bytes decoded: in.size() on success. On the first bad sequence it stops, sets
// *err (when err is not null), and `out` holds the text decoded before it, so
// a caller can decode one row or field at a time and reject just that one.
size_t decode_cp949(std::string_view in, std::string& out, ConvertError* err);

// Like decode_cp949 but never stops: each bad sequence becomes U+FFFD. For
// showing a rejected row to a user. Returns the number of replacements.
size_t decode_cp949_lossy(std::string_view in, std::string& out);

// Encodes UTF-8 `in` as CP949 and appends it to `out`. Returns the number of
// input bytes encoded (in.size() on success); on failure sets *err like
// decode_cp949. For generators and tests; slower than decoding.
size_t encode_cp949(std::string_view in, std::string& out, ConvertError* err);

// Whole-buffer conveniences for module boundaries: kBadFile on a bad sequence,
// with describe() as the message.
Result<std::string> cp949_to_utf8(std::string_view in);
Result<std::string> utf8_to_cp949(std::string_view in);

// A text file's encoding as far as its bytes tell.
enum class Encoding {
  kUtf8,     // valid UTF-8 without BOM (pure ASCII included)
  kUtf8Bom,  // starts with EF BB BF
  kCp949,    // not UTF-8; (nearly) all non-ASCII bytes form CP949 characters
  kUnknown,  // neither: binary, UTF-16, or another code page
};

// Decides the encoding of a file from its first bytes (a few KB is plenty;
// `head` may end in the middle of a character). A few bad sequences are
// tolerated (<= 5% of multi-byte characters) so a mostly-good CP949 file with
// one corrupt row is still kCp949 and the row can be rejected on its own.
Encoding detect_encoding(std::string_view head);

// "UTF-8", "UTF-8 with BOM", "CP949", "unknown".
std::string_view encoding_name(Encoding e);

}  // namespace ijik::ingest
