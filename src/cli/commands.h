// One register function per command group; each lives in its own cmd_*.cc.
#pragma once

#include "cli/runner.h"

namespace ijik::cli {

void register_init_command(Registry& r);
// The `company` group alone, then its subcommands (cmd_company.cc): the
// server registers only the subcommand a request runs.
void register_company_group(Registry& r);
void register_company_commands(Registry& r);
void register_apply_command(Registry& r);
void register_app_commands(Registry& r);
// Adds `app edit` to the `app` group (register_app_commands first; cmd_app_edit.cc).
void register_app_edit_command(Registry& r);
void register_stage_command(Registry& r);
void register_process_commands(Registry& r);
void register_contact_commands(Registry& r);
void register_board_command(Registry& r);
void register_funnel_command(Registry& r);
void register_agenda_command(Registry& r);
void register_export_command(Registry& r);
void register_import_command(Registry& r);
void register_data_commands(Registry& r);
// Adds `data import dart` (register_data_commands first; cmd_data_dart.cc).
void register_data_dart_command(Registry& r);
// Adds `company search` to the `company` group (register_company_group first).
void register_company_search_command(Registry& r);
// Adds `company financials` and `company funding` (cmd_company_finance.cc).
void register_company_finance_commands(Registry& r);
void register_screen_command(Registry& r);
void register_backup_commands(Registry& r);
// job, phase, timeline, probation (cmd_career.cc).
void register_career_commands(Registry& r);
// offer add | list | compare (cmd_offer.cc).
void register_offer_commands(Registry& r);
// decide … (cmd_decide.cc).
void register_decide_commands(Registry& r);
// journal … (cmd_journal.cc).
void register_journal_commands(Registry& r);
// serve: the local web app (cmd_serve.cc, src/server).
void register_serve_command(Registry& r);
// vet (cmd_vet.cc).
void register_vet_command(Registry& r);
// watch add | rm | list, alerts (cmd_watch.cc).
void register_watch_commands(Registry& r);
// Adds `journal import` to the `journal` group (register_journal_commands first).
void register_journal_import_command(Registry& r);

}  // namespace ijik::cli
