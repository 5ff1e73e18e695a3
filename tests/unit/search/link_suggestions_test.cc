// Link suggestions: the public workplaces whose business-number prefix and
// normalized name both agree with a company's, found through the name index
// (no index on brn6), from a snapshot rebuilt when stale and read in place.
#include "search/link_suggestions.h"

#include <gtest/gtest.h>

#include <cstdlib>

#include "common/stamped_cache.h"
#include "store/nps_repo.h"
#include "store/search_repo.h"
#include "text/korean.h"
#include "unit/support/workspace_test.h"

namespace ijik::search {
namespace {

class LinkSuggestionsTest : public ijik::testing::WorkspaceTest {
 protected:
  int64_t add(const std::string& name, const std::string& brn6) {
    store::WorkplaceRecord w;
    w.brn6 = brn6;
    w.name = name;
    w.name_key = text::normalize_company_name(name);
    w.ldong = "1100000000";
    w.first_month = w.attrs_month = 202501;
    store::NpsRepo repo(*db_);
    EXPECT_TRUE(repo.insert_workplace(w).ok());
    return w.id;
  }
  // The suggestions for a company called `name` with business number prefix `brn6`.
  std::vector<int64_t> suggested(const std::string& brn6, const std::string& name) {
    auto found = workplaces_by_brn_and_name(*db_, brn6, text::normalize_company_name(name));
    EXPECT_TRUE(found.ok()) << found.error().message;
    std::vector<int64_t> ids;
    if (found.ok())
      for (const auto& w : *found) ids.push_back(w.id);
    return ids;
  }
  bool has_snapshot() {
    store::SearchRepo repo(*db_);
    auto stamp = repo.snapshot_stamp();
    return stamp.ok() && stamp->has_value();
  }
};

using Ids = std::vector<int64_t>;

TEST_F(LinkSuggestionsTest, OnlyWorkplacesWithBothThePrefixAndTheName) {
  const int64_t both = add("(주)한빛소프트", "111111");
  const int64_t other_prefix = add("한빛소프트", "222222");
  add("다른소프트", "111111");    // the prefix, another name
  add("한빛소프트랩", "111111");  // the prefix, a name that only starts alike
  const int64_t spaced = add("주식회사 한빛 소프트", "111111");
  const int64_t wide = add("ＡＢＣ테크 (유)", "333333");

  EXPECT_FALSE(has_snapshot());
  EXPECT_EQ(suggested("111111", "한빛소프트"), (Ids{both, spaced}));
  EXPECT_TRUE(has_snapshot());  // built once, then read in place
  EXPECT_EQ(suggested("111111", "㈜ 한빛소프트"), (Ids{both, spaced}));
  EXPECT_EQ(suggested("222222", "한빛소프트"), (Ids{other_prefix}));
  EXPECT_EQ(suggested("333333", "abc테크"), (Ids{wide}));  // width and case folded
  EXPECT_EQ(suggested("999999", "한빛소프트"), Ids{});
  EXPECT_EQ(suggested("111111", "한빛"), Ids{});  // a prefix of the name is not the name
  EXPECT_EQ(suggested("111111", "(주)"), Ids{});  // nothing left of the name

  // A workplace added since: the snapshot is stale, rebuilt, and finds it.
  const int64_t later = add("한빛소프트", "111111");
  EXPECT_EQ(suggested("111111", "한빛소프트"), (Ids{both, spaced, later}));
}

TEST_F(LinkSuggestionsTest, ANameSharedByHundredsStillFindsTheOne) {
  // 700 workplaces named 코어, each with another prefix; the one with the
  // company's prefix ranks last among them (no headcount, highest id).
  for (int i = 0; i < 700; ++i) add(i % 2 ? "코어" : "(주)코어", std::to_string(500000 + i));
  const int64_t mine = add("코어 주식회사", "123456");
  EXPECT_EQ(suggested("123456", "코어"), (Ids{mine}));
  EXPECT_EQ(suggested("500699", "코어"), (Ids{mine - 1}));
  EXPECT_EQ(suggested("500000", "코어"), (Ids{mine - 700}));
}

// `ijik serve` keeps the whole index in memory (the stamped caches): the
// same suggestions. In a child process, since the caches stay on once on.
TEST_F(LinkSuggestionsTest, TheServersKeptIndexSuggestsTheSame) {
  for (int i = 0; i < 300; ++i) add("코어", std::to_string(500000 + i));
  const int64_t mine = add("(주)코어", "123456");
  add("코어랩", "123456");
  ASSERT_EQ(suggested("123456", "코어"), (Ids{mine}));
  const std::string path = (dir_ / "w.db").string();
  EXPECT_EXIT(
      {
        enable_stamped_caches();
        auto db = store::open_workspace(path);
        bool ok = db.ok();
        for (int round = 0; ok && round < 2; ++round) {  // built, then kept
          auto found = workplaces_by_brn_and_name(*db, "123456", "코어");
          ok = found.ok() && found->size() == 1 && (*found)[0].id == mine;
        }
        std::_Exit(ok ? 0 : 1);
      },
      ::testing::ExitedWithCode(0), "");
}

}  // namespace
}  // namespace ijik::search
