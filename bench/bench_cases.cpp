#include "bench_cases.hpp"

#include <string_view>
#include <utility>

namespace pep3118::bench {
namespace {

bench_case valid_case(std::string id, std::string format, std::string flat_format, std::string struct_format,
                      std::int64_t itemsize) {
  bench_case c;
  c.id = std::move(id);
  c.format = std::move(format);
  c.flat_format = std::move(flat_format);
  c.struct_format = std::move(struct_format);
  c.numpy_row = true;
  c.itemsize = itemsize;
  return c;
}

// 200 named fields cycling through the common codes: a wide record such as a table row,
// about 1.4 KB. The widest alignment among the codes is 8, hence struct's trailing `0q`.
bench_case struct200_case() {
  constexpr std::string_view codes = "bhiqfdBHIQ";
  std::string body;
  std::string struct_format;
  for (int k = 0; k < 200; ++k) {
    const char code = codes[static_cast<std::size_t>(k) % codes.size()];
    const std::string number = std::to_string(k);
    body += code;
    body += ":m" + std::string(3 - number.size(), '0') + number + ":";
    struct_format += code;
  }
  // Each cycle of 10 codes is 1+2+4+8+4+8+1+2+4+8 plus 6 bytes of alignment padding: 48.
  return valid_case("struct200", "T{" + body + "}", body, struct_format + "0q", 20 * 48);
}

// Unnamed `i` runs, or `i:mN:` runs, filled up to `bytes` without cutting a field.
std::string flat_run(std::size_t bytes, bool named) {
  std::string format;
  for (std::size_t k = 0;; ++k) {
    const std::string field = named ? "i:m" + std::to_string(k) + ":" : "i";
    if (format.size() + field.size() > bytes) {
      return format;
    }
    format += field;
  }
}

bench_case flat_growth_case(std::size_t bytes, bool named) {
  bench_case c;
  c.id = std::string(named ? "named/" : "unnamed/") + std::to_string(bytes);
  c.format = flat_run(bytes, named);
  c.flat_format = c.format;
  c.itemsize = 0;
  for (const char byte : c.format) {
    c.itemsize += byte == 'i' ? 4 : 0;  // names are m0, m1, ...: only the codes are `i`
  }
  return c;
}

bench_case nesting_case(std::size_t depth) {
  bench_case c;
  c.id = "depth/" + std::to_string(depth);
  for (std::size_t level = 0; level < depth; ++level) {
    c.format += "T{";
  }
  c.format += 'i';
  c.format.append(depth, '}');
  c.itemsize = 4;
  // Deeper than the default limit needs the limit raised, up to its ceiling.
  if (depth > c.options.max_depth) {
    c.options.max_depth = depth;
  }
  return c;
}

}  // namespace

std::vector<bench_case> fixed_cases() {
  std::vector<bench_case> cases;
  cases.push_back(valid_case("scalar", "<i", "<i", "<i", 4));
  cases.push_back(valid_case("struct3", "T{i:a:d:b:h:c:}", "i:a:d:b:h:c:", "idh0d", 24));
  cases.push_back(valid_case("struct5", "T{b:flag:i:count:d:ratio:h:kind:q:total:}",
                             "b:flag:i:count:d:ratio:h:kind:q:total:", "bidhq", 32));
  cases.push_back(valid_case("nested3", "T{i:a:T{d:b:T{h:c:q:d:}:inner:}:middle:}", "i:a:d:b:h:c:q:d:", "idhq", 32));
  cases.push_back(struct200_case());

  // 31 bytes of named fields; the fifth item's code `K` (byte 20) is no code. struct cannot
  // read names, so its row fails at the same item of the flat spelling.
  bench_case failing;
  failing.id = "fail20";
  failing.format = "i:ab:d:cd:h:ef:q:gh:Ki:kl:d:mn:";
  failing.flat_format = failing.format;
  failing.struct_format = "idhqKid";
  failing.numpy_row = true;
  failing.valid = false;
  failing.error_offset = 20;
  cases.push_back(failing);
  return cases;
}

std::vector<bench_case> growth_cases() {
  std::vector<bench_case> cases;
  for (const bool named : {true, false}) {
    for (std::size_t bytes = 1024; bytes <= 1024 * 1024; bytes *= 4) {
      cases.push_back(flat_growth_case(bytes, named));
    }
  }
  for (const std::size_t depth : {std::size_t{1}, std::size_t{4}, std::size_t{16}, std::size_t{64}, std::size_t{256},
                                   max_depth_limit}) {
    cases.push_back(nesting_case(depth));
  }
  return cases;
}

}  // namespace pep3118::bench
