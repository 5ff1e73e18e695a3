// `ijik journal export`: the whole move as one Markdown retrospective — the
// career timeline, the numbers of each job search, the decisions with their
// reasoning, and the journal entries — ready to post to a blog as it is.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/career.h"
#include "domain/decision.h"
#include "domain/journal.h"
#include "domain/offer.h"
#include "domain/tracker.h"

namespace ijik::exchange {

struct RetrospectiveInput {
  Date today;
  std::optional<Date> from, to;   // the period; open ends when absent
  std::vector<domain::Job> jobs;  // sorted by start
  std::vector<domain::Phase> phases;
  std::vector<domain::Application> applications;
  std::vector<domain::Offer> offers;
  std::vector<domain::Decision> decisions;
  std::vector<domain::JournalEntry> entries;  // the chosen entries, by date
};

// The document. Within [from, to]: jobs and phases overlapping it, searches
// with an application applied in it, decisions made or closed in it; entries
// as given. Sections with nothing to show are left out. Headings inside an
// entry are moved three levels down so the document keeps one outline.
std::string retrospective_markdown(const RetrospectiveInput& in);

}  // namespace ijik::exchange
