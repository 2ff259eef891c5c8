#include "help.hpp"

#include <algorithm>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "option_table.hpp"

// The project's version, from CMake (project(pep3118 VERSION ...)).
#ifndef PEP3118_VERSION
#error "PEP3118_VERSION must be defined: target_compile_definitions(pep3118_cli PRIVATE PEP3118_VERSION=...)"
#endif

namespace pep3118::cli {

namespace {

// Help is wrapped to fit a terminal of 80 columns.
constexpr std::size_t line_width = 80;

// `text` cut into lines of at most `width` columns at spaces (a longer word has a line of its
// own).
std::vector<std::string> wrapped(std::string_view text, std::size_t width) {
  std::vector<std::string> lines{""};
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = std::min(text.find(' ', start), text.size());
    std::string_view word = text.substr(start, end - start);
    if (!lines.back().empty() && lines.back().size() + 1 + word.size() > width) lines.emplace_back();
    if (!lines.back().empty()) lines.back() += ' ';
    lines.back() += word;
    start = end + 1;
  }
  return lines;
}

std::string paragraph(std::string_view text) {
  std::string shown;
  for (const std::string& line : wrapped(text, line_width)) shown += line + '\n';
  return shown;
}

// Two columns, the terms indented by 2 and the definitions lined up and wrapped beside them.
std::string definition_list(const std::vector<std::pair<std::string, std::string>>& rows) {
  std::size_t term_width = 0;
  for (const auto& [term, definition] : rows) term_width = std::max(term_width, term.size());
  const std::size_t indent = 2 + term_width + 2;
  std::string list;
  for (const auto& [term, definition] : rows) {
    std::vector<std::string> lines = wrapped(definition, line_width - indent);
    list += fmt::format("  {:<{}}  {}\n", term, term_width, lines.front());
    for (std::size_t i = 1; i < lines.size(); ++i) list += fmt::format("{:{}}{}\n", "", indent, lines[i]);
  }
  return list;
}

// `--target NAME`, `-q, --quiet`.
std::string option_term(const option_info& option) {
  std::string term = option.short_name.empty() ? "" : fmt::format("{}, ", option.short_name);
  term += option.name;
  if (!option.value_name.empty()) term += fmt::format(" {}", option.value_name);
  return term;
}

// For the overview: "" when every command takes the option, else who does, `(compare only)`,
// or who does not when that is shorter, `(not canon)`.
std::string commands_note(const command_set& commands) {
  std::vector<std::string_view> taking;
  std::vector<std::string_view> refusing;
  for (const command_info& info : command_table) {
    (commands.contains(info.what) ? taking : refusing).push_back(info.name);
  }
  if (refusing.empty()) return "";
  if (taking.size() <= refusing.size()) return fmt::format(" ({} only)", fmt::join(taking, ", "));
  return fmt::format(" (not {})", fmt::join(refusing, ", "));
}

constexpr std::pair<std::string_view, std::string_view> help_option{"-h, --help", "show this help"};
constexpr std::pair<std::string_view, std::string_view> end_of_options{
    "--", "the arguments after it are not options (a FORMAT may start with -)"};
constexpr std::string_view reads_stdin = "A FORMAT of - reads one format per line from stdin";

std::string overview() {
  std::vector<std::pair<std::string, std::string>> commands;
  std::vector<std::string_view> reading_stdin;
  for (const command_info& info : command_table) {
    commands.emplace_back(fmt::format("{} {}", info.name, info.operands), std::string(info.summary));
    if (info.reads_stdin) reading_stdin.push_back(info.name);
  }
  std::vector<std::pair<std::string, std::string>> options;
  for (const option_info& option : option_table()) {
    options.emplace_back(option_term(option), std::string(option.help) + commands_note(option.commands));
  }
  options.emplace_back(help_option.first, fmt::format("{} (of a COMMAND: its own)", help_option.second));
  options.emplace_back("-V, --version", "show the version");
  options.emplace_back(end_of_options);
  return fmt::format(
      "usage: pep3118 COMMAND [options] FORMAT...\n"
      "       pep3118 help [COMMAND]  (or pep3118 COMMAND --help)\n\n"
      "Reads Python buffer format strings (PEP 3118) and shows their layout.\n"
      "{}\n"
      "commands:\n{}\n"
      "options (pep3118 COMMAND --help lists those of COMMAND):\n{}\n"
      "exit status: 0 every format valid (compare: compatible at --level), 1 some format\n"
      "invalid (compare: or less compatible than --level), 2 usage error\n",
      paragraph(fmt::format("{} ({}).", reads_stdin, fmt::join(reading_stdin, ", "))), definition_list(commands),
      definition_list(options));
}

std::string command_help(const command_info& info) {
  std::string text = fmt::format("usage: pep3118 {} [options]{}{}\n\n", info.name,
                                 info.operands.empty() ? "" : " ", info.operands);
  text += paragraph(info.reads_stdin ? fmt::format("{} {}.", info.description, reads_stdin)
                                     : std::string(info.description));

  std::vector<std::pair<std::string, std::string>> options;
  for (const option_info& option : option_table()) {
    if (option.commands.contains(info.what)) options.emplace_back(option_term(option), option.help);
  }
  options.emplace_back(help_option);
  if (!info.operands.empty()) options.emplace_back(end_of_options);
  text += "\noptions:\n" + definition_list(options);

  std::vector<std::pair<std::string, std::string>> statuses{{"0", std::string(info.exit_ok)}};
  if (!info.exit_failed.empty()) statuses.emplace_back("1", info.exit_failed);
  statuses.emplace_back("2", "usage error");
  text += "\nexit status:\n" + definition_list(statuses);

  text += "\nexamples:\n";
  for (std::string_view example : info.examples) text += fmt::format("  {}\n", example);
  return text;
}

}  // namespace

std::string help_text(std::optional<command> about) {
  return about ? command_help(info_of(*about)) : overview();
}

std::string help_command_line(std::optional<command> about) {
  return about ? fmt::format("pep3118 {} --help", info_of(*about).name) : "pep3118 --help";
}

std::string version_text() {
  std::vector<std::string_view> rules;
  for (rule_set one : rule_sets) rules.push_back(rule_set_name(one));
  return fmt::format("pep3118 {}\nrule sets: {}\n", PEP3118_VERSION, fmt::join(rules, ", "));
}

}  // namespace pep3118::cli
