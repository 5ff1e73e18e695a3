// The career store: jobs round trip, the current employer, probation, offers, decisions.
#include "store/career_repo.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "store/company_repo.h"
#include "store/decision_repo.h"
#include "store/offer_repo.h"
#include "store/workspace.h"
#include "unit/support/workspace_test.h"

namespace ijik::store {
namespace {

namespace fs = std::filesystem;

class CareerRepoTest : public ijik::testing::WorkspaceTest {
 protected:
  int64_t company(const char* name) {
    CompanyRepo c(*db_);
    return c.find_or_add(name)->company.id;
  }
};

Date d(const char* s) {
  return *parse_date(s);
}

TEST_F(CareerRepoTest, JobHeldOnADayIsNotTheOneToCome) {
  CareerRepo repo(*db_);
  domain::Job old_job;
  old_job.company_id = company("야놀자");
  old_job.title = "ML 엔지니어";
  old_job.from = d("2022-07-11");
  ASSERT_TRUE(repo.add_job(old_job).ok());
  domain::Job next;  // accepted, starting after the old job's last day
  next.company_id = company("토스");
  next.title = "Data Engineer";
  next.from = d("2026-04-01");
  ASSERT_TRUE(repo.add_job(next).ok());
  ASSERT_TRUE(repo.end_job(old_job.id, d("2026-03-31"), "이직").ok());
  auto held = [&](const char* day) -> std::optional<int64_t> {
    auto j = repo.job_held_on(d(day));
    EXPECT_TRUE(j.ok());
    return j.ok() && j->has_value() ? std::optional<int64_t>((*j)->id) : std::nullopt;
  };
  EXPECT_EQ(held("2026-03-05"), old_job.id);
  EXPECT_EQ(held("2026-03-31"), old_job.id);  // the last day counts
  EXPECT_EQ(held("2026-04-01"), next.id);
  EXPECT_EQ(held("2022-07-10"), std::nullopt);         // before any job
  EXPECT_EQ(repo.current_job()->value().id, next.id);  // the open one, for accepting offers
}

TEST_F(CareerRepoTest, CurrentEmployerIsTheOpenJob) {
  CareerRepo repo(*db_);
  EXPECT_FALSE(repo.current_employer()->has_value());
  domain::Job a;
  a.company_id = company("메디AI");
  a.title = "AI 연구원";
  a.start_type = domain::JobType::kIntern;
  a.from = d("2020-07-01");
  a.conversions.push_back({domain::JobType::kFullTime, d("2020-09-01")});
  ASSERT_TRUE(repo.add_job(a).ok());
  EXPECT_EQ(repo.current_employer()->value(), a.company_id);
  domain::Job b;
  b.company_id = company("야놀자");
  b.title = "ML 엔지니어";
  b.from = d("2022-07-11");
  b.pay = 65'000'000;
  b.probation = domain::Probation{3, domain::probation_end(b.from, 3)};
  ASSERT_TRUE(repo.add_job(b).ok());
  ASSERT_TRUE(repo.end_job(a.id, d("2022-02-28"), "성장").ok());
  EXPECT_EQ(repo.current_employer()->value(), b.company_id);

  auto all = repo.jobs();
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].type(), domain::JobType::kFullTime);
  EXPECT_EQ((*all)[0].start_type, domain::JobType::kIntern);
  EXPECT_EQ((*all)[0].to, d("2022-02-28"));
  EXPECT_EQ((*all)[1].probation->original_end, d("2022-10-11"));
  EXPECT_EQ((*all)[1].pay, 65'000'000);
  EXPECT_EQ(*repo.count_jobs(b.company_id), 1);

  ASSERT_TRUE(repo.end_job(b.id, d("2026-03-31"), "").ok());
  EXPECT_FALSE(repo.current_employer()->has_value());
}

TEST_F(CareerRepoTest, DecisionRoundTrip) {
  DecisionRepo repo(*db_);
  domain::Decision dec;
  dec.title = "이직";
  dec.created_on = d("2026-03-05");
  dec.criteria = domain::default_criteria();
  dec.options.resize(2);
  dec.options[0].name = "A";
  dec.options[1].name = "잔류";
  dec.options[1].stay = true;
  ASSERT_TRUE(repo.add(dec).ok());
  ASSERT_TRUE(repo.set_score(dec.options[0].id, "보상", 8).ok());
  ASSERT_TRUE(repo.set_weight(dec.id, "원격", 5).ok());
  ASSERT_TRUE(repo.set_score(dec.options[0].id, "원격", 3).ok());
  ASSERT_TRUE(repo.remove_criterion(dec.id, "통근").ok());
  ASSERT_TRUE(repo.add_note(dec.options[0].id, true, "성장").ok());
  ASSERT_TRUE(repo.add_note(dec.options[0].id, false, "연구").ok());
  auto got = repo.get(dec.id);
  ASSERT_TRUE(got.ok()) << got.error().message;
  ASSERT_EQ(got->criteria.size(), 7u);
  EXPECT_EQ(got->criteria.back().name, "원격");
  EXPECT_EQ(got->options[0].scores[0], 8.0);
  EXPECT_EQ(got->options[0].scores[6], 3.0);
  EXPECT_EQ(got->options[0].pros, std::vector<std::string>{"성장"});
  EXPECT_EQ(got->options[0].cons, std::vector<std::string>{"연구"});
  EXPECT_TRUE(got->options[1].stay);
}

}  // namespace
}  // namespace ijik::store
