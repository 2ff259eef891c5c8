// Fuzz target `engines`: any bytes, both rule sets, every preset target, through both engines:
// PEGTL's (pep3118::check) and the compile-time engine of static.hpp run at run time
// (detail::static_check). They must agree on accept or reject, on the first error's code and
// offset, on itemsize and alignment, and on every field's path, offset and size.
#include <string>
#include <vector>

#include <pep3118/static.hpp>

#include "fuzz_support.hpp"

namespace {

struct seen_field {
  std::string path;
  std::int64_t offset;
  std::int64_t size;
};

struct collecting_sink : pep3118::detail::no_padding {
  std::vector<seen_field> fields;
  void field(const pep3118::detail::field_view& v) {
    std::string path;
    pep3118::detail::render_path(v.path, nullptr, path);
    fields.push_back({std::move(path), v.offset, v.size});
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = pep3118_fuzz::as_text(data, size);
  for (const auto rules : pep3118_fuzz::rule_sets) {
    const auto options = pep3118_fuzz::options_for(rules);
    for (const pep3118::target* tgt : pep3118::all_targets()) {
      const auto runtime = pep3118::check(input, *tgt, options);
      collecting_sink sink;
      const auto outcome = pep3118::detail::static_check(input, options, *tgt, sink);
      FUZZ_CHECK(outcome.ok == runtime.ok(), "the engines disagree on accept/reject");
      if (!runtime.ok()) {
        bool same_error = false;
        for (const pep3118::diagnostic& d : runtime.diagnostics()) {
          same_error = same_error || (d.level == pep3118::severity::error && d.code == outcome.error.code &&
                                      d.offset == outcome.error.offset);
        }
        FUZZ_CHECK(same_error, "the engines report different errors");
        continue;
      }
      FUZZ_CHECK(outcome.itemsize == runtime->itemsize && outcome.alignment == runtime->alignment,
                 "the engines disagree on itemsize or alignment");
      FUZZ_CHECK(sink.fields.size() == runtime->fields.size(), "the engines list different numbers of fields");
      for (std::size_t i = 0; i < sink.fields.size(); ++i) {
        const pep3118::field& f = runtime->fields[i];
        FUZZ_CHECK_DETAIL(
            sink.fields[i].path == f.path && sink.fields[i].offset == f.offset && sink.fields[i].size == f.size,
            "the engines disagree on a field", f.path);
      }
    }
  }
  return 0;
}
