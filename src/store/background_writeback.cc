#include "store/background_writeback.h"

#include <fcntl.h>
#include <unistd.h>

#include <chrono>

namespace ijik::store {

BackgroundWriteback::BackgroundWriteback(const std::string& path) {
#ifdef __linux__
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
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
  if (fd_ >= 0) ::close(fd_);
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
