// Running the pep3118 command line as a user runs it (the real binary, argv, stdin) and reading
// what it prints, and the other programs tests run (cc, python): shared by the tests.
#ifndef PEP3118_TESTS_CLI_RUNNER_HPP
#define PEP3118_TESTS_CLI_RUNNER_HPP

#include <doctest/doctest.h>

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

extern char** environ;

namespace pep3118_test {

struct program_run {
  bool started = false;  // false when the program could not be run at all
  int status = -1;       // the exit status; -1 when it did not exit normally
  std::string out;
  std::string err;
};
using cli_run = program_run;

using temp_file = std::unique_ptr<std::FILE, int (*)(std::FILE*)>;

inline temp_file make_temp_file() { return {std::tmpfile(), &std::fclose}; }

inline std::string contents(std::FILE* file) {
  std::rewind(file);
  std::string text;
  char chunk[4096];
  std::size_t got = 0;
  while ((got = std::fread(chunk, 1, sizeof chunk, file)) > 0) text.append(chunk, got);
  return text;
}

// Runs `argv` (argv[0] a path, or a name found on PATH) with `input` on stdin. Files rather
// than pipes carry the streams, so no output size can deadlock the run.
inline program_run run_program(const std::vector<std::string>& argv, std::string_view input = {}) {
  temp_file in = make_temp_file();
  temp_file out = make_temp_file();
  temp_file err = make_temp_file();
  REQUIRE((in && out && err));
  if (!input.empty()) std::fwrite(input.data(), 1, input.size(), in.get());
  std::fflush(in.get());
  std::rewind(in.get());

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fileno(in.get()), STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, fileno(out.get()), STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, fileno(err.get()), STDERR_FILENO);
  std::vector<std::string> copies = argv;
  std::vector<char*> pointers;
  for (std::string& arg : copies) pointers.push_back(arg.data());
  pointers.push_back(nullptr);
  pid_t child = 0;
  const int spawned = posix_spawnp(&child, pointers[0], &actions, nullptr, pointers.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  program_run run;
  if (spawned != 0) return run;
  run.started = true;
  int wait_status = 0;
  REQUIRE(waitpid(child, &wait_status, 0) == child);
  run.status = WIFEXITED(wait_status) ? WEXITSTATUS(wait_status) : -1;
  run.out = contents(out.get());
  run.err = contents(err.get());
  return run;
}

// Runs `pep3118 args...` (the binary under test) with `input` on stdin.
inline cli_run run_cli(const std::vector<std::string>& args, std::string_view input = {}) {
  std::vector<std::string> argv{PEP3118_CLI_PATH};
  argv.insert(argv.end(), args.begin(), args.end());
  cli_run run = run_program(argv, input);
  REQUIRE_MESSAGE(run.started, "cannot run " << PEP3118_CLI_PATH);
  return run;
}

inline std::vector<std::string> lines_of(std::string_view text) {
  std::vector<std::string> lines;
  while (!text.empty()) {
    std::size_t newline = text.find('\n');
    REQUIRE_MESSAGE(newline != std::string_view::npos, "output does not end in a newline");
    lines.emplace_back(text.substr(0, newline));
    text.remove_prefix(newline + 1);
  }
  return lines;
}

// A strict JSON reader that only says whether the text is one JSON value (RFC 8259): enough to
// know a line of output can be read by any JSON parser.
class json_checker {
 public:
  static bool is_json(std::string_view text) {
    json_checker checker{text};
    return checker.value() && checker.at_ == text.size();
  }

 private:
  explicit json_checker(std::string_view text) : text_(text) {}

  bool value() {
    if (at_ >= text_.size()) return false;
    switch (text_[at_]) {
      case '{': return container('}', true);
      case '[': return container(']', false);
      case '"': return string();
      case 't': return literal("true");
      case 'f': return literal("false");
      case 'n': return literal("null");
      default: return number();
    }
  }

  bool container(char close, bool is_object) {
    ++at_;
    if (take(close)) return true;
    do {
      if (is_object && !(string() && take(':'))) return false;
      if (!value()) return false;
    } while (take(','));
    return take(close);
  }

  bool string() {
    if (!take('"')) return false;
    while (at_ < text_.size()) {
      auto byte = static_cast<unsigned char>(text_[at_++]);
      if (byte == '"') return true;
      if (byte < 0x20) return false;
      if (byte != '\\') continue;
      if (at_ >= text_.size()) return false;
      char escape = text_[at_++];
      if (escape == 'u') {
        for (int i = 0; i < 4; ++i) {
          if (at_ >= text_.size() || !std::isxdigit(static_cast<unsigned char>(text_[at_++])))
            return false;
        }
      } else if (std::string_view("\"\\/bfnrt").find(escape) == std::string_view::npos) {
        return false;
      }
    }
    return false;
  }

  bool number() {
    std::size_t start = at_;
    take('-');
    std::size_t digits = at_;
    while (at_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[at_]))) ++at_;
    return at_ > digits && at_ > start;
  }

  bool literal(std::string_view word) {
    if (text_.substr(at_, word.size()) != word) return false;
    at_ += word.size();
    return true;
  }

  bool take(char expected) {
    if (at_ >= text_.size() || text_[at_] != expected) return false;
    ++at_;
    return true;
  }

  std::string_view text_;
  std::size_t at_ = 0;
};

// A usage error: status 2, nothing on stdout, the message line and the hint line on stderr.
inline void check_usage_error(const cli_run& run) {
  CHECK(run.status == 2);
  CHECK(run.out.empty());
  std::vector<std::string> lines = lines_of(run.err);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].starts_with("pep3118: "));
  CHECK(lines[1].find("--help") != std::string::npos);
}

}  // namespace pep3118_test

#endif
