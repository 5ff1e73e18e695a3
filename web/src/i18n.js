// Korean by default; English on the switch (kept in localStorage).
const dict = {
  board: ['보드', 'Board'],
  agenda: ['일정', 'Agenda'],
  funnel: ['퍼널', 'Funnel'],
  companies: ['회사', 'Companies'],
  screen: ['스크리너', 'Screener'],
  offers: ['오퍼', 'Offers'],
  decide: ['결정', 'Decide'],
  timeline: ['타임라인', 'Timeline'],
  lang: ['English', '한국어'],
  add_app: ['지원 추가', 'Add application'],
  company: ['회사', 'Company'],
  role: ['직무', 'Role'],
  team: ['팀', 'Team'],
  source: ['경로', 'Source'],
  via: ['추천인·채널', 'Via'],
  applied: ['지원일', 'Applied'],
  process: ['전형 템플릿', 'Hiring process'],
  none: ['없음', 'None'],
  salary: ['희망 연봉', 'Salary range'],
  note: ['메모', 'Note'],
  save: ['저장', 'Save'],
  add: ['추가', 'Add'],
  cancel: ['취소', 'Cancel'],
  edit: ['편집', 'Edit'],
  next_stage: ['다음 단계로', 'Next stage'],
  result: ['결과', 'Result'],
  withdraw: ['지원 철회', 'Withdraw'],
  empty_board: ['아직 지원이 없습니다. 위의 양식으로 추가하세요.', 'No applications yet. Add one with the form above.'],
  drop_next_only: ['다음 단계 칸으로만 옮길 수 있습니다', 'A card moves only to its next stage'],
  moved: ['옮겼습니다', 'Moved'],
  saved: ['저장했습니다', 'Saved'],
  stages: ['전형 단계', 'Stages'],
  date: ['날짜', 'Date'],
  time: ['시간', 'Time'],
  questions: ['받은 질문', 'Questions asked'],
  add_question: ['질문 추가', 'Add a question'],
  add_stage: ['단계 추가', 'Add a stage'],
  stage_name: ['단계 이름', 'Stage name'],
  contacts: ['연락처', 'Contacts'],
  add_contact: ['연락처 추가', 'Add contact'],
  name: ['이름', 'Name'],
  email: ['이메일', 'Email'],
  phone: ['전화', 'Phone'],
  status: ['상태', 'Status'],
  upcoming: ['다가오는 일정', 'Upcoming'],
  days_ahead: ['며칠 앞까지', 'Days ahead'],
  download_ics: ['캘린더(.ics) 내려받기', 'Download .ics'],
  no_agenda: ['예정된 일정이 없습니다', 'Nothing scheduled'],
  by_source: ['경로별', 'By source'],
  reached: ['도달', 'Reached'],
  passed: ['통과', 'Passed'],
  pass_rate: ['통과율', 'Pass rate'],
  median_days: ['지원 후 중앙값(일)', 'Median days'],
  search_company: ['회사 이름 (초성 가능: ㄴㅇㅂ)', 'Company name (초성 works)'],
  my_company: ['내 회사', 'Mine'],
  workplace: ['사업장', 'Workplace'],
  headcount: ['가입자 수', 'Headcount'],
  hires_leavers: ['입사 vs 퇴사 (월별)', 'Hires vs leavers per month'],
  hires: ['입사', 'Hires'],
  leavers: ['퇴사', 'Leavers'],
  pay_est: ['추정 연봉', 'Estimated pay'],
  pay_month: ['추정 월급', 'Est. monthly pay'],
  lower_bound: ['상한 도달: 하한값', 'at the ceiling: a lower bound'],
  change_12m: ['12개월 증감', '12-month change'],
  attrition: ['퇴사율', 'Attrition'],
  region: ['지역', 'Region'],
  industry: ['업종', 'Industry'],
  coverage: ['국민연금 가입자 기준 추정치입니다 (공공데이터).', 'Estimates from National Pension membership (public data).'],
  no_public: ['연결된 공공 사업장이 없습니다', 'No linked public workplace'],
  // Vetting, watch list, import, links (vet_view.js, pages/watch.js, pages/import.js)
  vetting: ['회사 점검', 'Vetting'],
  grade: ['등급', 'Grade'],
  red_flag: ['위험 신호', 'Red flag'],
  red_flags: ['위험 신호', 'Red flags'],
  green_flag: ['좋은 신호', 'Green flag'],
  green_flags: ['좋은 신호', 'Green flags'],
  sev_severe: ['심각', 'severe'],
  sev_warning: ['주의', 'warning'],
  sev_info: ['참고', 'info'],
  evidence: ['근거', 'Evidence'],
  no_pay: ['추정할 수 있는 급여 자료가 없습니다', 'No pay estimate'],
  peer_percentile: ['같은 업종·규모 대비 백분위', 'Percentile among peers'],
  peers_n: ['곳', ' peers'],
  median: ['중앙값', 'median'],
  few_peers: ['비교할 사업장이 너무 적습니다', 'Too few peers for a percentile'],
  pay_lower_bound: ['하한값입니다: 국민연금 기준소득월액 상한에 가까워 실제 급여는 훨씬 높을 수 있습니다.', 'A lower bound: the pension income base is near its ceiling, so real pay may be much higher.'],
  pay_basis: ['국민연금 기준소득월액으로 추정한 값입니다 (실제 급여와 다를 수 있음).', 'Estimated from the pension income base (may differ from real pay).'],
  finances: ['재무제표', 'Financial statements'],
  no_statements: ['재무제표가 없습니다', 'No statements'],
  year: ['연도', 'Year'],
  revenue: ['매출액', 'Revenue'],
  growth_short: ['성장', 'Growth'],
  op_income: ['영업이익', 'Operating profit'],
  op_margin: ['영업이익률', 'Op. margin'],
  net_income: ['당기순이익', 'Net income'],
  debt_ratio: ['부채비율', 'Debt ratio'],
  impairment: ['자본잠식', 'Impairment'],
  imp_none: ['없음', 'none'],
  imp_partial: ['부분', 'partial'],
  imp_full: ['완전', 'full'],
  rev_payroll: ['매출/인건비', 'Revenue/payroll'],
  basis: ['출처', 'Basis'],
  basis_consolidated: ['연결', 'consolidated'],
  basis_separate: ['별도', 'separate'],
  basis_user: ['직접 입력', 'entered'],
  eok: ['억원', '100M KRW'],
  funding: ['투자 유치', 'Funding'],
  no_funding: ['기록된 투자가 없습니다', 'None recorded'],
  round: ['라운드', 'Round'],
  amount: ['금액', 'Amount'],
  investors: ['투자자', 'Investors'],
  coverage_notes: ['데이터 범위', 'Coverage'],
  watch: ['관심 회사', 'Watch list'],
  watch_btn: ['관심 등록', 'Watch'],
  watch_page: ['관심 회사와 알림', 'Watch list and alerts'],
  watched: ['지켜보는 회사', 'Watched companies'],
  watch_hint: ['데이터를 가져올 때마다 다시 점검하고, 새 위험 신호는 알림으로 남깁니다.', 'Re-checked after every import; new red flags become alerts.'],
  add_watch: ['관심 회사 추가', 'Watch a company'],
  no_watches: ['지켜보는 회사가 없습니다', 'No watched companies'],
  why_career: ['경력 (현재 직장)', 'career (current job)'],
  why_marked: ['현재 직장으로 표시', 'marked current'],
  kind: ['구분', 'Kind'],
  latest_data: ['최근 데이터', 'Latest data'],
  added: ['추가', 'Added'],
  alerts: ['알림', 'Alerts'],
  no_alerts: ['알림이 없습니다', 'No alerts'],
  data_month: ['데이터 월', 'Data month'],
  severity: ['심각도', 'Severity'],
  rule: ['규칙', 'Rule'],
  raised: ['알림 날짜', 'Raised'],
  since: ['이 달부터', 'Since'],
  all_alerts: ['전체 보기', 'All alerts'],
  unwatch: ['관심 해제', 'Unwatch'],
  watching: ['관심 회사', 'Watching'],
  unwatched: ['관심 해제했습니다', 'No longer watched'],
  always_watched: ['현재 직장은 항상 지켜봅니다', 'Your current employer is always watched'],
  min_headcount: ['최소 인원', 'Min headcount'],
  max_headcount: ['최대 인원', 'Max headcount'],
  growth: ['12개월 성장 (예: >=10%)', 'Growth 12m (e.g. >=10%)'],
  attrition_f: ['퇴사율 (예: <20%)', 'Attrition (e.g. <20%)'],
  pay_f: ['연봉 (예: >=5000만)', 'Pay (e.g. >=5000만)'],
  results: ['결과', 'Results'],
  no_results: ['조건에 맞는 사업장이 없습니다', 'No workplace matches'],
  current_job: ['현재 직장', 'Current job'],
  base: ['기본급', 'Base'],
  signing: ['사이닝', 'Signing'],
  bonus: ['보너스', 'Bonus'],
  first_year: ['첫해 현금', 'First-year cash'],
  vs_current: ['현재 대비', 'vs current'],
  start: ['입사일', 'Start'],
  deadline: ['회신 마감', 'Deadline'],
  probation: ['수습', 'Probation'],
  location: ['근무지', 'Location'],
  remote: ['재택(일/주)', 'Remote days'],
  stock: ['주식', 'Stock'],
  benefits: ['복지', 'Benefits'],
  add_offer: ['오퍼 추가', 'Add offer'],
  application: ['지원', 'Application'],
  no_offers: ['아직 오퍼가 없습니다', 'No offers yet'],
  new_decision: ['새 결정', 'New decision'],
  title: ['제목', 'Title'],
  options: ['선택지', 'Options'],
  stay: ['잔류', 'Stay'],
  criteria: ['기준과 가중치', 'Criteria and weights'],
  weight: ['가중치', 'Weight'],
  ranking: ['순위', 'Ranking'],
  score: ['점수', 'Score'],
  sensitivity: ['민감도', 'Sensitivity'],
  no_sensitivity: ['어떤 가중치 하나를 바꿔도 1위가 바뀌지 않습니다', 'No single weight change changes the leader'],
  no_decisions: ['아직 결정이 없습니다', 'No decisions yet'],
  jobs: ['경력', 'Jobs'],
  phases: ['시기', 'Phases'],
  searches: ['구직 활동', 'Job searches'],
  no_timeline: ['경력이 없습니다. CLI로 추가하세요: ijik job add', 'No jobs yet. Add one with: ijik job add'],
  loading: ['불러오는 중…', 'Loading…'],
  today: ['오늘', 'today'],
  report: ['리포트', 'Report'],
  months: ['개월', ' months'],
};

