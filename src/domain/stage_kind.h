// Kinds of hiring stages, recognised from the names people give them in
// Korean or English (서류, 코테, 1차 면접, 임원 면접, 처우협의, 최종합격 …).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ijik::domain {

enum class StageBase {
  kDocument,            // 서류
  kCodingTest,          // 코딩테스트, 코테
  kAptitude,            // 인적성
  kAssignment,          // 과제
  kInterview,           // N차 면접, 기술 면접 (round 1, 2, 3 …)
  kCultureFit,          // 컬처핏
  kExecutiveInterview,  // 임원 면접
  kReferenceCheck,      // 평판조회
  kNegotiation,         // 처우협의
  kOffer,               // 최종합격, offer
  kOther,
};

// A stage kind: the base plus, for interviews, the round (1-based).
struct StageKind {
  StageBase base = StageBase::kOther;
  int round = 0;  // interviews only

  bool operator==(const StageKind&) const = default;
  // "document", "coding-test", "interview-2", "executive-interview", …
  std::string key() const;
  // Korean label for tables: 서류, 코딩테스트, 2차 면접, 임원 면접 …
  std::string label() const;
  // Position in the hiring order (funnel and board columns sort by it).
  int rank() const;
};

// What a single stage name says: its base and an explicit round (0 when the
// name gives none, e.g. 기술 면접).
StageKind classify_stage_name(std::string_view name);

// Kinds for an application's stages in order: an interview without an
// explicit round follows the highest round before it (기술 면접 after 2차 면접 is round 3).
std::vector<StageKind> classify_stages(const std::vector<std::string>& names);

// Parses a kind key ("interview-2", "offer"); false when unknown.
bool parse_stage_kind_key(std::string_view key, StageKind& out);

}  // namespace ijik::domain
