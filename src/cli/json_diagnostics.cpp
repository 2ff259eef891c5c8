#include "json_diagnostics.hpp"

#include "names.hpp"

namespace pep3118::cli {

void write_diagnostics(json_writer& json, const std::vector<diagnostic>& diagnostics) {
  json.begin_array();
  for (const diagnostic& diag : diagnostics) {
    json.begin_object();
    json.key("severity");
    json.string(severity_name(diag.level));
    json.key("code");
    json.string(diag.name());
    json.key("offset");
    json.number(static_cast<std::int64_t>(diag.offset));
    json.key("message");
    json.string(diag.message());
    json.end_object();
  }
  json.end_array();
}

}  // namespace pep3118::cli
