#include "ingest/import_files.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "exchange/csv_table.h"
#include "ingest/cp949.h"
#include "text/utf8.h"

namespace ijik::ingest {

namespace fs = std::filesystem;

Result<std::string> read_file_bytes(const std::string& path, const std::string& expected,
                                    size_t limit) {
  std::error_code ec;
  if (fs::is_directory(path, ec))
    return bad_file(fmt::format("'{}' is a directory: expected {}", path, expected));
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return bad_file(fmt::format("cannot read '{}': no such file or not readable", path));
  unsigned char magic[2] = {0, 0};
  size_t got = std::fread(magic, 1, 2, f);
  std::fclose(f);
  std::string out;
  if (got == 2 && magic[0] == 0x1f && magic[1] == 0x8b) {
    gzFile gz = gzopen(path.c_str(), "rb");
    if (!gz) return bad_file(fmt::format("cannot read '{}'", path));
    gzbuffer(gz, 1 << 20);
    char buf[1 << 16];
    int n = 0;  // stays 0 when `limit` is 0 and nothing is read
    while (out.size() < limit && (n = gzread(gz, buf, sizeof buf)) > 0)
      out.append(buf, static_cast<size_t>(n));
    int err = 0;
    const char* msg = gzerror(gz, &err);
    bool bad = n < 0 || (err != Z_OK && err != Z_STREAM_END);
    std::string why = msg ? msg : "";
    gzclose(gz);
    if (bad) return bad_file(fmt::format("'{}' is a damaged gzip file ({})", path, why));
    return out;
  }
  std::ifstream in(path, std::ios::binary);
  in.seekg(0, std::ios::end);
  out.resize(std::min(static_cast<size_t>(in.tellg()), limit));
  in.seekg(0);
  in.read(out.data(), static_cast<std::streamsize>(out.size()));
  if (!in) return bad_file(fmt::format("cannot read '{}'", path));
  return out;
}

FileBytes& FileBytes::operator=(FileBytes&& o) noexcept {
  if (this != &o) {
    if (map_) munmap(map_, mapped_);
    inflated_ = std::move(o.inflated_);
    map_ = std::exchange(o.map_, nullptr);
    mapped_ = std::exchange(o.mapped_, 0);
    dropped_ = std::exchange(o.dropped_, 0);
  }
  return *this;
}

FileBytes::~FileBytes() {
  if (map_) munmap(map_, mapped_);
}

void FileBytes::release() {
  if (map_) munmap(map_, mapped_);
  map_ = nullptr;
  mapped_ = 0;
  dropped_ = 0;
  std::string().swap(inflated_);
}

void FileBytes::drop_before(size_t offset) {
  if (!map_) return;
  static const size_t page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
  const size_t end = std::min(offset, mapped_) / page * page;
  if (end <= dropped_) return;
  (void)madvise(static_cast<char*>(map_) + dropped_, end - dropped_, MADV_DONTNEED);
  dropped_ = end;
}

Result<FileBytes> map_file_bytes(const std::string& path, const std::string& expected,
                                 size_t limit) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  struct stat st {};
  if (fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size >= 2) {
    unsigned char magic[2] = {0, 0};
    const bool gzip = pread(fd, magic, 2, 0) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
    const size_t bytes = std::min(static_cast<size_t>(st.st_size), limit);
    void* p = gzip || bytes == 0
                  ? MAP_FAILED
                  : mmap(nullptr, bytes, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
    if (p != MAP_FAILED) {
      ::close(fd);
      FileBytes f;
      f.map_ = p;
      f.mapped_ = bytes;
      return f;
    }
  }
  if (fd >= 0) ::close(fd);
  // Compressed, empty, not a regular file, or not mappable: read it (and say why not).
  IJIK_ASSIGN_OR_RETURN(auto bytes, read_file_bytes(path, expected, limit));
  return FileBytes(std::move(bytes));
}

Status RejectsWriter::add(size_t line, const std::string& reason, std::string_view raw,
                          bool cp949) {
  std::string text;
  if (cp949)
    decode_cp949_lossy(raw, text);
  else
    text = text::is_valid_utf8(raw) ? std::string(raw) : std::string("(invalid UTF-8)");
  return add_text(line, reason, text);
}

Status RejectsWriter::add_text(size_t line, const std::string& reason, const std::string& text) {
  if (!out_.is_open()) {
    std::error_code ec;
    fs::create_directories(dir_, ec);
    path_ = (fs::path(dir_) / name_).string();
    out_.open(path_, std::ios::binary | std::ios::trunc);
    if (!out_) return bad_file(fmt::format("cannot write the rejects file '{}'", path_));
    out_ << "\xEF\xBB\xBF"
         << "file,line,reason,row\r\n";
  }
  out_ << exchange::csv_field(source_) << ',' << line << ',' << exchange::csv_field(reason) << ','
       << exchange::csv_field(text) << "\r\n";
  return {};
}

}  // namespace ijik::ingest
