// Errors as values: every module boundary returns Status or Result<T>.
// The CLI turns an Error into one line on stderr and an exit code, in one place.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace ijik {

// What went wrong, by kind. The numeric value is the process exit code
// (documented in docs/cli.md); keep them stable.
enum class ErrorCode {
  kInternal = 1,      // a bug or an unexpected system failure
  kUsage = 2,         // bad command-line syntax (unknown flag, missing argument)
  kInvalidInput = 3,  // a value of the wrong form: date, amount, business number, source…
  kNotFound = 4,      // unknown application id, company, template, contact
  kConflict = 5,      // already exists, or refused because other records depend on it
  kBadFile = 6,       // a file that cannot be read or is not what it claims to be
  kWorkspace = 7,     // the workspace file cannot be opened, is newer, or is corrupt
};

// A user-facing failure: `message` is one line naming the problem and,
// where it helps, the expected form.
struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
};

inline Error invalid_input(std::string m) {
  return {ErrorCode::kInvalidInput, std::move(m)};
}
inline Error not_found(std::string m) {
  return {ErrorCode::kNotFound, std::move(m)};
}
inline Error conflict(std::string m) {
  return {ErrorCode::kConflict, std::move(m)};
}
inline Error bad_file(std::string m) {
  return {ErrorCode::kBadFile, std::move(m)};
}
inline Error internal_error(std::string m) {
  return {ErrorCode::kInternal, std::move(m)};
}

// Success, or an Error.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Error e) : error_(std::move(e)), ok_(false) {}  // NOLINT: implicit by design
  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const { return error_; }

 private:
  Error error_;
  bool ok_ = true;
};

// A value of type T, or an Error.
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T v) : v_(std::move(v)) {}      // NOLINT: implicit by design
  Result(Error e) : v_(std::move(e)) {}  // NOLINT: implicit by design
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  const T& value() const& {
    assert(ok());
    return std::get<0>(v_);
  }
  T& value() & {
    assert(ok());
    return std::get<0>(v_);
  }
  T&& value() && {
    assert(ok());
    return std::get<0>(std::move(v_));
  }
  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }
  const Error& error() const {
    assert(!ok());
    return std::get<1>(v_);
  }
  Status status() const { return ok() ? Status() : Status(error()); }

 private:
  std::variant<T, Error> v_;
};

}  // namespace ijik

// Returns the error of a Status or Result expression from the enclosing function.
#define IJIK_RETURN_IF_ERROR(expr)                       \
  do {                                                   \
    auto&& ijik_status_ = (expr);                        \
    if (!ijik_status_.ok()) return ijik_status_.error(); \
  } while (0)

// Evaluates a Result expression; on error returns it, else moves its value into `lhs`.
#define IJIK_ASSIGN_OR_RETURN(lhs, expr) \
  IJIK_ASSIGN_OR_RETURN_IMPL(IJIK_CONCAT(ijik_r_, __LINE__), lhs, expr)
#define IJIK_CONCAT_INNER(a, b) a##b
#define IJIK_CONCAT(a, b) IJIK_CONCAT_INNER(a, b)
// `lhs` may be a declaration ("auto x"), so it cannot be parenthesized.
#define IJIK_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr)                            \
  auto tmp = (expr);                 /* NOLINT(bugprone-macro-parentheses) */ \
  if (!tmp.ok()) return tmp.error(); /* NOLINT(bugprone-macro-parentheses) */ \
  lhs = std::move(tmp).value()       /* NOLINT(bugprone-macro-parentheses) */
