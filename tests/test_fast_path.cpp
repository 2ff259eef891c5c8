// The fast path of check() (src/fast_path.hpp) held to the full engine (parse, then layout_of):
// wherever it does not decline it must give the same verdict, the same one error, or the same
// layout member by member (fields and paddings), with no warning. Formats come from a
// generator of the subset it takes (tests/fast_path_formats.hpp), damaged in every way, from
// the generator of the whole language, from the corpus and from every byte in a few positions,
// on several targets and option sets. The coverage cases fail when it declines what it must
// take; check() and check_size() themselves are held to the full engine on the same formats, and
// the scan without records (check_size's) to the same verdict, error and size as the scan with.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <doctest/doctest.h>

#include <pep3118/pep3118.hpp>

#include "fast_path.hpp"
#include "fast_path_formats.hpp"
#include "layout_equality.hpp"
#include "format_generator.hpp"
#include "test_support.hpp"

namespace {

using pep3118::detail::fast_check;
using pep3118::detail::fast_scratch;
using pep3118::detail::fast_verdict;
using pep3118_test::case_seed;
using pep3118_test::generated_case_count;
using pep3118_test::random_source;
using pep3118_test::check_same_layout;
using pep3118_test::diagnostics_text;
using pep3118_test::layout_text;
using pep3118_test::options_text;
using pep3118_test::show;
using pep3118_test::subset_format;

// ---------------------------------------------------------------------------------------------
// Rendering, for the failure messages
// ---------------------------------------------------------------------------------------------

std::string verdict_name(fast_verdict v) {
  switch (v) {
    case fast_verdict::laid_out: return "laid_out";
    case fast_verdict::failed: return "failed";
    case fast_verdict::declined: return "declined";
  }
  return "fast_verdict(" + std::to_string(static_cast<int>(v)) + ")";
}

// The full engine's answer: parse, then layout_of, with the diagnostics of both.
struct full_answer {
  bool ok = false;
  std::vector<pep3118::diagnostic> diagnostics;
  std::optional<pep3118::layout> value;
};

full_answer full_engine(std::string_view format, const pep3118::target& tgt, const pep3118::parse_options& options) {
  full_answer answer;
  const auto parsed = pep3118::parse(format, options);
  answer.diagnostics = parsed.diagnostics();
  if (!parsed.ok()) {
    return answer;
  }
  auto laid = pep3118::layout_of(parsed.value(), tgt);
  answer.diagnostics.insert(answer.diagnostics.end(), laid.diagnostics().begin(), laid.diagnostics().end());
  if (laid.ok()) {
    answer.ok = true;
    answer.value = std::move(laid).value();
  }
  return answer;
}

// How often the fast path answered.
struct tally {
  std::size_t laid_out = 0;
  std::size_t failed = 0;
  std::size_t declined = 0;

  void add(fast_verdict v) {
    (v == fast_verdict::laid_out ? laid_out : v == fast_verdict::failed ? failed : declined) += 1;
  }
  std::size_t answered() const { return laid_out + failed; }
  std::size_t total() const { return answered() + declined; }
  std::string text() const {
    return std::to_string(answered()) + " of " + std::to_string(total()) + " answered (" + std::to_string(laid_out) +
           " laid out, " + std::to_string(failed) + " failed), " + std::to_string(declined) + " declined";
  }
};

// Runs the fast path with one scratch and one output layout for all its calls, as
// pep3118::checker does: what a call leaves behind must never leak into the next answer.
class fast_runner {
 public:
  // The fast path against the full engine, and check() against the full engine.
  fast_verdict run(std::string_view format, const pep3118::target& tgt, const pep3118::parse_options& options) {
    INFO("format \"", show(format), "\" (", format.size(), " bytes) target ", tgt.name, " ", options_text(options));
    const full_answer expected = full_engine(format, tgt, options);
    {
      INFO("pep3118::check() against the full engine");
      const auto checked = pep3118::check(format, tgt, options);
      CHECK(checked.ok() == expected.ok);
      CHECK(diagnostics_text(checked.diagnostics()) == diagnostics_text(expected.diagnostics));
      if (checked.ok() && expected.ok) {
        check_same_layout(*expected.value, checked.value());
      }
    }
    {
      INFO("pep3118::check_size() against the full engine");
      const auto sized = pep3118::check_size(format, tgt, options);
      CHECK(sized.ok() == expected.ok);
      CHECK(diagnostics_text(sized.diagnostics()) == diagnostics_text(expected.diagnostics));
      if (sized.ok() && expected.ok) {
        CHECK(sized->itemsize == expected.value->itemsize);
        CHECK(sized->alignment == expected.value->alignment);
      }
    }
    const fast_verdict verdict = fast_answer(format, tgt, options, out_);
    INFO("fast path: ", verdict_name(verdict), "; full engine: ", std::string(expected.ok ? "ok " : "rejects "),
         diagnostics_text(expected.diagnostics));
    switch (verdict) {
      case fast_verdict::laid_out:
        CHECK_MESSAGE(expected.ok, "the fast path lays out what the full engine rejects");
        CHECK_MESSAGE(expected.diagnostics.empty(), "the fast path answered a format that has diagnostics");
        if (expected.ok) {
          check_same_layout(*expected.value, out_);
        }
        break;
      case fast_verdict::failed:
        CHECK_MESSAGE(!expected.ok, "the fast path rejects what the full engine accepts");
        CHECK(diagnostics_text({error_}) == diagnostics_text(expected.diagnostics));
        break;
      case fast_verdict::declined: break;
      default: FAIL_CHECK("fast_check returned ", static_cast<int>(verdict)); break;
    }
    check_sizes_scan(format, tgt, options, verdict);
    return verdict;
  }