let lang = localStorage.getItem('ijik-lang') === 'en' ? 'en' : 'ko';

export function t(key) {
  const e = dict[key];
  if (!e) return key;
  return lang === 'en' ? e[1] : e[0];
}
export function currentLang() {
  return lang;
}
export function toggleLang() {
  lang = lang === 'en' ? 'ko' : 'en';
  localStorage.setItem('ijik-lang', lang);
  document.documentElement.lang = lang;
}

const resultLabels = {
  pending: ['대기', 'pending'],
  passed: ['합격', 'passed'],
  failed: ['불합격', 'failed'],
  withdrawn: ['철회', 'withdrawn'],
  'no-show': ['불참', 'no-show'],
  active: ['진행중', 'active'],
  offer: ['합격', 'offer'],
  rejected: ['불합격', 'rejected'],
  accepted: ['입사 확정', 'accepted'],
};
export function label(key) {
  const e = resultLabels[key];
  if (!e) return key;
  return lang === 'en' ? e[1] : e[0];
}
export const RESULTS = ['pending', 'passed', 'failed', 'withdrawn', 'no-show'];
export const SOURCES = ['direct', 'referral', 'headhunter', 'platform', 'cold-email'];
const sourceLabels = {
  direct: ['직접 지원', 'direct'],
  referral: ['추천', 'referral'],
  headhunter: ['헤드헌터', 'headhunter'],
  platform: ['플랫폼', 'platform'],
  'cold-email': ['콜드메일', 'cold email'],
};
export function sourceLabel(s) {
  const e = sourceLabels[s];
  return e ? (lang === 'en' ? e[1] : e[0]) : s;
}

