#include "common/stamped_cache.h"

#include <atomic>

namespace ijik {
namespace {
std::atomic<bool> g_enabled{false};
}  // namespace

void enable_stamped_caches() {
  g_enabled = true;
}

bool stamped_caches_enabled() {
  return g_enabled;
}

}  // namespace ijik
