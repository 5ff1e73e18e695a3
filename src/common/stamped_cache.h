// Data derived from a workspace (the name index, the screening table) kept in
// memory by a long-lived process — `ijik serve` turns this on — so a request
// does not re-read a snapshot of tens of megabytes. An entry is keyed by the
// workspace file and the stamp of the data it was built from; a new stamp (an
// import) replaces it. A CLI process answers one command and exits: the cache
// stays off and every command loads only what it needs.
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "common/result.h"

namespace ijik {

void enable_stamped_caches();
bool stamped_caches_enabled();

template <class T>
class StampedCache {
 public:
  // The cached value for (file, stamp), or `load()`'s, which then replaces it.
  // The lock is held while loading: concurrent first requests wait for one
  // load instead of each making their own.
  template <class Load>
  Result<std::shared_ptr<const T>> get(const std::string& file, const std::string& stamp,
                                       Load&& load) {
    std::lock_guard lock(mu_);
    if (value_ && file_ == file && stamp_ == stamp) return value_;
    IJIK_ASSIGN_OR_RETURN(std::shared_ptr<const T> fresh, load());
    file_ = file;
    stamp_ = stamp;
    value_ = std::move(fresh);
    return value_;
  }

 private:
  std::mutex mu_;
  std::string file_, stamp_;
  std::shared_ptr<const T> value_;
};

}  // namespace ijik
