// The screen snapshot a first import builds from the rows it wrote is, byte
// for byte, the one rebuilt by reading the tables back — on generated data
// (tools/gen_nps: renames, withdrawals, re-registrations, quotes in names),
// with months out of order and one imported twice in the same run.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "ingest/nps_import.h"
#include "nps_writer.h"
#include "population.h"
#include "store/screen_repo.h"
#include "unit/support/workspace_test.h"

namespace ijik::ingest {
namespace {

namespace gen = gen_nps;

class NpsScreenSnapshotTest : public testing::WorkspaceTest {
 protected:
  // Generates `months` months of a small population; returns their paths in month order.
  std::vector<std::string> generate(int months) {
    gen::PopulationOptions opt;
    opt.workplaces = 600;
    opt.seed = 11;
    opt.months = months;
    opt.first = gen::YearMonth{2025, 1};
    gen::Population pop(opt);
    std::vector<std::string> paths;
    for (int m = 0; m < months; ++m) {
      pop.advance(m);
      const gen::YearMonth ym = opt.first.plus(m);
      paths.push_back((dir_ / gen::nps_file_name(ym)).string());
      size_t rows = 0, bytes = 0;
      EXPECT_TRUE(gen::write_nps_month(pop, ym, paths.back(), rows, bytes).ok());
    }
    return paths;
  }

  // The stored parts of the screen snapshot, by name.
  std::map<std::string, std::string> snapshot_parts() {
    std::map<std::string, std::string> parts;
    auto st = db_->prepare("SELECT name, data FROM snapshots WHERE name LIKE 'screen/%'");
    EXPECT_TRUE(st.ok());
    while (true) {
      auto row = st->step();
      EXPECT_TRUE(row.ok());
      if (!row.ok() || !*row) break;
      parts[st->text(0)] = std::string(st->blob(1));
    }
    return parts;
  }

  std::map<std::string, std::string> read_back_parts() {
    auto tx = store::Transaction::begin(*db_, true);
    EXPECT_TRUE(tx.ok());
    EXPECT_TRUE(store::rebuild_screen_snapshot(*db_).ok());
    EXPECT_TRUE(tx->commit().ok());
    return snapshot_parts();
  }

  Status import(NpsImporter& importer, const std::vector<std::string>& paths) {
    NpsImportOptions options;
    options.rejects_dir = (dir_ / "rejects").string();
    for (const auto& p : paths) {
      auto sum = importer.import_file(p, options);
      if (!sum.ok()) return sum.status();
    }
    return importer.finish();
  }
};

TEST_F(NpsScreenSnapshotTest, FirstImportStoresTheBytesOfTheReadBack) {
  const auto paths = generate(4);
  NpsImporter importer(*db_);
  ASSERT_TRUE(importer.load().ok());
  // Out of order, and the third month twice: its second import replaces the first.
  ASSERT_TRUE(import(importer, {paths[1], paths[0], paths[2], paths[2]}).ok());
  EXPECT_TRUE(importer.screen_built_from_memory());
  const auto from_memory = snapshot_parts();
  ASSERT_GT(from_memory.size(), 5u);
  EXPECT_EQ(from_memory, read_back_parts());

  // A later run into the filled workspace reads the tables back.
  NpsImporter next(*db_);
  ASSERT_TRUE(next.load().ok());
  ASSERT_TRUE(import(next, {paths[3]}).ok());
  EXPECT_FALSE(next.screen_built_from_memory());
}

TEST_F(NpsScreenSnapshotTest, OnlyTheFirstFinishOfARunBuildsFromMemory) {
  const auto paths = generate(3);
  NpsImporter importer(*db_);
  ASSERT_TRUE(importer.load().ok());
  ASSERT_TRUE(import(importer, {paths[0], paths[1]}).ok());
  EXPECT_TRUE(importer.screen_built_from_memory());
  EXPECT_EQ(snapshot_parts(), read_back_parts());
  // The next file leaves some workplaces' metrics as they were: read back.
  ASSERT_TRUE(import(importer, {paths[2]}).ok());
  EXPECT_FALSE(importer.screen_built_from_memory());
}

// `ijik screen` in a CLI process reads the stored columns in blocks of
// rows: for blocks of any size it answers as the whole table, and a damaged
// or stale part is rebuilt rather than read.
TEST_F(NpsScreenSnapshotTest, ScreenInBlocksAnswersAsTheWholeTable) {
  const auto paths = generate(3);
  NpsImporter importer(*db_);
  ASSERT_TRUE(importer.load().ok());
  ASSERT_TRUE(import(importer, paths).ok());
  std::vector<domain::ScreenQuery> queries(5);
  queries[1].region_prefix = "서울";
  queries[1].sort = "growth";
  queries[2].attrition_12m = domain::Bound{"<", 0.2};
  queries[2].sort = "attrition";
  queries[3].pay_year = domain::Bound{">=", 40'000'000};
  queries[3].sort = "pay";
  queries[3].limit = 500;
  queries[4].status = 2;
  queries[4].sort = "name";  // read whole, not in blocks
  auto expected = [&](const domain::ScreenQuery& q, int64_t& total) {
    auto tx = store::Transaction::begin(*db_, false);
    auto table = store::load_screen_table(*db_, domain::ScreenTable::kAllColumns);
    EXPECT_TRUE(table.ok());
    std::vector<int64_t> ids;
    auto hits = (*table)->run(q, total);
    EXPECT_TRUE(hits.ok());
    for (size_t i : *hits) ids.push_back((*table)->id(i));
    return ids;
  };
  auto screened = [&](const domain::ScreenQuery& q, size_t block_rows, int64_t& total) {
    auto tx = store::Transaction::begin(*db_, true);
    auto found = store::screen_workplaces(*db_, q, block_rows);
    EXPECT_TRUE(found.ok());
    EXPECT_TRUE(tx->commit().ok());
    std::vector<int64_t> ids;
    for (const auto& e : found->rows) ids.push_back(e.id);
    total = found->total;
    return ids;
  };
  for (const auto& q : queries) {
    int64_t want_total = 0;
    const auto want = expected(q, want_total);
    ASSERT_FALSE(want.empty()) << q.sort;
    for (size_t rows : {size_t{1}, size_t{33}, store::kScreenBlockRows}) {
      int64_t total = 0;
      EXPECT_EQ(screened(q, rows, total), want) << q.sort << " in blocks of " << rows;
      EXPECT_EQ(total, want_total);
    }
  }
  // A region index out of its dictionary: the snapshot is rebuilt, not read.
  int64_t want_total = 0, total = 0;
  const auto want = expected(queries[1], want_total);
  const uint32_t bad = 1u << 30;
  ASSERT_TRUE(db_->exec(fmt::format("UPDATE snapshots SET data = X'{:08x}' || substr(data, 5) "
                                    "WHERE name = 'screen/region'",
                                    __builtin_bswap32(bad)))
                  .ok());
  EXPECT_EQ(screened(queries[1], 33, total), want);
  EXPECT_EQ(total, want_total);
}

}  // namespace
}  // namespace ijik::ingest
