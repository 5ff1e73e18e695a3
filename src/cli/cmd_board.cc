// ijik board: applications by the stage they are at.
#include <fmt/format.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/table.h"
#include "domain/board.h"
#include "exchange/json_view.h"
#include "store/application_repo.h"

namespace ijik::cli {

void register_board_command(Registry& r) {
  auto* sub = r.app().add_subcommand("board", "Applications grouped by the stage they are at");
  examples(sub, {"ijik board", "ijik board --json"});
  r.on(sub, Access::kRead, [](Context& ctx) -> Status {
    store::ApplicationRepo repo(ctx.db);
    IJIK_ASSIGN_OR_RETURN(auto apps, repo.list());
    auto board = domain::build_board(apps);
    if (ctx.options.json) {
      ctx.out << exchange::dump(exchange::board_json(board));
      return {};
    }
    if (board.empty()) {
      ctx.out << "The board is empty. Add an application with: ijik apply COMPANY --role TITLE\n";
      return {};
    }
    bool first = true;
    for (const auto& col : board) {
      ctx.out << (first ? "" : "\n")
              << bold(fmt::format("■ {} ({})", col.label, col.cards.size()), ctx.color) << "\n";
      first = false;
      Table t({"ID", "회사", "직무", "단계", "일정"});
      t.align(0, Table::Align::kRight).max_width(2, 28);
      for (const auto& card : col.cards) {
        // Active cards are at their next step; closed ones show where they ended.
        t.add({std::to_string(card.app->id), card.app->company, card.app->role,
               card.at ? card.at->name : "—", card.next ? stage_when(*card.next) : ""});
      }
      ctx.out << t.render(ctx.color);
    }
    return {};
  });
}

}  // namespace ijik::cli
