// Fuzz target `fast_path`: any bytes, through the fast path of check() (src/fast_path.hpp,
// detail::fast_check) and the full engine (parse, then layout_of), on a few targets (host, a
// big-endian and a 32-bit one, one with a 12-byte long double) under a few option sets (the
// defaults, strict, small max_depth, max_dims 0 and 1, the struct rules). Wherever the fast path
// does not decline, it must answer exactly as the full engine: the same verdict; on failure the
// one diagnostic the full engine reports (severity, code, offset) and nothing else; on success
// no diagnostic at all and the same layout in every member (itemsize, alignment, every field and
// every padding, in order). check() must equal the full engine too (it takes the fast path), and
// check_size() must give its validity, diagnostics, itemsize and alignment; the scan without
// records (check_size's) must reach the fast path's verdict, error and size.
// One scratch and one output layout serve every call, as pep3118::checker reuses its own.
#include <optional>
#include <string>
#include <vector>

#include "fast_path.hpp"
#include "fuzz_support.hpp"

namespace {

bool same_diagnostics(const std::vector<pep3118::diagnostic>& a, const std::vector<pep3118::diagnostic>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].level != b[i].level || a[i].code != b[i].code || a[i].offset != b[i].offset) return false;
  }
  return true;
}

// The first member that differs, or "" when the layouts are equal in every member.
std::string first_difference(const pep3118::layout& a, const pep3118::layout& b) {
  if (a.itemsize != b.itemsize) return "itemsize";
  if (a.alignment != b.alignment) return "alignment";
  if (a.fields.size() != b.fields.size()) return "number of fields";
  if (a.paddings.size() != b.paddings.size()) return "number of paddings";
  for (std::size_t i = 0; i < a.fields.size(); ++i) {
    const pep3118::field& x = a.fields[i];
    const pep3118::field& y = b.fields[i];
    const char* member = x.path != y.path                        ? "path"
                         : x.offset != y.offset                  ? "offset"
                         : x.size != y.size                      ? "size"
                         : x.alignment != y.alignment            ? "alignment"
                         : x.code != y.code                      ? "code"
                         : x.spelling != y.spelling              ? "spelling"
                         : x.order != y.order                    ? "order"
                         : x.resolved_order != y.resolved_order  ? "resolved_order"
                         : x.shape != y.shape                    ? "shape"
                         : x.points_to != y.points_to            ? "points_to"
                         : x.node != y.node                      ? "node"
                         : x.depth != y.depth                    ? "depth"
                                                                 : nullptr;
    if (member != nullptr) return "field " + std::to_string(i) + " (" + x.path + ") " + member;
  }
  for (std::size_t i = 0; i < a.paddings.size(); ++i) {
    const pep3118::padding& x = a.paddings[i];
    const pep3118::padding& y = b.paddings[i];
    const char* member = x.offset != y.offset    ? "offset"
                         : x.size != y.size      ? "size"
                         : x.written != y.written ? "written"
                         : x.before != y.before  ? "before"
                         : x.within != y.within  ? "within"
                                                 : nullptr;
    if (member != nullptr) return "padding " + std::to_string(i) + " " + member;
  }
  return {};
}

std::vector<pep3118::parse_options> option_sets() {
  std::vector<pep3118::parse_options> sets(7);
  sets[1].strict = true;
  sets[2].max_depth = 0;
  sets[3].max_depth = 2;
  sets[4].max_dims = 0;
  sets[5].max_dims = 1;
  sets[6].rules = pep3118::rule_set::struct_;
  return sets;
}

std::string where(const pep3118::target& tgt, const pep3118::parse_options& options) {
  return "target " + std::string(tgt.name) + ", rules " + std::string(pep3118::rule_set_name(options.rules)) +
         (options.strict ? ", strict" : "") + ", max_depth " + std::to_string(options.max_depth) + ", max_dims " +
         std::to_string(options.max_dims);
}

std::string shown(const std::vector<pep3118::diagnostic>& diagnostics) {
  std::string out;
  for (const pep3118::diagnostic& d : diagnostics) {
    out += std::string(d.level == pep3118::severity::error ? " error " : " warning ") + std::string(d.name()) + "@" +
           std::to_string(d.offset);
  }
  return out.empty() ? " none" : out;
}

