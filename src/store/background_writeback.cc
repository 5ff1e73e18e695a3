#include "store/background_writeback.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <map>
#include <utility>

namespace ijik::store {
namespace {

// A read-only descriptor of the file at `path`, opened once per file (device
// and inode) and never closed: closing any descriptor of a file drops every
// POSIX lock the process holds on it, SQLite's included (sqlite.org
// "How To Corrupt An SQLite Database File", 2.2), and this process's
// connections to the workspace may outlive any one import. -1 when it
// cannot be opened.
int descriptor_of(const std::string& path) {
  static std::mutex mu;
  static std::map<std::pair<dev_t, ino_t>, int> opened;
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) {
    std::lock_guard lock(mu);
    auto it = opened.find({st.st_dev, st.st_ino});
    if (it != opened.end()) return it->second;
  }
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return -1;
  if (::fstat(fd, &st) == 0) {
    std::lock_guard lock(mu);
    // Another thread may have opened it meanwhile: then both stay open.
    opened.emplace(std::make_pair(st.st_dev, st.st_ino), fd);
  }
  return fd;
}

}  // namespace

BackgroundWriteback::BackgroundWriteback(const std::string& path) {
#ifdef __linux__
  fd_ = descriptor_of(path);
  if (fd_ >= 0) thread_ = std::thread([this] { run(); });
#else
  (void)path;
#endif
}

BackgroundWriteback::~BackgroundWriteback() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  wake_.notify_one();
  if (thread_.joinable()) thread_.join();
  // fd_ stays open: see descriptor_of.
}

void BackgroundWriteback::run() {
#ifdef __linux__
  std::unique_lock lock(mu_);
  while (!wake_.wait_for(lock, std::chrono::milliseconds(50), [this] { return stop_; })) {
    lock.unlock();
    // Starts writing what is dirty now; returns without waiting for it.
    (void)::sync_file_range(fd_, 0, 0, SYNC_FILE_RANGE_WRITE);
    lock.lock();
  }
#endif
}

}  // namespace ijik::store
