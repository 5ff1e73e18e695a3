#include "domain/board.h"

#include <algorithm>

namespace ijik::domain {

std::vector<BoardColumn> build_board(const std::vector<Application>& apps) {
  std::vector<BoardColumn> cols;
  auto column = [&](const std::string& key, const std::string& label, int rank) -> BoardColumn& {
    for (auto& c : cols)
      if (c.key == key) return c;
    cols.push_back(BoardColumn{key, label, rank, {}});
    return cols.back();
  };
  for (const auto& app : apps) {
    BoardCard card{&app, derive_status(app), current_stage(app), nullptr};
    if (card.status == AppStatus::kActive || card.status == AppStatus::kOffer) {
      for (const auto& s : app.stages)
        if (s.result == StageResult::kPending) {
          card.next = &s;
          break;
        }
    }
    switch (card.status) {
      case AppStatus::kRejected:
        column("rejected", "불합격", 1000).cards.push_back(card);
        break;
      case AppStatus::kWithdrawn:
        column("withdrawn", "철회", 1010).cards.push_back(card);
        break;
      case AppStatus::kAccepted:
        column("accepted", "입사 확정", 990).cards.push_back(card);
        break;
      default: {
        const Stage* cur = current_stage(app);
        if (!cur)
          column("applied", "지원", 0).cards.push_back(card);
        else
          column(cur->kind.key(), cur->kind.label(), cur->kind.rank()).cards.push_back(card);
      }
    }
  }
  std::sort(cols.begin(), cols.end(),
            [](const BoardColumn& l, const BoardColumn& r) { return l.rank < r.rank; });
  for (auto& c : cols) {
    std::stable_sort(c.cards.begin(), c.cards.end(), [](const BoardCard& l, const BoardCard& r) {
      const bool ld = l.next && l.next->date, rd = r.next && r.next->date;
      if (ld != rd) return ld;  // dated next steps first
      if (ld && *l.next->date != *r.next->date) return *l.next->date < *r.next->date;
      return l.app->id < r.app->id;
    });
  }
  return cols;
}

}  // namespace ijik::domain