 fast_scratch& scratch() { return scratch_; }

 private:
  // The fast path's answer, into fresh sentinels: a diagnostic it never reports, to see that
  // `failed` sets it.
  template <typename Out>
  fast_verdict fast_answer(std::string_view format, const pep3118::target& tgt, const pep3118::parse_options& options,
                           Out& out) {
    error_ = pep3118::diagnostic{pep3118::severity::warning, pep3118::error_code::bad_target_line, 987654321};
    return fast_check(format, tgt, options, scratch_, out, error_);
  }

  // The scan without records, on the same scratch, after the scan with: the same verdict, the
  // same error, the layout's size.
  void check_sizes_scan(std::string_view format, const pep3118::target& tgt, const pep3118::parse_options& options,
                        fast_verdict with_records) {
    INFO("the scan without records (check_size's)");
    const pep3118::diagnostic error_with_records = error_;
    pep3118::item_size size{-1, -1};
    const fast_verdict verdict = fast_answer(format, tgt, options, size);
    CHECK(verdict_name(verdict) == verdict_name(with_records));
    if (verdict == fast_verdict::laid_out && with_records == fast_verdict::laid_out) {
      CHECK(size.itemsize == out_.itemsize);
      CHECK(size.alignment == out_.alignment);
    }
    if (verdict == fast_verdict::failed && with_records == fast_verdict::failed) {
      CHECK(diagnostics_text({error_}) == diagnostics_text({error_with_records}));
    }
  }

