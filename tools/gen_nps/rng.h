// A small deterministic random generator (xoshiro256**): the same seed gives
// the same files on every platform, unlike std:: distributions.
#pragma once

#include <cmath>
#include <cstdint>
#include <vector>

namespace ijik::gen_nps {

class Rng {
 public:
  // Seeds the state from `seed` with splitmix64.
  explicit Rng(uint64_t seed) {
    for (auto& s : s_) {
      seed += 0x9E3779B97F4A7C15ULL;
      uint64_t z = seed;
      z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
      z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
      s = z ^ (z >> 31);
    }
  }

  // 64 random bits.
  uint64_t next() {
    const uint64_t r = rotl(s_[1] * 5, 7) * 9, t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return r;
  }

  // Uniform in [0, 1).
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  // Uniform integer in [0, n); n > 0.
  uint32_t below(uint32_t n) { return static_cast<uint32_t>((next() >> 32) * n >> 32); }
  // Uniform integer in [lo, hi].
  int range(int lo, int hi) {
    return lo + static_cast<int>(below(static_cast<uint32_t>(hi - lo + 1)));
  }
  // True with probability p.
  bool chance(double p) { return uniform() < p; }
  // Standard normal (Box-Muller).
  double normal() {
    double u = uniform(), v = uniform();
    return std::sqrt(-2.0 * std::log(1.0 - u)) * std::cos(6.283185307179586 * v);
  }
  // Poisson-distributed count with mean `lambda` (normal approximation above 30).
  int poisson(double lambda) {
    if (lambda <= 0) return 0;
    if (lambda > 30) {
      double x = lambda + std::sqrt(lambda) * normal();
      return x < 0 ? 0 : static_cast<int>(x + 0.5);
    }
    double l = std::exp(-lambda), p = 1.0;
    int k = 0;
    do {
      ++k;
      p *= uniform();
    } while (p > l);
    return k - 1;
  }
  // A uniformly chosen element of a non-empty vector.
  template <class T>
  const T& pick(const std::vector<T>& v) {
    return v[below(static_cast<uint32_t>(v.size()))];
  }

 private:
  static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t s_[4];
};

}  // namespace ijik::gen_nps
