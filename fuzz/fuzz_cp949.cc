// libFuzzer target: the CP949 decoder, its lossy form, the encoder and the
// encoding detector. Checks, beyond "no crash": a successful decode covers the
// whole input, and its UTF-8 encodes back to CP949 that decodes to the same text.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "ingest/cp949.h"
#include "text/utf8.h"

using namespace ijik::ingest;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  (void)detect_encoding(in);

  std::string utf8;
  ConvertError err;
  size_t used = decode_cp949(in, utf8, &err);
  if (used > in.size()) std::abort();
  if (used < in.size() && err.offset != used) std::abort();  // the error is where it stopped

  std::string lossy;
  size_t replaced = decode_cp949_lossy(in, lossy);
  if ((used == in.size()) != (replaced == 0)) std::abort();
  if (replaced == 0 && lossy != utf8) std::abort();

  if (used == in.size()) {
    std::string back, again;
    if (encode_cp949(utf8, back, nullptr) != utf8.size()) std::abort();
    if (decode_cp949(back, again, nullptr) != back.size() || again != utf8) std::abort();
  }
  // The encoder on arbitrary bytes: rejects what is not UTF-8, never crashes.
  std::string enc;
  (void)encode_cp949(in, enc, &err);
  return 0;
}
