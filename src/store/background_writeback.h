// Starts the disk writes of a bulk import early. A month's import writes
// ~150 MB into the workspace file; the kernel holds it all in its cache
// (far below its own writeback threshold) until the commit's fsync, which
// then waits for every byte (0.2 s of a 2.4 s import on the development VM).
// While a BackgroundWriteback lives, a thread asks the kernel every 50 ms to
// start writing the file's dirty pages (sync_file_range, without waiting), so
// the writes overlap the import's work and the fsync finds little left.
// Writing pages early is always safe: the kernel may do so at any time, and
// SQLite orders its writes with fsync, not by holding pages back. The file's
// descriptor is opened once per process and never closed (closing one would
// drop SQLite's locks on the file: see the .cc).
#pragma once

#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace ijik::store {

class BackgroundWriteback {
 public:
  // `path`: the file to write back. Does nothing where it cannot open it or
  // where the system has no sync_file_range (not Linux).
  explicit BackgroundWriteback(const std::string& path);
  BackgroundWriteback(const BackgroundWriteback&) = delete;
  BackgroundWriteback& operator=(const BackgroundWriteback&) = delete;
  ~BackgroundWriteback();

 private:
  void run();

  int fd_ = -1;
  std::mutex mu_;
  std::condition_variable wake_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace ijik::store
