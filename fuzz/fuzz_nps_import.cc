// libFuzzer target: a whole NPS workplace file through the importer (encoding
// and gzip detection, header, rows, linking, rejects, SQLite writes, metrics)
// into a fresh in-memory workspace. A file is either refused or imported; the
// workspace passes SQLite's integrity check either way.
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "ingest/nps_import.h"
#include "store/workspace.h"

using namespace ijik;
namespace fs = std::filesystem;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const fs::path dir =
      fs::temp_directory_path() / ("ijik-fuzz-nps-" + std::to_string(getpid()));
  static const bool made = fs::create_directories(dir) || true;
  (void)made;
  const std::string file = (dir / "input.csv").string();
  {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  auto db = store::open_workspace(":memory:");
  if (!db.ok()) std::abort();
  ingest::NpsImporter importer(*db);
  if (!importer.load().ok()) std::abort();
  ingest::NpsImportOptions options;
  options.rejects_dir = (dir / "rejects").string();
  auto sum = importer.import_file(file, options);
  if (sum.ok() && sum->imported + sum->rejected != sum->rows) std::abort();
  if (!importer.finish().ok()) std::abort();
  auto check = db->prepare("PRAGMA integrity_check");
  if (!check.ok() || !*check->step() || check->text(0) != "ok") std::abort();
  return 0;
}
