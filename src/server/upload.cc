#include "server/upload.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <httplib.h>
#include <stdlib.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "server/api.h"
#include "server/json_error.h"

namespace ijik::server {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kImportPrefix = "/api/data/import/";

// One upload on disk: a fresh folder (mkdtemp) in the workspace folder holding
// the file under its own name, so the import records and reports that name.
// The folder and the file are removed when this goes out of scope, whatever happened.
class TempUpload {
 public:
  TempUpload() = default;
  TempUpload(const TempUpload&) = delete;
  TempUpload& operator=(const TempUpload&) = delete;
  ~TempUpload() {
    if (fd_ >= 0) ::close(fd_);
    if (!dir_.empty()) {
      std::error_code ec;
      fs::remove_all(dir_, ec);
    }
  }

  // False with errno set when the folder or the file cannot be created.
  bool create(const std::string& workspace_dir, const std::string& name) {
    std::string tmpl =
        (fs::path(workspace_dir.empty() ? "." : workspace_dir) / ".ijik-upload-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) return false;
    dir_ = tmpl;
    path_ = (fs::path(dir_) / name).string();
    fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    return fd_ >= 0;
  }

  bool write(const char* data, size_t n) {
    while (n > 0) {
      ssize_t w = ::write(fd_, data, n);
      if (w < 0) {
        if (errno == EINTR) continue;
        return false;
      }
      data += w;
      n -= static_cast<size_t>(w);
      bytes_ += static_cast<size_t>(w);
    }
    return true;
  }

  bool close() {
    int r = ::close(fd_);
    fd_ = -1;
    return r == 0;
  }

  const std::string& path() const { return path_; }
  size_t bytes() const { return bytes_; }

 private:
  std::string dir_, path_;
  int fd_ = -1;
  size_t bytes_ = 0;
};

std::string percent_encode(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~')
      out += static_cast<char>(c);
    else
      out += fmt::format("%{:02X}", c);
  }
  return out;
}

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  if (from.empty()) return;
  for (size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size()))
    s.replace(p, from.size(), to);
}

// The rejects file names its source file in each row: the upload's own name,
// not the temporary path it was imported from.
void name_the_upload(const std::string& rejects_path, const std::string& temp_path,
                     const std::string& name) {
  std::string text;
  {
    std::ifstream in(rejects_path, std::ios::binary);
    if (!in) return;
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  replace_all(text, temp_path, name);
  std::ofstream out(rejects_path, std::ios::binary | std::ios::trunc);
  out << text;
}

// The disk said no: 507 when it is full, else 500; never the path.
void disk_error(httplib::Response& res, int err, const char* what) {
  json_error(res, err == ENOSPC || err == EDQUOT ? 507 : 500,
             fmt::format("cannot {} in the workspace folder: {}", what, std::strerror(err)));
}

void import_upload(const CommandRunner& run, const std::string& workspace_dir,
                   const httplib::Request& req, httplib::Response& res,
                   const httplib::ContentReader& reader) {
  const std::string kind = req.matches[1];
  const std::string name = req.get_param_value("name");
  if (auto problem = upload_name_problem(name); !problem.empty())
    return json_error(res, 400, problem);
  const uint64_t announced =
      req.has_header("Content-Length")
          ? std::strtoull(req.get_header_value("Content-Length").c_str(), nullptr, 10)
          : 0;
  if (announced == 0)
    return json_error(
        res, 400,
        fmt::format("the upload is empty: expected the bytes of an {} file as the "
                    "request body",
                    kind == "nps" ? "NPS .csv or .csv.gz" : "OpenDART .txt or .txt.gz"));
  TempUpload up;
  if (!up.create(workspace_dir, name)) return disk_error(res, errno, "create a temporary file");
  int write_errno = 0;
  const bool complete = reader([&](const char* data, size_t n) {
    if (up.write(data, n)) return true;
    write_errno = errno;
    return false;
  });
  if (write_errno != 0) return disk_error(res, write_errno, "write the upload");
  if (!complete || up.bytes() != announced)
    return json_error(res, 400,
                      fmt::format("the upload of '{}' was cut off after {} of {} bytes", name,
                                  up.bytes(), announced));
  if (!up.close()) return disk_error(res, errno, "write the upload");

  // The CLI's own import: its checks, its transaction per file, its summary.
  CommandOutcome done = run({"data", "import", kind, "--quiet", "--", up.path()});
  if (done.exit_code != 0) {
    std::string message = done.message;
    replace_all(message, up.path(), name);  // the temporary path means nothing to the user
    return json_error(res, http_status_for_exit(done.exit_code), message);
  }
  auto body = nlohmann::ordered_json::parse(done.out, nullptr, false);
  if (!body.is_array()) return json_error(res, 500, "the import gave no summary");
  for (auto& file : body) {
    file["bytes"] = up.bytes();
    if (file["rejects_file"].is_string())
      name_the_upload(file["rejects_file"].get<std::string>(), up.path(), name);
    const auto& rejects = file["rejects_file"];
    file["rejects_url"] =
        rejects.is_string()
            ? nlohmann::ordered_json(
                  "/api/data/rejects/" +
                  percent_encode(fs::path(rejects.get<std::string>()).filename().string()))
            : nlohmann::ordered_json(nullptr);
  }
  res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                  "application/json");
}

