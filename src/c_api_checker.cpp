// The C API's checker: a pep3118::checker and the layout handle that lends out its answer.
#include <string_view>

#include <pep3118/checker.hpp>

#include "c_api.hpp"

using namespace pep3118;

struct pep3118_checker {
  pep3118_checker(const target& tgt, const parse_options& options) : engine(tgt, options) {}

  pep3118::checker engine;
  pep3118_layout answer;  // borrows the engine's layout after each successful check
};

pep3118_status pep3118_checker_new(const pep3118_target* target, const pep3118_parse_options* options,
                                   pep3118_checker** out, pep3118_error* error) noexcept {
  return c_api::creating(out, error, [&] {
    return c_api::with_settings(target, options, error, [&](const pep3118::target& tgt, const parse_options& read) {
      *out = new pep3118_checker(tgt, read);
      return PEP3118_OK;
    });
  });
}

pep3118_status pep3118_checker_check(pep3118_checker* checker, const char* format, size_t length,
                                     const pep3118_layout** out, pep3118_error* error) noexcept {
  return c_api::creating(out, error, [&] {
    if (checker == nullptr || format == nullptr) return c_api::invalid_argument(error, "checker or format is NULL");
    const result<layout>& answer = checker->engine.check(std::string_view(format, length));
    if (!answer) return c_api::fail(error, answer.diagnostics());
    checker->answer.borrowed = &answer.value();
    *out = &checker->answer;
    return PEP3118_OK;
  });
}

void pep3118_checker_free(pep3118_checker* checker) noexcept { delete checker; }
