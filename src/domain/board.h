// The board: applications grouped into columns by the stage they are at.
#pragma once

#include <string>
#include <vector>

#include "domain/tracker.h"

namespace ijik::domain {

struct BoardCard {
  const Application* app = nullptr;
  AppStatus status = AppStatus::kActive;
  const Stage* at = nullptr;    // the stage it is at, or where it ended (rejected at 서류 …)
  const Stage* next = nullptr;  // the next pending stage, only for active and offer applications
};

struct BoardColumn {
  std::string key;    // a stage-kind key, or applied / rejected / withdrawn / accepted
  std::string label;  // Korean label: 서류, 1차 면접, 불합격 …
  int rank = 0;
  std::vector<BoardCard> cards;  // by next date, then id
};

// Active and offer applications sit in the column of their current stage
// (no stage yet: "applied"); rejected, withdrawn and accepted ones in a column
// of that name at the end. Only non-empty columns, in hiring order.
// The returned cards point into `apps`, which must outlive the board.
std::vector<BoardColumn> build_board(const std::vector<Application>& apps);

}  // namespace ijik::domain