// Stage kinds (domain/stage_kind.cc): the label and hiring order of each key,
// for board columns that are still empty.
const kinds = {
  applied: ['지원', 'Applied', 0],
  document: ['서류', 'Documents', 10],
  'coding-test': ['코딩테스트', 'Coding test', 20],
  aptitude: ['인적성', 'Aptitude', 30],
  assignment: ['과제', 'Assignment', 40],
  'culture-fit': ['컬처핏', 'Culture fit', 200],
  'executive-interview': ['임원 면접', 'Executive', 210],
  'reference-check': ['평판조회', 'References', 300],
  negotiation: ['처우협의', 'Negotiation', 310],
  offer: ['최종합격', 'Offer', 320],
  other: ['기타', 'Other', 400],
  'probation-end': ['수습 종료', 'Probation ends', 0],
  accepted: ['입사 확정', 'Accepted', 990],
  rejected: ['불합격', 'Rejected', 1000],
  withdrawn: ['철회', 'Withdrawn', 1010],
};
export function kindLabel(key) {
  const m = /^interview-(\d+)$/.exec(key);
  if (m) return lang === 'en' ? `Interview ${m[1]}` : `${m[1]}차 면접`;
  const e = kinds[key];
  return e ? (lang === 'en' ? e[1] : e[0]) : key;
}
export function kindRank(key) {
  const m = /^interview-(\d+)$/.exec(key);
  if (m) return 100 + Number(m[1]);
  return kinds[key] ? kinds[key][2] : 500;
}
