#include <pep3118/parse.hpp>

#include <utility>

#include <tao/pegtl.hpp>

#include <pep3118/detail/actions.hpp>
#include <pep3118/detail/descriptor_builder.hpp>

#include "control.hpp"

namespace pep3118 {

result<descriptor> parse(std::string_view format, const parse_options& options) {
  descriptor_builder builder(options);
  if (!builder.begin(format.size())) {
    return std::move(builder).finish();
  }
  tao::pegtl::memory_input<tao::pegtl::tracking_mode::lazy> in(format.data(), format.size(), "");
  if (options.rules == rule_set::struct_) {
    (void)tao::pegtl::parse<grammar::struct_module::format, detail::action, detail::control>(in, builder);
  } else {
    (void)tao::pegtl::parse<grammar::format, detail::action, detail::control>(in, builder);
  }
  // Whether the parse returned true is not the verdict: a detector may have matched inside an
  // optional rule. The builder knows.
  return std::move(builder).finish();
}

descriptor parse_or_throw(std::string_view format, const parse_options& options) {
  auto parsed = parse(format, options);
  if (!parsed) {
    throw error(parsed.diagnostics());
  }
  return std::move(parsed).value();
}

}  // namespace pep3118
