// Fuzz target `roundtrip`: whatever parses prints a canonical text that re-parses to the same
// descriptor (same_structure) and prints the same text again; on every preset target both lay
// out alike (itemsize, fields' paths, offsets and sizes), or both fail.
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = pep3118_fuzz::as_text(data, size);
  for (const auto rules : pep3118_fuzz::rule_sets) {
    const auto options = pep3118_fuzz::options_for(rules);
    const auto parsed = pep3118::parse(input, options);
    if (!parsed) {
      continue;
    }
    const std::string text = pep3118::canonical(parsed.value());
    const auto again = pep3118::parse(text, options);
    FUZZ_CHECK_DETAIL(again.ok(), "canonical text does not parse", text);
    FUZZ_CHECK_DETAIL(pep3118::same_structure(parsed.value(), again.value()),
                      "canonical text parses to another descriptor", text);
    FUZZ_CHECK_DETAIL(pep3118::canonical(again.value()) == text, "canonical text is not a fixed point",
                      text);
    for (const pep3118::target* tgt : pep3118::all_targets()) {
      const auto a = pep3118::layout_of(parsed.value(), *tgt);
      const auto b = pep3118::layout_of(again.value(), *tgt);
      FUZZ_CHECK_DETAIL(a.ok() == b.ok(), "only one of format and canonical text lays out", text);
      FUZZ_CHECK_DETAIL(!a.ok() || pep3118_fuzz::same_layout(a.value(), b.value()),
                        "format and canonical text lay out differently", text);
    }
  }
  return 0;
}
