// Fuzz target `parse`: any bytes, both rule sets, every preset target. Parsing either succeeds or
// fails with a diagnostic; on success the layout, the words of `explain` (type_in_words,
// c_type_of), canonical printing and every emitter succeed or fail with a diagnostic.
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = pep3118_fuzz::as_text(data, size);
  for (const auto rules : pep3118_fuzz::rule_sets) {
    const auto options = pep3118_fuzz::options_for(rules);
    const auto parsed = pep3118::parse(input, options);
    FUZZ_CHECK(pep3118_fuzz::failed_cleanly(parsed), "parse failed without a diagnostic");
    (void)pep3118::portability_of(input);
    if (!parsed) {
      continue;
    }
    const pep3118::descriptor& desc = parsed.value();
    FUZZ_CHECK(desc.rules() == rules, "the descriptor forgot its rule set");
    FUZZ_CHECK(!pep3118::canonical(desc).empty() || desc.root().children_size == 0,
               "canonical text of a non-empty descriptor is empty");
    for (const pep3118::target* tgt : pep3118::all_targets()) {
      const auto lay = pep3118::layout_of(desc, *tgt);
      FUZZ_CHECK(pep3118_fuzz::failed_cleanly(lay), "layout_of failed without a diagnostic");
      if (lay) {
        FUZZ_CHECK(lay->itemsize >= 0 && lay->alignment >= 1, "negative itemsize or alignment < 1");
        for (const pep3118::field& f : lay->fields) {
          FUZZ_CHECK(f.offset >= 0 && f.size >= 0, "negative field offset or size");
          FUZZ_CHECK(!pep3118::type_in_words(f).empty(), "type_in_words is empty");
          (void)pep3118::c_type_of(f, desc, pep3118::c_names::as_written);
          (void)pep3118::c_type_of(f, desc, pep3118::c_names::fixed_width);
        }
      }
      FUZZ_CHECK(pep3118_fuzz::failed_cleanly(pep3118::emit_numpy(desc, *tgt)), "emit_numpy failed without a diagnostic");
      FUZZ_CHECK(pep3118_fuzz::failed_cleanly(pep3118::emit_struct(desc, *tgt)), "emit_struct failed without a diagnostic");
      FUZZ_CHECK(pep3118_fuzz::failed_cleanly(pep3118::emit_c(desc, *tgt)), "emit_c failed without a diagnostic");
    }
    pep3118::buffer_view view;
    view.format = input;
    view.itemsize = 8;
    view.shape = std::vector<std::int64_t>{3};
    view.strides = std::vector<std::int64_t>{5};
    (void)pep3118::check_buffer(view, pep3118::host_target(), options);
  }
  return 0;
}
