// An allocator for large arrays filled in one go (the screening table's
// columns, read from a snapshot): big blocks come straight from the kernel,
// prefaulted (MAP_POPULATE) and in transparent huge pages where the kernel
// allows (MADV_HUGEPAGE), instead of one page fault per 4 KiB on first touch
// — on a virtual machine a fault costs more than filling its page. Elements
// are default-initialized: resize() does not zero what is about to be
// overwritten.
#pragma once

#include <sys/mman.h>

#include <cstddef>
#include <memory>
#include <new>
#include <utility>
#include <vector>

namespace ijik {

template <class T>
struct BulkAllocator {
  using value_type = T;
  static constexpr size_t kBulkBytes = size_t{1} << 20;  // below this, plain new

  BulkAllocator() = default;
  template <class U>
  BulkAllocator(const BulkAllocator<U>&) noexcept {}  // NOLINT(google-explicit-constructor)

  T* allocate(size_t n) {
    const size_t bytes = n * sizeof(T);
    if (bytes < kBulkBytes) return std::allocator<T>().allocate(n);
    void* p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
    if (p == MAP_FAILED) throw std::bad_alloc();
    (void)madvise(p, bytes, MADV_HUGEPAGE);
    return static_cast<T*>(p);
  }
  void deallocate(T* p, size_t n) noexcept {
    const size_t bytes = n * sizeof(T);
    if (bytes < kBulkBytes)
      std::allocator<T>().deallocate(p, n);
    else
      munmap(p, bytes);
  }
  template <class U, class... Args>
  void construct(U* p, Args&&... args) {
    if constexpr (sizeof...(Args) == 0)
      ::new (static_cast<void*>(p)) U;
    else
      ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
  template <class U>
  bool operator==(const BulkAllocator<U>&) const noexcept {
    return true;
  }
};

template <class T>
using BulkVector = std::vector<T, BulkAllocator<T>>;

}  // namespace ijik
