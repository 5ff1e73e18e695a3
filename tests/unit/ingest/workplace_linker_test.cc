// Linking a month's rows to known workplaces, without a database: the tiers
// of workplace_linker.h on small hand-made key sets.
#include "ingest/workplace_linker.h"

#include <gtest/gtest.h>

#include <string>
#include <tuple>

namespace ijik::ingest {
namespace {

WorkplaceKey K(std::string brn6, std::string name, std::string ldong, std::string adopted) {
  return {std::move(brn6), std::move(name), std::move(ldong), std::move(adopted)};
}

const char* kDong1 = "1168010100";
const char* kDong2 = "1168010800";
const char* kDong3 = "1111010100";

// What the importer does with a row: link it, and for a new workplace
// register it under the next id and claim it for the month.
class Linking {
 public:
  LinkResult row(const WorkplaceKey& k, int64_t headcount = 10, bool reregistered = false) {
    LinkResult r = linker.link(k, headcount, reregistered);
    if (r.kind == LinkKind::kNew) {
      int64_t id = next_id++;
      linker.add(id, k, headcount);
      LinkResult claim = linker.link(k, headcount, false);
      EXPECT_EQ(claim.workplace_id, id);
      EXPECT_EQ(claim.kind, LinkKind::kContinued);
      r.workplace_id = id;
    }
    return r;
  }
  WorkplaceLinker linker;
  int64_t next_id = 1;
};

TEST(WorkplaceLinkerTest, UnknownRowIsNew) {
  WorkplaceLinker l;
  LinkResult r = l.link(K("123456", "알파", kDong1, "2015-03-01"), 10, false);
  EXPECT_EQ(r.kind, LinkKind::kNew);
  EXPECT_EQ(r.workplace_id, 0);
  EXPECT_EQ(l.size(), 0u);
}

TEST(WorkplaceLinkerTest, Continued) {
  WorkplaceLinker l;
  l.add(7, K("123456", "알파", kDong1, "2015-03-01"), 100);
  l.add(9, K("654321", "베타", kDong1, "2015-03-01"), 5);
  EXPECT_EQ(l.size(), 2u);
  l.begin_month();
  LinkResult r = l.link(K("123456", "알파", kDong1, "2015-03-01"), 101, false);
  EXPECT_EQ(r.workplace_id, 7);
  EXPECT_EQ(r.kind, LinkKind::kContinued);
  r = l.link(K("654321", "베타", kDong1, "2015-03-01"), 4, false);
  EXPECT_EQ(r.workplace_id, 9);
  EXPECT_EQ(r.kind, LinkKind::kContinued);
}

TEST(WorkplaceLinkerTest, ClaimedOncePerMonthAndReleasedByBeginMonth) {
  WorkplaceLinker l;
  const WorkplaceKey k = K("123456", "알파", kDong1, "2015-03-01");
  l.add(1, k, 10);
  l.begin_month();
  EXPECT_EQ(l.link(k, 10, false).workplace_id, 1);
  // The same key again in the same month: the workplace is taken.
  EXPECT_EQ(l.link(k, 10, false).kind, LinkKind::kNew);
  l.begin_month();
  LinkResult r = l.link(k, 10, false);
  EXPECT_EQ(r.workplace_id, 1);
  EXPECT_EQ(r.kind, LinkKind::kContinued);
}

TEST(WorkplaceLinkerTest, RenamedKeepsItsIdAndIsFoundUnderBothNames) {
  Linking m;
  const WorkplaceKey old_name = K("123456", "알파", kDong1, "2015-03-01");
  const WorkplaceKey new_name = K("123456", "알파랩스", kDong1, "2015-03-01");
  m.linker.begin_month();
  EXPECT_EQ(m.row(old_name).workplace_id, 1);

  m.linker.begin_month();
  LinkResult r = m.row(new_name);
  EXPECT_EQ(r.workplace_id, 1);
  EXPECT_EQ(r.kind, LinkKind::kRenamed);
  EXPECT_EQ(m.linker.size(), 1u);

  m.linker.begin_month();
  r = m.row(new_name);
  EXPECT_EQ(r.workplace_id, 1);
  EXPECT_EQ(r.kind, LinkKind::kContinued);

  // An older month imported afterwards still finds it under the old name.
  m.linker.begin_month();
  r = m.row(old_name);
  EXPECT_EQ(r.workplace_id, 1);
  EXPECT_EQ(r.kind, LinkKind::kContinued);
}

TEST(WorkplaceLinkerTest, Moved) {
  Linking m;
  m.linker.begin_month();
  EXPECT_EQ(m.row(K("123456", "알파", kDong1, "2015-03-01")).workplace_id, 1);
  m.linker.begin_month();
  LinkResult r = m.row(K("123456", "알파", kDong2, "2015-03-01"));
  EXPECT_EQ(r.workplace_id, 1);
  EXPECT_EQ(r.kind, LinkKind::kMoved);
  m.linker.begin_month();
  r = m.row(K("123456", "알파", kDong2, "2015-03-01"));
  EXPECT_EQ(r.kind, LinkKind::kContinued);
  EXPECT_EQ(r.workplace_id, 1);
}

TEST(WorkplaceLinkerTest, RenamedAndMovedAtOnceIsNew) {
  Linking m;
  m.linker.begin_month();
  m.row(K("123456", "알파", kDong1, "2015-03-01"));
  m.linker.begin_month();
  EXPECT_EQ(m.row(K("123456", "베타", kDong2, "2015-03-01")).kind, LinkKind::kNew);
}

TEST(WorkplaceLinkerTest, SameNameAndPrefixInDifferentDongsStaySeparate) {
  Linking m;
  m.linker.begin_month();
  // Three branches of one firm (one brn6, one name, one 적용일자) and a
  // different firm under the same prefix.
  EXPECT_EQ(m.row(K("220812", "네이버", kDong1, "2000-01-01"), 500).workplace_id, 1);
  EXPECT_EQ(m.row(K("220812", "네이버", kDong2, "2000-01-01"), 40).workplace_id, 2);
  EXPECT_EQ(m.row(K("220812", "네이버", kDong3, "2000-01-01"), 7).workplace_id, 3);
  EXPECT_EQ(m.row(K("220812", "다른회사", kDong1, "2000-01-01"), 3).workplace_id, 4);
  EXPECT_EQ(m.linker.size(), 4u);

  // Next month, in another order: each row finds its own workplace.
  m.linker.begin_month();
  for (auto [dong, name, id] : {std::tuple{kDong3, "네이버", 3},
                                {kDong1, "다른회사", 4},
                                {kDong2, "네이버", 2},
                                {kDong1, "네이버", 1}}) {
    LinkResult r = m.row(K("220812", name, dong, "2000-01-01"));
    EXPECT_EQ(r.workplace_id, id) << dong << " " << name;
    EXPECT_EQ(r.kind, LinkKind::kContinued);
  }
  EXPECT_EQ(m.linker.size(), 4u);
}

TEST(WorkplaceLinkerTest, IdenticalKeysInOneMonthAreTwoWorkplaces) {
  Linking m;
  const WorkplaceKey k = K("123456", "알파", kDong1, "2015-03-01");
  m.linker.begin_month();
  LinkResult first = m.row(k, 100);
  LinkResult second = m.row(k, 3);
  EXPECT_EQ(first.kind, LinkKind::kNew);
  EXPECT_EQ(second.kind, LinkKind::kNew);
  EXPECT_EQ(first.workplace_id, 1);
  EXPECT_EQ(second.workplace_id, 2);
  EXPECT_EQ(m.linker.size(), 2u);

  // Next month each continues, told apart by the closer headcount, whatever the order.
  m.linker.begin_month();
  EXPECT_EQ(m.row(k, 4).workplace_id, 2);
  EXPECT_EQ(m.row(k, 98).workplace_id, 1);
  m.linker.begin_month();
  EXPECT_EQ(m.row(k, 97).workplace_id, 1);
  EXPECT_EQ(m.row(k, 5).workplace_id, 2);
  // A third row with that key is a third workplace.
  EXPECT_EQ(m.row(k, 50).kind, LinkKind::kNew);
  EXPECT_EQ(m.linker.size(), 3u);
}

TEST(WorkplaceLinkerTest, ReregistrationLinksBackOnlyWhenTheRowSaysSo) {
  WorkplaceLinker l;
  l.add(1, K("123456", "알파", kDong1, "2015-03-01"), 0);  // withdrawn last month
  const WorkplaceKey again = K("123456", "알파", kDong1, "2025-04-01");

  // A new 적용일자 without 재등록일자: a different workplace.
  l.begin_month();
  EXPECT_EQ(l.link(again, 3, false).kind, LinkKind::kNew);

  l.begin_month();
  LinkResult r = l.link(again, 3, true);
  EXPECT_EQ(r.workplace_id, 1);
  EXPECT_EQ(r.kind, LinkKind::kReregistered);
  // From now on the new key finds it directly.
  l.begin_month();
  r = l.link(again, 3, false);
  EXPECT_EQ(r.workplace_id, 1);
  EXPECT_EQ(r.kind, LinkKind::kContinued);
}

TEST(WorkplaceLinkerTest, AmbiguousCandidatesAreNotGuessed) {
  WorkplaceLinker l;
  // Two workplaces at one 법정동 with one prefix and 적용일자, different names.
  l.add(1, K("123456", "알파", kDong1, "2015-03-01"), 10);
  l.add(2, K("123456", "베타", kDong1, "2015-03-01"), 10);
  l.begin_month();
  // A third name there could be either renamed: neither is guessed.
  EXPECT_EQ(l.link(K("123456", "감마", kDong1, "2015-03-01"), 10, false).kind, LinkKind::kNew);
  // Once one of them has continued, the other is the only candidate left.
  EXPECT_EQ(l.link(K("123456", "알파", kDong1, "2015-03-01"), 10, false).workplace_id, 1);
  LinkResult r = l.link(K("123456", "델타", kDong1, "2015-03-01"), 10, false);
  EXPECT_EQ(r.workplace_id, 2);
  EXPECT_EQ(r.kind, LinkKind::kRenamed);

  // The same for a move: one name and prefix in two dongs, a row in a third.
  WorkplaceLinker moves;
  moves.add(1, K("123456", "알파", kDong1, "2015-03-01"), 10);
  moves.add(2, K("123456", "알파", kDong2, "2015-03-01"), 10);
  moves.begin_month();
  EXPECT_EQ(moves.link(K("123456", "알파", kDong3, "2015-03-01"), 10, false).kind, LinkKind::kNew);

  // And for a re-registration.
  WorkplaceLinker rereg;
  rereg.add(1, K("123456", "알파", kDong1, "2015-03-01"), 10);
  rereg.add(2, K("123456", "알파", kDong1, "2018-03-01"), 10);
  rereg.begin_month();
  EXPECT_EQ(rereg.link(K("123456", "알파", kDong1, "2025-04-01"), 10, true).kind, LinkKind::kNew);
}

TEST(WorkplaceLinkerTest, ManyWorkplacesUnderOnePrefix) {
  // More workplaces than the candidate cap share a prefix; each finds its own.
  Linking m;
  m.linker.reserve(4);  // grows past it
  m.linker.begin_month();
  for (int i = 0; i < 2000; ++i)
    EXPECT_EQ(m.row(K(i < 20 ? "111111" : std::to_string(200000 + i), "회사" + std::to_string(i),
                      kDong1, "2010-01-01"),
                    i)
                  .workplace_id,
              i + 1);
  m.linker.begin_month();
  for (int i = 1999; i >= 0; --i) {
    LinkResult r = m.row(K(i < 20 ? "111111" : std::to_string(200000 + i),
                           "회사" + std::to_string(i), kDong1, "2010-01-01"),
                         i);
    ASSERT_EQ(r.workplace_id, i + 1);
    ASSERT_EQ(r.kind, LinkKind::kContinued);
  }
  EXPECT_EQ(m.linker.size(), 2000u);
}

}  // namespace
}  // namespace ijik::ingest