std::vector<const pep3118::target*> some_targets() {
  std::vector<const pep3118::target*> out = {&pep3118::host_target()};
  for (const char* name : {"s390x-linux-gnu", "i686-linux-gnu", "x86_64-windows-msvc"}) {
    if (const pep3118::target* t = pep3118::find_target(name)) out.push_back(t);
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = pep3118_fuzz::as_text(data, size);
  static const std::vector<pep3118::parse_options> options_list = option_sets();
  static const std::vector<const pep3118::target*> targets = some_targets();
  static pep3118::detail::fast_scratch scratch;
  static pep3118::layout out;
  for (const pep3118::parse_options& options : options_list) {
    const auto parsed = pep3118::parse(input, options);
    for (const pep3118::target* tgt : targets) {
      // The full engine: parse, then layout_of, with the diagnostics of both.
      std::vector<pep3118::diagnostic> expected = parsed.diagnostics();
      std::optional<pep3118::result<pep3118::layout>> laid;
      if (parsed.ok()) {
        laid.emplace(pep3118::layout_of(parsed.value(), *tgt));
        expected.insert(expected.end(), laid->diagnostics().begin(), laid->diagnostics().end());
      }
      const bool expected_ok = laid.has_value() && laid->ok();

      const auto checked = pep3118::check(input, *tgt, options);
      FUZZ_CHECK_DETAIL(checked.ok() == expected_ok, "check() and the full engine disagree on accept/reject",
                        where(*tgt, options));
      FUZZ_CHECK_DETAIL(same_diagnostics(checked.diagnostics(), expected),
                        "check() and the full engine report different diagnostics",
                        where(*tgt, options) + ": check()" + shown(checked.diagnostics()) + "; full engine" +
                            shown(expected));
      if (expected_ok) {
        FUZZ_CHECK_DETAIL(first_difference(checked.value(), laid->value()).empty(),
                          "check() and the full engine lay out differently",
                          where(*tgt, options) + ": " + first_difference(checked.value(), laid->value()));
      }

      const auto sized = pep3118::check_size(input, *tgt, options);
      FUZZ_CHECK_DETAIL(sized.ok() == expected_ok && same_diagnostics(sized.diagnostics(), expected),
                        "check_size() and the full engine disagree on accept/reject or diagnostics",
                        where(*tgt, options) + ": check_size()" + shown(sized.diagnostics()) + "; full engine" +
                            shown(expected));
      if (sized.ok() && expected_ok) {
        FUZZ_CHECK_DETAIL(sized->itemsize == laid->value().itemsize && sized->alignment == laid->value().alignment,
                          "check_size() and the full engine size differently", where(*tgt, options));
      }

      pep3118::diagnostic error{pep3118::severity::warning, pep3118::error_code::bad_target_line, 987654321};
      pep3118::diagnostic size_error = error;
      pep3118::item_size sized_by_scan{-1, -1};
      const auto size_verdict =
          pep3118::detail::fast_check(input, *tgt, options, scratch, sized_by_scan, size_error);
      const auto verdict = pep3118::detail::fast_check(input, *tgt, options, scratch, out, error);
      FUZZ_CHECK_DETAIL(size_verdict == verdict, "the scan without records reaches another verdict",
                        where(*tgt, options));
      if (verdict == pep3118::detail::fast_verdict::laid_out) {
        FUZZ_CHECK_DETAIL(sized_by_scan.itemsize == out.itemsize && sized_by_scan.alignment == out.alignment,
                          "the scan without records sizes differently", where(*tgt, options));
      }
      if (verdict == pep3118::detail::fast_verdict::failed) {
        FUZZ_CHECK_DETAIL(same_diagnostics({size_error}, {error}), "the scan without records reports another error",
                          where(*tgt, options));
      }
      switch (verdict) {
        case pep3118::detail::fast_verdict::declined: break;
        case pep3118::detail::fast_verdict::failed:
          FUZZ_CHECK_DETAIL(!expected_ok, "the fast path rejects what the full engine accepts",
                            where(*tgt, options) + ": fast path" + shown({error}));
          FUZZ_CHECK_DETAIL(same_diagnostics({error}, expected),
                            "the fast path reports another diagnostic than the full engine",
                            where(*tgt, options) + ": fast path" + shown({error}) + "; full engine" + shown(expected));
          break;
        case pep3118::detail::fast_verdict::laid_out:
          FUZZ_CHECK_DETAIL(expected_ok, "the fast path lays out what the full engine rejects",
                            where(*tgt, options) + ": full engine" + shown(expected));
          FUZZ_CHECK_DETAIL(expected.empty(), "the fast path lays out a format that has diagnostics",
                            where(*tgt, options) + ": full engine" + shown(expected));
          FUZZ_CHECK_DETAIL(first_difference(out, laid->value()).empty(),
                            "the fast path and the full engine lay out differently",
                            where(*tgt, options) + ": " + first_difference(out, laid->value()));
          break;
        default: FUZZ_CHECK(false, "fast_check returned no verdict");
      }
    }
  }
  return 0;
}