void send_rejects(const std::string& workspace_dir, const httplib::Request& req,
                  httplib::Response& res) {
  const std::string name = req.matches[1];
  if (!upload_name_problem(name).empty() || !name.ends_with(".csv"))
    return json_error(res, 404, fmt::format("no rejects file '{}'", name));
  const fs::path path = fs::path(workspace_dir.empty() ? "." : workspace_dir) / "rejects" / name;
  int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return json_error(res, 404, fmt::format("no rejects file '{}'", name));
  std::string text;
  char buf[1 << 16];
  for (ssize_t n; (n = ::read(fd, buf, sizeof buf)) != 0;) {
    if (n < 0) {
      if (errno == EINTR) continue;
      ::close(fd);
      return json_error(res, 500, fmt::format("cannot read the rejects file '{}'", name));
    }
    text.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  res.set_header("Content-Disposition",
                 fmt::format("attachment; filename*=UTF-8''{}", percent_encode(name)));
  res.set_content(std::move(text), "text/csv; charset=utf-8");
}

// Folders of uploads whose server was killed mid-import: removed when a day
// old (a younger one may belong to another server on the same workspace).
void remove_stale_uploads(const std::string& workspace_dir) {
  std::error_code ec;
  const auto day_ago = fs::file_time_type::clock::now() - std::chrono::hours(24);
  for (const auto& e : fs::directory_iterator(workspace_dir.empty() ? "." : workspace_dir, ec)) {
    const std::string name = e.path().filename().string();
    std::error_code ec2;
    if (name.rfind(".ijik-upload-", 0) == 0 && e.is_directory(ec2) &&
        e.last_write_time(ec2) < day_ago)
      fs::remove_all(e.path(), ec2);
  }
}

}  // namespace

bool is_upload_path(std::string_view path) {
  return path.substr(0, kImportPrefix.size()) == kImportPrefix;
}

std::string upload_name_problem(std::string_view name) {
  const std::string expected = "expected a file name such as nps-202501.csv, without folders";
  if (name.empty()) return "query parameter 'name' is required: " + expected;
  if (name.size() > 200) return "file name is over 200 bytes: " + expected;
  if (name.front() == '.')
    return fmt::format("file name '{}' starts with a dot: {}", name, expected);
  for (unsigned char c : name) {
    if (c == '/' || c == '\\')
      return fmt::format("file name '{}' has a folder part: {}", name, expected);
    if (c < 0x20 || c == 0x7f) return "file name has a control character: " + expected;
  }
  return "";
}

void register_upload_routes(httplib::Server& svr, const CommandRunner& run,
                            const std::string& workspace_dir) {
  remove_stale_uploads(workspace_dir);
  svr.Post(R"(/api/data/import/(nps|dart))",
           [&run, workspace_dir](const httplib::Request& req, httplib::Response& res,
                                 const httplib::ContentReader& reader) {
             import_upload(run, workspace_dir, req, res, reader);
           });
  svr.Get(R"(/api/data/rejects/([^/]+))",
          [workspace_dir](const httplib::Request& req, httplib::Response& res) {
            send_rejects(workspace_dir, req, res);
          });
}

}  // namespace ijik::server
