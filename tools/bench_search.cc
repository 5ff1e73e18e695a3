// Measures company-name search on a workspace: snapshot build and load, then
// warm per-query latency for a query mix drawn from the workspace's own names
// (2- and 3-syllable Hangul substrings, 초성 of Hangul substrings, Latin
// substrings), by the scan and by the accelerator, checking they agree.
//
//   ijik-bench-search WORKSPACE.db [QUERIES_PER_KIND] [LIMIT] [QUERIES_OUT]
//
// QUERIES_OUT, when given, receives the query mix, one query a line (the
// server benchmark, bench/serve, replays it over HTTP).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "search/name_index.h"
#include "search/snapshot.h"
#include "store/search_repo.h"
#include "store/workspace.h"
#include "text/korean.h"
#include "text/utf8.h"

using namespace ijik;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point t) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

struct Stats {
  double median = 0, p99 = 0, max = 0;
};

Stats stats(std::vector<double> us) {
  std::sort(us.begin(), us.end());
  if (us.empty()) return {};
  auto at = [&](double q) {
    return us[std::min(us.size() - 1, static_cast<size_t>(q * static_cast<double>(us.size())))];
  };
  return {at(0.5), at(0.99), us.back()};
}

bool is_hangul(char32_t c) {
  return c >= 0xAC00 && c <= 0xD7A3;
}
bool is_latin(char32_t c) {
  return c >= 'a' && c <= 'z';
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(
        stderr, "usage: ijik-bench-search WORKSPACE.db [QUERIES_PER_KIND] [LIMIT] [QUERIES_OUT]\n");
    return 2;
  }
  const int per_kind = argc > 2 ? std::atoi(argv[2]) : 2000;
  const size_t limit = argc > 3 ? static_cast<size_t>(std::atoi(argv[3])) : 20;
  auto db = store::open_workspace(argv[1]);
  if (!db.ok()) {
    std::fprintf(stderr, "%s\n", db.error().message.c_str());
    return 1;
  }

  auto t = Clock::now();
  auto built = search::build_from_tables(*db);
  if (!built.ok()) return 1;
  double build_ms = ms_since(t);
  size_t snapshot_bytes = 0;
  for (const auto& [k, v] : built->serialize()) snapshot_bytes += v.size();
  std::printf("workplaces            %zu\n", built->size());
  std::printf("build from tables     %.0f ms\n", build_ms);
  std::printf("snapshot size         %.1f MB\n", static_cast<double>(snapshot_bytes) / 1e6);

  // Persist (as a stale first search would), then time loads of each half.
  t = Clock::now();
  search::LoadInfo info;
  if (!db->exec("BEGIN").ok()) return 1;
  auto first = search::load_index(*db, search::NameIndex::kNames, &info);
  if (!first.ok() || !db->exec("COMMIT").ok()) return 1;
  std::printf("first load            %.0f ms (rebuilt %d, saved %d)\n", ms_since(t), info.rebuilt,
              info.saved);
  for (auto [parts, label] : {std::pair{search::NameIndex::kNames, "names"},
                              std::pair{search::NameIndex::kChosung, "chosung"}}) {
    std::vector<double> ms;
    for (int i = 0; i < 5; ++i) {
      t = Clock::now();
      search::LoadInfo li;
      (void)db->exec("BEGIN");
      auto ix = search::load_index(*db, parts, &li);
      (void)db->exec("COMMIT");
      ms.push_back(ms_since(t));
      if (!ix.ok() || li.rebuilt) return 1;
    }
    std::sort(ms.begin(), ms.end());
    std::printf("load %-8s half     %.1f ms median of 5\n", label, ms[2]);
  }

  t = Clock::now();
  auto acc = search::Accelerator::build(*built);
  std::printf("accelerator build     %.0f ms, ~%.0f MB\n", ms_since(t),
              static_cast<double>(acc->memory_bytes()) / 1e6);

  // The query mix, from the workplaces' own name keys.
  std::mt19937 rng(42);
  std::vector<std::pair<std::string, std::vector<std::string>>> kinds = {
      {"hangul-2", {}}, {"hangul-3", {}}, {"chosung", {}}, {"latin", {}}};
  for (int tries = 0; tries < 10'000'000; ++tries) {
    bool full = true;
    for (auto& [k, v] : kinds) full = full && static_cast<int>(v.size()) >= per_kind;
    if (full) break;
    auto key = text::decode_utf8(built->name_key(static_cast<uint32_t>(rng() % built->size())));
    if (key.empty()) continue;
    size_t at = rng() % key.size();
    auto take = [&](size_t len, auto pred) -> std::u32string {
      if (at + len > key.size()) return {};
      for (size_t i = at; i < at + len; ++i)
        if (!pred(key[i])) return {};
      return key.substr(at, len);
    };
    if (auto s = take(2, is_hangul);
        !s.empty() && static_cast<int>(kinds[0].second.size()) < per_kind)
      kinds[0].second.push_back(text::encode_utf8(s));
    if (auto s = take(3, is_hangul);
        !s.empty() && static_cast<int>(kinds[1].second.size()) < per_kind)
      kinds[1].second.push_back(text::encode_utf8(s));
    if (auto s = take(2 + rng() % 3, is_hangul);
        !s.empty() && static_cast<int>(kinds[2].second.size()) < per_kind)
      kinds[2].second.push_back(text::chosung(text::encode_utf8(s)));
    if (auto s = take(2 + rng() % 4, is_latin);
        !s.empty() && static_cast<int>(kinds[3].second.size()) < per_kind)
      kinds[3].second.push_back(text::encode_utf8(s));
  }

  if (argc > 4) {
    std::FILE* f = std::fopen(argv[4], "w");
    if (!f) {
      std::fprintf(stderr, "cannot write %s\n", argv[4]);
      return 1;
    }
    for (const auto& [kind, queries] : kinds)
      for (const auto& q : queries) std::fprintf(f, "%s\n", q.c_str());
    std::fclose(f);
  }

  std::printf(
      "\nwarm per query, limit %zu (µs)      scan median  p99    max  |  accel median  p99    "
      "max\n",
      limit);
  std::vector<double> all_scan, all_acc;
  size_t mismatches = 0;
  for (const auto& [kind, queries] : kinds) {
    std::vector<double> scan_us, acc_us;
    for (const auto& text : queries) {
      auto t0 = Clock::now();
      auto q = search::make_query(text);
      auto a = built->search(q, limit);
      scan_us.push_back(ms_since(t0) * 1000);
      auto t1 = Clock::now();
      auto q2 = search::make_query(text);
      auto b = built->search(q2, limit, acc.get());
      acc_us.push_back(ms_since(t1) * 1000);
      bool same = a.size() == b.size();
      for (size_t i = 0; same && i < a.size(); ++i)
        same = a[i].pos == b[i].pos && a[i].tier == b[i].tier;
      mismatches += !same;
    }
    all_scan.insert(all_scan.end(), scan_us.begin(), scan_us.end());
    all_acc.insert(all_acc.end(), acc_us.begin(), acc_us.end());
    auto s = stats(scan_us), f = stats(acc_us);
    std::printf("%-9s (%5zu queries)            %7.0f %6.0f %6.0f  |  %7.1f %6.1f %6.0f\n",
                kind.c_str(), queries.size(), s.median, s.p99, s.max, f.median, f.p99, f.max);
  }
  auto s = stats(all_scan), f = stats(all_acc);
  std::printf("%-9s (%5zu queries)            %7.0f %6.0f %6.0f  |  %7.1f %6.1f %6.0f\n", "all",
              all_scan.size(), s.median, s.p99, s.max, f.median, f.p99, f.max);
  std::printf("scan/accelerator mismatches: %zu\n", mismatches);
  return mismatches ? 1 : 0;
}
