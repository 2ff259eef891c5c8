// Fuzz target `compare`: the input is two formats separated by the first '\n' (no '\n': both
// are the input). For every rule set and preset target where both parse: compare(a, a) is
// identical; compare(a, b) and compare(b, a) succeed together and reach the same level;
// canonical texts are equal exactly when the level is identical; size-compatible or better
// (so layout-compatible or better) implies equal itemsize.
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = pep3118_fuzz::as_text(data, size);
  const std::size_t newline = input.find('\n');
  const std::string_view text_a = input.substr(0, newline);
  const std::string_view text_b = newline == std::string_view::npos ? input : input.substr(newline + 1);
  using pep3118::compat_level;
  for (const auto rules : pep3118_fuzz::rule_sets) {
    const auto options = pep3118_fuzz::options_for(rules);
    const auto a = pep3118::parse(text_a, options);
    const auto b = pep3118::parse(text_b, options);
    if (!a || !b) {
      continue;
    }
    const bool same_text = pep3118::canonical(a.value()) == pep3118::canonical(b.value());
    for (const pep3118::target* tgt : pep3118::all_targets()) {
      const auto aa = pep3118::compare(a.value(), a.value(), *tgt);
      FUZZ_CHECK(pep3118_fuzz::failed_cleanly(aa), "compare(a, a) failed without a diagnostic");
      FUZZ_CHECK(!aa || aa->level == compat_level::identical, "compare(a, a) is not identical");
      FUZZ_CHECK(!aa || !aa->next, "compare(a, a) reports a difference");

      const auto ab = pep3118::compare(a.value(), b.value(), *tgt);
      const auto ba = pep3118::compare(b.value(), a.value(), *tgt);
      FUZZ_CHECK(pep3118_fuzz::failed_cleanly(ab) && pep3118_fuzz::failed_cleanly(ba),
                 "compare failed without a diagnostic");
      FUZZ_CHECK(ab.ok() == ba.ok(), "compare(a, b) and compare(b, a) do not succeed together");
      if (!ab) {
        continue;
      }
      FUZZ_CHECK(ab->level == ba->level, "compare(a, b) and compare(b, a) differ in level");
      FUZZ_CHECK(same_text == (ab->level == compat_level::identical),
                 "canonical texts equal is not the same as compare identical");
      FUZZ_CHECK((ab->level == compat_level::identical) == !ab->next,
                 "a difference is reported exactly when not identical");
      if (ab->level <= compat_level::size_compatible) {
        const auto la = pep3118::layout_of(a.value(), *tgt);
        const auto lb = pep3118::layout_of(b.value(), *tgt);
        FUZZ_CHECK(la.ok() && lb.ok(), "compatible descriptors do not lay out");
        FUZZ_CHECK(la->itemsize == lb->itemsize, "compatible descriptors differ in itemsize");
      }
    }
  }
  return 0;
}