  fast_scratch scratch_;
  pep3118::layout out_;
  pep3118::diagnostic error_{};
};

const pep3118::target& named_target(std::string_view name) {
  const pep3118::target* found = pep3118::find_target(name);
  REQUIRE_MESSAGE(found != nullptr, "no target ", name);
  return *found;
}

// Host, a big-endian and a 32-bit target, and one more that changes with the case.
std::vector<const pep3118::target*> targets_for_case(std::size_t index) {
  const pep3118::target_list all = pep3118::all_targets();
  std::vector<const pep3118::target*> out = {&pep3118::host_target(), &named_target("s390x-linux-gnu"),
                                             &named_target("i686-linux-gnu")};
  out.push_back(all.items[index % all.size]);
  return out;
}

pep3118::parse_options with_depth(std::size_t depth) {
  pep3118::parse_options o;
  o.max_depth = depth;
  return o;
}
pep3118::parse_options with_dims(std::size_t dims) {
  pep3118::parse_options o;
  o.max_dims = dims;
  return o;
}
pep3118::parse_options strict_options() {
  pep3118::parse_options o;
  o.strict = true;
  return o;
}

// The option sets of the variation tests.
std::vector<pep3118::parse_options> option_variations() {
  return {strict_options(), with_depth(0), with_depth(1), with_depth(2), with_depth(3), with_depth(5000),
          with_dims(0),     with_dims(1)};
}

// Whether the fast path must answer this undamaged format under these options.
bool must_answer(const subset_format& f, const pep3118::parse_options& options) {
  return options.rules == pep3118::rule_set::pep3118 && f.plain() && f.depth <= options.max_depth &&
         (options.max_dims > 0 || !f.has_count);
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// The examples every engineer would try first
// ---------------------------------------------------------------------------------------------

TEST_CASE("fast path: answers the common formats exactly as the full engine") {
  const std::vector<std::string> laid_out = {
      "<i", "T{i:a:d:b:h:c:}", "T{b:flag:i:count:d:ratio:h:kind:q:total:}", "T{i:a:T{d:b:T{h:c:q:d:}:inner:}:middle:}",
      "iii", "T{T{T{i}}}", "", "i", "x", "3x", "0i", "T{}", "T{4x}", "T{x}", "i:a:", "i::", "=q", "^bi", "!h",
      ">Q", "@g", "^P", "^O", "@n", "^N", "2s", "0p", "10s", "u", "w", "e", "?", "c", "B", "bxi", "T{i<}", "<>i",
      "i<", "xxx", "x:pad:", "i:f:i", "T{i:a:}:a:", "T{i}T{d}", "T{i:a:}:s:d:t:", "i:\x01:", "i:\x7f:",
      "i:}:i:{:i:T{i}:", "4294967296x", "<1099511627776s"};
  fast_runner runner;
  for (const pep3118::target* tgt : pep3118::all_targets()) {
    for (const std::string& format : laid_out) {
      INFO("format \"", show(format), "\" target ", tgt->name);
      CHECK(verdict_name(runner.run(format, *tgt, {})) == "laid_out");
      fast_runner fresh;
      CHECK(verdict_name(fresh.run(format, *tgt, {})) == "laid_out");
      CHECK(verdict_name(runner.run(format, *tgt, strict_options())) == "laid_out");
    }
  }
}

TEST_CASE("fast path: reports an unknown code where an item may start itself") {
  struct case_ {
    std::string format;
    std::size_t offset;
  };
  const std::vector<case_> cases = {
      {"i:ab:d:cd:h:ef:q:gh:Ki:kl:d:mn:", 20}, {"K", 0}, {"iK", 1}, {"<K", 1}, {"T{K}", 2}, {"T{iK}", 3},
      {"T{i}K", 4}, {"i:a:K", 4}, {"T{i:a:}:s:y", 10}, {"@=j", 2}, {"T{T{T{i}a}}", 8}, {"ddddA", 4},
      {"T{x#}", 3}, {"~", 0}, {"i:T{i:$", 6}};
  fast_runner runner;
  for (const pep3118::target* tgt : pep3118::all_targets()) {
    for (const auto& c : cases) {
      INFO("format \"", show(c.format), "\" target ", tgt->name);
      CHECK(verdict_name(runner.run(c.format, *tgt, {})) == "failed");
      const auto checked = pep3118::check(c.format, *tgt);
      CHECK(pep3118_test::error_text(checked.diagnostics()) ==
            pep3118_test::expected_text(pep3118::error_code::unknown_code, c.offset));
      CHECK(checked.diagnostics().size() == 1);
    }
  }
}

TEST_CASE("fast path: declines what is not its subset") {
  using namespace std::string_literals;
  const std::vector<std::string> declined = {
      "(2)i", "i i", " i", "i ", "&i", "Zd", "Zf", "Zg", "Ze", "F", "D", "G", "z", "Z", "z:a:", "3t", "X{}",
      "X{i->d}", "<g", "=n", ">N", "!P", "<O", "2T{i}", "0T{i}", "T{i:a:i:a:}", "i:a:i:a:", "i::i::", "T{\ti}",
      "i\n", "i\0"s, "\0"s, "i:\xc3\xa9:", "i:caf\xc3\xa9:", "T{(2,3)i}", "T{&d}", "T{i}:a:Zf"};
  fast_runner runner;
  for (const pep3118::target* tgt : pep3118::all_targets()) {
    for (const std::string& format : declined) {
      INFO("format \"", show(format), "\" target ", tgt->name);
      CHECK(verdict_name(runner.run(format, *tgt, {})) == "declined");
    }
  }
  // The struct rules, a depth beyond the limit, a count with no dims allowed.
  pep3118::parse_options struct_rules;
  struct_rules.rules = pep3118::rule_set::struct_;
  for (const std::string format : {"i", "<i", "iii", "", "4x", "K"}) {
    INFO("format \"", show(format), "\" under the struct rules");
    CHECK(verdict_name(runner.run(format, pep3118::host_target(), struct_rules)) == "declined");
  }
  CHECK(verdict_name(runner.run("T{T{i}}", pep3118::host_target(), with_depth(1))) == "declined");
  CHECK(verdict_name(runner.run("T{i}", pep3118::host_target(), with_depth(0))) == "declined");
  CHECK(verdict_name(runner.run("2i", pep3118::host_target(), with_dims(0))) == "declined");
  CHECK(verdict_name(runner.run("9223372036854775807q", pep3118::host_target(), {})) == "declined");
  CHECK(verdict_name(runner.run("99999999999999999999i", pep3118::host_target(), {})) == "declined");
}

TEST_CASE("fast path: agrees on errors and limits it may take or decline") {
  // Other errors, limits and near-limits: whatever it answers must be the full engine's answer.
  const std::vector<std::string> formats = {
      "T{i", "T{", "}", "i}", "T{i}}", ":a:", "i:a", "i:", "2", "2<i", "<2", "i:a:b:", "T}", "T{:a:}", "x:",
      "i:f0:i", "ii:f0:", "i:f1:i", "T{i:f1:i}", "T{i:f0:}:f0:i", "i:f:ii", "4611686018427387904q",
      "4611686018427387903x4611686018427387904x", "9223372036854775807x", "9223372036854775807x9223372036854775807x",
      "9223372036854775808x", "1152921504606846976Q", "1152921504606846975Qb", "2305843009213693952d",
      "T{}:a:T{}:a:", "T{i:a:}:b:T{i:a:}:c:", "i:f00:i", "i:f1x:i"};
  fast_runner runner;
  for (const pep3118::target* tgt : pep3118::all_targets()) {
    for (const std::string& format : formats) {
      runner.run(format, *tgt, {});
      runner.run(format, *tgt, with_dims(1));
    }
  }
}

TEST_CASE("fast path: large and deep formats") {
  fast_runner runner;
  const pep3118::target& host = pep3118::host_target();
  // Small formats first, so that the scratch holds what they left when the large ones come.
  for (std::size_t index = 0; index < 200; ++index) {
    random_source random(case_seed(3122, index));
    runner.run(pep3118_test::generate_subset_format(random).text, host, {});
  }
  // Many distinct names (the duplicate-name table grows), then one repeated at the end.
  std::string many;
  for (int i = 0; i < 5000; ++i) many += "i:n" + std::to_string(i) + ":";
  CHECK(verdict_name(runner.run(many, host, {})) == "laid_out");
  runner.run(many + "d:n17:", host, {});
  CHECK(verdict_name(runner.run(many + "K", host, {})) == "failed");
  // Many unnamed fields, many pad runs, many small structs.
  CHECK(verdict_name(runner.run(pep3118_test::repeat("bi", 3000), host, {})) == "laid_out");
  CHECK(verdict_name(runner.run(pep3118_test::repeat("b3xq", 2000), host, {})) == "laid_out");
  CHECK(verdict_name(runner.run(pep3118_test::repeat("T{b:a:d:b:}", 2000), host, {})) == "laid_out");
  CHECK(verdict_name(runner.run("i", host, {})) == "laid_out");  // small again after large
  // Nesting at and around the limits.
  const auto nested = [](std::size_t depth, std::string_view body) {
    return pep3118_test::repeat("T{", depth) + std::string(body) + pep3118_test::repeat("}", depth);
  };
  CHECK(verdict_name(runner.run(nested(16, "b:a:d:b:"), host, {})) == "laid_out");
  CHECK(verdict_name(runner.run(nested(16, "bK"), host, {})) == "failed");
  for (const std::size_t depth : {std::size_t{255}, std::size_t{256}, std::size_t{257}}) {
    runner.run(nested(depth, "b:a:d:b:"), host, {});
    runner.run(nested(depth, "b:a:d:b:"), host, with_depth(depth));
    runner.run(nested(depth, "b:a:d:b:"), host, with_depth(depth - 1));
  }
  for (const std::size_t depth : {std::size_t{1024}, std::size_t{1025}}) {
    runner.run(nested(depth, "i"), host, with_depth(5000));
  }
  // And small ones again after the large.
  for (std::size_t index = 0; index < 200; ++index) {
    random_source random(case_seed(3122, index));
    runner.run(pep3118_test::generate_subset_format(random).text, host, {});
  }
}

TEST_CASE("fast path: duplicate names a large table finds late") {
  // Past 2048 names the table outgrows the first-level cache and its inserts wait in a queue of
  // 16 (fast_scan.cpp): a duplicate must decline wherever it falls against the queue, also when
  // the format ends or fails before it has landed.
  fast_runner runner;
  const pep3118::target& host = pep3118::host_target();
  constexpr int count = 5000;
  std::string many;
  for (int i = 0; i < count; ++i) many += "i:n" + std::to_string(i) + ":";
  for (const int distance : {1, 2, 15, 16, 17, 40, count}) {
    const std::string again = "d:n" + std::to_string(count - distance) + ":";
    INFO("a name repeated ", distance, " names later");
    CHECK(verdict_name(runner.run(many + again, host, {})) == "declined");
    CHECK(verdict_name(runner.run(many + again + "K", host, {})) == "declined");
    CHECK(verdict_name(runner.run("T{" + many + again + "}:s:", host, {})) == "declined");
    CHECK(verdict_name(runner.run(many + again + "i:last:", host, {})) == "declined");
  }
  CHECK(verdict_name(runner.run(many + "K", host, {})) == "failed");
  CHECK(verdict_name(runner.run(many + "i:glbvs:i:yacxa:", host, {})) == "laid_out");  // one hash, two names
  CHECK(verdict_name(runner.run("T{" + many + "}:a:T{" + many + "}:b:", host, {})) == "laid_out");
  CHECK(verdict_name(runner.run(many, host, {})) == "laid_out");
}

TEST_CASE("fast path: the duplicate-name table across its stamps' wrap") {
  // The table of names is stamped per call instead of cleared: a name left by an earlier call
  // must never count as a duplicate, also when the stamps wrap around (a call takes as many as
  // its format has bytes, and one). The stamps only rise, but when the table is cleared.
  fast_runner runner;
  const pep3118::target& host = pep3118::host_target();
  const std::string names = "i:a:i:b:T{i:a:}:c:d:count:";
  CHECK(verdict_name(runner.run(names, host, {})) == "laid_out");
  constexpr std::uint32_t last = std::numeric_limits<std::uint32_t>::max();
  for (const std::uint32_t start : {last - 60, last - 27, last - 26, last - 2, last}) {
    runner.scratch().stamped = start;
    for (int call = 0; call < 4; ++call) {
      INFO("stamps from ", start, ", call ", call);
      CHECK(verdict_name(runner.run(names, host, {})) == "laid_out");
      CHECK(verdict_name(runner.run("i:a:i:a:", host, {})) == "declined");
      CHECK(verdict_name(runner.run("T{i:a:}:a:", host, {})) == "laid_out");
    }
  }
}

TEST_CASE("fast path: two names of one hash") {
  // The table keeps each name's hash and compares the names when two hashes are equal: names
  // of one hash are two fields, and the fast path lays them out. "glbvs" and "yacxa" share the
  // FNV-1a hash 0xa1bc9a4f.
  fast_runner runner;
  const pep3118::target& host = pep3118::host_target();
  CHECK(verdict_name(runner.run("T{i:glbvs:d:yacxa:}", host, {})) == "laid_out");
  CHECK(verdict_name(runner.run("T{i:glbvs:d:yacxa:i:glbvs:}", host, {})) == "declined");
  CHECK(verdict_name(runner.run("T{i:glbvs:d:yacxa:i:yacxa:}", host, {})) == "declined");
  CHECK(verdict_name(runner.run("i:glbvs:T{i:yacxa:}:s:", host, {})) == "laid_out");
  const auto both = pep3118::check("T{i:glbvs:d:yacxa:}", host);
  REQUIRE(both.ok());
  REQUIRE(both->fields.size() == 2);
  CHECK(both->fields[0].path == "glbvs");
  CHECK(both->fields[1].path == "yacxa");
}

// ---------------------------------------------------------------------------------------------
// Generated formats
// ---------------------------------------------------------------------------------------------

TEST_CASE("fast path: generated formats of its subset, on several targets") {
  fast_runner runner;
  tally plain;
  tally other;
  std::size_t structs = 0;
  for (std::size_t index = 0; index < generated_case_count(); ++index) {
    random_source random(case_seed(3118, index));
    const subset_format f = pep3118_test::generate_subset_format(random);
    structs += f.depth > 0 ? 1 : 0;
    for (const pep3118::target* tgt : targets_for_case(index)) {
      const fast_verdict v = runner.run(f.text, *tgt, {});
      if (f.plain()) {
        plain.add(v);
        INFO("case ", index, ": format \"", show(f.text), "\" target ", tgt->name);
        REQUIRE_MESSAGE(v == fast_verdict::laid_out, "the fast path must lay out this format, it answered ",
                        verdict_name(v));
      } else {
        other.add(v);
      }
    }
  }
  MESSAGE("subset formats without what it may decline: ", plain.text());
  MESSAGE("subset formats with duplicate or f<N> names, g n N P O under = < > !, huge counts or blanks: ",
          other.text());
  // The generator must have drawn both kinds, nested structs among them.
  CHECK(plain.total() > generated_case_count());
  CHECK(other.total() > generated_case_count() / 10);
  CHECK(structs > generated_case_count() / 3);
}

TEST_CASE("fast path: generated formats of its subset, damaged") {
  fast_runner runner;
  tally damaged;
  tally planted;
  const pep3118::target_list all = pep3118::all_targets();
  for (std::size_t index = 0; index < generated_case_count(); ++index) {
    random_source random(case_seed(3119, index));
    const subset_format f = pep3118_test::generate_subset_format(random);
    const pep3118::target& other = *all.items[index % all.size];
    for (int variant = 0; variant < 3; ++variant) {
      const std::string bad = pep3118_test::damaged_anyhow(f.text, random);
      damaged.add(runner.run(bad, pep3118::host_target(), {}));
      runner.run(bad, other, {});
    }
    // An unknown code where an item may start: the fast path must report it itself.
    const std::size_t at = random.pick(f.item_starts);
    std::string bad = f.text;
    bad.insert(bad.begin() + static_cast<std::ptrdiff_t>(at), random.pick(pep3118_test::no_item_bytes));
    const fast_verdict v = runner.run(bad, other, {});
    if (f.plain()) {
      planted.add(v);
      INFO("case ", index, ": format \"", show(bad), "\" target ", other.name);
      const auto checked = pep3118::check(bad, other);
      REQUIRE(pep3118_test::error_text(checked.diagnostics()) ==
              pep3118_test::expected_text(pep3118::error_code::unknown_code, at));
      REQUIRE_MESSAGE(v == fast_verdict::failed, "the fast path must report this unknown code, it answered ",
                      verdict_name(v));
    }
  }
  MESSAGE("damaged subset formats (any byte replaced or inserted, or cut short): ", damaged.text());
  MESSAGE("subset formats with an unknown code planted where an item may start: ", planted.text());
  CHECK(planted.total() > generated_case_count() / 2);
  // Most damage leaves a format of the subset or an unknown code; the rest (a cut T{, a byte
  // that is not ASCII, a blank, a shape, ...) the full engine answers.
  CHECK(damaged.answered() * 100 >= damaged.total() * 50);
  CHECK(damaged.failed * 100 >= damaged.total() * 25);
}

TEST_CASE("fast path: generated formats behind a large duplicate-name table") {
  // Behind 2100 names the table is past its first-level-cache size and queues its inserts
  // (fast_scan.cpp): generated formats, whole, damaged and with an unknown code planted, must be
  // answered there as anywhere. The prefix is a named struct, so it adds no unnamed member.
  std::string prefix = "T{";
  for (int i = 0; i < 2100; ++i) prefix += "i:p" + std::to_string(i) + ":";
  prefix += "}:prefix_of_2100:";
  const pep3118::target& host = pep3118::host_target();
  fast_runner runner;
  tally whole;
  const std::size_t cases = std::max<std::size_t>(generated_case_count() / 20, 10);  // the full engine reads 17 KB a case
  for (std::size_t index = 0; index < cases; ++index) {
    random_source random(case_seed(3123, index));
    const subset_format f = pep3118_test::generate_subset_format(random);
    INFO("case ", index, ": format \"", show(f.text), "\" behind the prefix");
    const fast_verdict v = runner.run(prefix + f.text, host, {});
    whole.add(v);
    if (f.plain()) {
      REQUIRE_MESSAGE(v == fast_verdict::laid_out, "the fast path must lay out this format, it answered ",
                      verdict_name(v));
    }
    runner.run(prefix + pep3118_test::damaged_anyhow(f.text, random), host, {});
    const std::size_t at = random.pick(f.item_starts);
    std::string bad = f.text;
    bad.insert(bad.begin() + static_cast<std::ptrdiff_t>(at), random.pick(pep3118_test::no_item_bytes));
    const fast_verdict planted = runner.run(prefix + bad, host, {});
    if (f.plain()) {
      REQUIRE_MESSAGE(planted == fast_verdict::failed, "the fast path must report this unknown code, it answered ",
                      verdict_name(planted));
      REQUIRE(pep3118_test::error_text(pep3118::check(prefix + bad, host).diagnostics()) ==
              pep3118_test::expected_text(pep3118::error_code::unknown_code, prefix.size() + at));
    }
  }
  MESSAGE("generated formats behind 2100 names: ", whole.text());
  CHECK(whole.laid_out > cases / 2);
  CHECK(whole.declined > 0);  // duplicate names among them
}

TEST_CASE("fast path: generated formats of its subset, under other options") {
  fast_runner runner;
  tally required;
  tally other;
  const std::vector<pep3118::parse_options> variations = option_variations();
  const pep3118::target_list all = pep3118::all_targets();
  for (std::size_t index = 0; index < generated_case_count(); ++index) {
    random_source random(case_seed(3120, index));
    const subset_format f = pep3118_test::generate_subset_format(random);
    const pep3118::target& tgt = *all.items[index % all.size];
    const pep3118::parse_options& options = variations[index % variations.size()];
    const fast_verdict v = runner.run(f.text, tgt, options);
    if (must_answer(f, options)) {
      required.add(v);
      INFO("case ", index, ": format \"", show(f.text), "\" target ", tgt.name, " ", options_text(options));
      REQUIRE_MESSAGE(v == fast_verdict::laid_out, "the fast path must lay out this format, it answered ",
                      verdict_name(v));
    } else {
      other.add(v);
    }
    runner.run(pep3118_test::damaged_anyhow(f.text, random), tgt, options);
  }
  MESSAGE("subset formats within the options' limits: ", required.text());
  MESSAGE("subset formats beyond them or with what it may decline: ", other.text());
  CHECK(other.total() > generated_case_count() / 10);
}

TEST_CASE("fast path: generated formats of the whole language") {
  // Shapes, pointers, functions, complex, z, Z, whitespace, UTF-8 names: mostly declined, but
  // whatever it answers must be right.
  fast_runner runner;
  tally whole;
  const pep3118_test::vocabulary words = pep3118_test::whole_language(true);
  const pep3118::target_list all = pep3118::all_targets();
  for (std::size_t index = 0; index < generated_case_count(); ++index) {
    random_source random(case_seed(3121, index));
    const auto style = random.one_in(2) ? pep3118_test::spelling::plain : pep3118_test::spelling::respelled;
    const std::string format = pep3118_test::generate_format(words, random, style);
    const pep3118::target& tgt = *all.items[index % all.size];
    whole.add(runner.run(format, tgt, {}));
    whole.add(runner.run(pep3118_test::damaged_anyhow(format, random), tgt, {}));
    if (random.one_in(3)) {
      pep3118::parse_options options = option_variations()[random.below(option_variations().size())];
      whole.add(runner.run(format, tgt, options));
    }
  }
  MESSAGE("formats of the whole language (and damaged): ", whole.text());
  CHECK(whole.answered() > 0);
}

// ---------------------------------------------------------------------------------------------
// The corpus and every byte
// ---------------------------------------------------------------------------------------------

TEST_CASE("fast path: the corpus on every target") {
  fast_runner runner;
  tally corpus;
  std::size_t lines = 0;
  pep3118::parse_options struct_rules;
  struct_rules.rules = pep3118::rule_set::struct_;
  for (const auto& line : pep3118_test::corpus_lines()) {
    const std::string format = pep3118_test::text_of(line.object, "fmt");
    ++lines;
    for (const pep3118::target* tgt : pep3118::all_targets()) {
      corpus.add(runner.run(format, *tgt, {}));
      INFO("format \"", show(format), "\" under the struct rules");
      CHECK(verdict_name(runner.run(format, *tgt, struct_rules)) == "declined");
      runner.run(format, *tgt, strict_options());
    }
  }
  MESSAGE("corpus formats x targets under the pep3118 rules: ", corpus.text());
  CHECK(lines >= 200);
  CHECK(corpus.answered() * 100 >= corpus.total() * 60);
}

TEST_CASE("fast path: every byte in every position") {
  fast_runner runner;
  tally bytes;
  std::size_t required = 0;
  for (int value = 0; value < 256; ++value) {
    const std::string b(1, static_cast<char>(value));
    const bool no_item = value != 0 && pep3118_test::no_item_bytes.find(b[0]) != std::string_view::npos;
    // The offset of the byte, and whether an item may start there.
    struct position {
      std::string format;
      std::size_t offset;
      bool item_start;
    };
    const std::vector<position> positions = {
        {b, 0, true},           {b + "i", 0, true},          {"i" + b, 1, true},        {"T{" + b + "}", 2, true},
        {"T{i" + b + "}", 3, true}, {"T{i}" + b, 4, true},     {"<" + b + "i", 1, true},  {"i:a:" + b, 4, true},
        {"i:" + b + ":", 2, false}, {"T{i:" + b + ":}", 4, false}, {"i:a" + b + "b:", 3, false},
        {"2" + b, 1, false},    {"2" + b + "i", 1, false},   {"T" + b, 1, false},       {"T{}:" + b + ":", 4, false},
        {"i:" + b, 2, false}};
    for (const position& p : positions) {
      for (const pep3118::target* tgt : {&pep3118::host_target(), &named_target("s390x-linux-gnu")}) {
        const fast_verdict v = runner.run(p.format, *tgt, {});
        bytes.add(v);
        if (no_item && p.item_start) {
          ++required;
          INFO("format \"", show(p.format), "\" target ", tgt->name);
          CHECK(verdict_name(v) == "failed");
          CHECK(pep3118_test::error_text(pep3118::check(p.format, *tgt).diagnostics()) ==
                pep3118_test::expected_text(pep3118::error_code::unknown_code, p.offset));
        }
      }
    }
  }
  MESSAGE("every byte in 16 positions: ", bytes.text());
  CHECK(required == pep3118_test::no_item_bytes.size() * 8 * 2);
}

TEST_CASE("fast path: every format of one or two bytes") {
  // A lone code after at most one mark is laid out without the scan's loop (scan_lone_code):
  // every format of that length on the host and on an `odd` target, whose codes have sizes
  // their alignment does not divide (the shortcut leaves those to the loop: padding after the
  // item, no unwrapping), and every mark or none before every byte on the other targets. One
  // runner for all of them, so that what a long answer leaves behind must not show in a lone
  // code's.
  pep3118::target odd = pep3118::host_target();
  odd.name = "odd";
  for (pep3118::c_type& t : odd.native) {
    t = {3, 2};
  }
  std::vector<const pep3118::target*> targets(pep3118::all_targets().begin(), pep3118::all_targets().end());
  targets.push_back(&odd);
  const auto is_mark = [](int byte) {
    return std::string_view("@=<>!^").find(static_cast<char>(byte)) != std::string_view::npos;
  };
  fast_runner runner;
  tally formats;
  std::size_t lone_codes = 0;
  for (const pep3118::target* tgt : targets) {
    const bool every_first = tgt == &pep3118::host_target() || tgt == &odd;
    // A checker answers a long format before each one: a lone code's answer must show nothing
    // of the fields, paddings and paths that leave behind.
    pep3118::checker reused(*tgt);
    for (int first = -1; first < 256; ++first) {
      if (first >= 0 && !every_first && !is_mark(first)) {
        continue;
      }
      for (int second = 0; second < 256; ++second) {
        std::string format(1, static_cast<char>(second));
        if (first >= 0) {
          format.insert(format.begin(), static_cast<char>(first));
        }
        const fast_verdict v = runner.run(format, *tgt, {});
        formats.add(v);
        // A code that is a field, after nothing or a mark, with no warning: the fast path's to answer.
        const bool after_mark = first < 0 || is_mark(first);
        const auto checked = pep3118::check(format, *tgt);
        {
          INFO("format \"", show(format), "\" target ", tgt->name, ": a checker against check()");
          REQUIRE(reused.check("T{b:a:}:s:xi:c:").ok());
          const auto& answer = reused.check(format);
          CHECK(diagnostics_text(answer.diagnostics()) == diagnostics_text(checked.diagnostics()));
          if (answer.ok() && checked.ok()) {
            check_same_layout(checked.value(), answer.value());
          }
        }
        if (after_mark && second != 't' && checked.ok() && checked.diagnostics().empty() &&
            checked->fields.size() == 1) {
          ++lone_codes;
          INFO("lone code \"", show(format), "\" target ", tgt->name);
          CHECK(verdict_name(v) == "laid_out");
        }
      }
    }
  }
  MESSAGE("formats of one or two bytes on ", targets.size(), " targets: ", formats.text(), "; ", lone_codes,
          " lone codes");
  CHECK(lone_codes >= targets.size() * 7 * 20);
}
