// Running the pep3118 command line as a user runs it (the real binary, argv, stdin) and reading
// what it prints, and the other programs tests run (cc, python): shared by the tests.
#ifndef PEP3118_TESTS_CLI_RUNNER_HPP
#define PEP3118_TESTS_CLI_RUNNER_HPP

#include <doctest/doctest.h>

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
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

// How a program runs besides its argv and stdin: its environment, and which of its output
// streams are a terminal (as when a person runs it) rather than a file (as in a pipe).
struct run_setting {
  // Each variable set to its value, or removed when there is none; the rest inherited.
  std::vector<std::pair<std::string, std::optional<std::string>>> environment;
  bool stdout_is_terminal = false;
  bool stderr_is_terminal = false;
};

// A pseudo-terminal for one output stream: the program writes to its slave side, the test
// reads the master. Output processing is off, so "\n" arrives as written (not "\r\n").
class pseudo_terminal {
 public:
  pseudo_terminal() {
    master_ = posix_openpt(O_RDWR | O_NOCTTY);
    REQUIRE(master_ >= 0);
    REQUIRE(grantpt(master_) == 0);
    REQUIRE(unlockpt(master_) == 0);
    slave_ = open(ptsname(master_), O_RDWR | O_NOCTTY);
    REQUIRE(slave_ >= 0);
    termios settings{};
    REQUIRE(tcgetattr(slave_, &settings) == 0);
    settings.c_oflag &= ~static_cast<tcflag_t>(OPOST);
    REQUIRE(tcsetattr(slave_, TCSANOW, &settings) == 0);
  }
  pseudo_terminal(const pseudo_terminal&) = delete;
  pseudo_terminal& operator=(const pseudo_terminal&) = delete;
  ~pseudo_terminal() {
    close_slave();
    close(master_);
  }

  int slave() const { return slave_; }
  // Once the program has it: then the master reads end of file when the program is done.
  void close_slave() {
    if (slave_ >= 0) close(slave_);
    slave_ = -1;
  }
  // What the program wrote since the last read, waiting up to `milliseconds` for some; false
  // when the program has closed the terminal and all it wrote has been read.
  bool read_into(std::string& text, int milliseconds) {
    pollfd ready{master_, POLLIN, 0};
    if (poll(&ready, 1, milliseconds) <= 0) return true;
    char chunk[4096];
    const ssize_t got = read(master_, chunk, sizeof chunk);
    if (got <= 0) return false;  // EIO: every slave side closed
    text.append(chunk, static_cast<std::size_t>(got));
    return true;
  }

 private:
  int master_ = -1;
  int slave_ = -1;
};

// `environ` with the setting's changes.
inline std::vector<std::string> environment_with(const run_setting& setting) {
  std::vector<std::string> variables;
  for (char** variable = environ; *variable != nullptr; ++variable) {
    const std::string_view entry = *variable;
    const std::string_view name = entry.substr(0, entry.find('='));
    bool changed = false;
    for (const auto& change : setting.environment) changed = changed || change.first == name;
    if (!changed) variables.emplace_back(entry);
  }
  for (const auto& [name, value] : setting.environment) {
    if (value) variables.push_back(name + "=" + *value);
  }
  return variables;
}

// NULL-terminated pointers to the strings, for exec.
inline std::vector<char*> c_strings(std::vector<std::string>& strings) {
  std::vector<char*> pointers;
  for (std::string& text : strings) pointers.push_back(text.data());
  pointers.push_back(nullptr);
  return pointers;
}

// Runs `argv` (argv[0] a path, or a name found on PATH) with `input` on stdin. Files rather
// than pipes carry the streams, so no output size can deadlock the run; a stream the setting
// puts on a terminal is read while the program runs.
inline program_run run_program(const std::vector<std::string>& argv, std::string_view input = {},
                               const run_setting& setting = {}) {
  temp_file in = make_temp_file();
  temp_file out = make_temp_file();
  temp_file err = make_temp_file();
  REQUIRE((in && out && err));
  if (!input.empty()) std::fwrite(input.data(), 1, input.size(), in.get());
  std::fflush(in.get());
  std::rewind(in.get());
  std::optional<pseudo_terminal> out_terminal;
  std::optional<pseudo_terminal> err_terminal;
  if (setting.stdout_is_terminal) out_terminal.emplace();
  if (setting.stderr_is_terminal) err_terminal.emplace();

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fileno(in.get()), STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, out_terminal ? out_terminal->slave() : fileno(out.get()),
                                   STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err_terminal ? err_terminal->slave() : fileno(err.get()),
                                   STDERR_FILENO);
  std::vector<std::string> arguments = argv;
  std::vector<std::string> variables = environment_with(setting);
  std::vector<char*> argument_pointers = c_strings(arguments);
  std::vector<char*> variable_pointers = c_strings(variables);
  pid_t child = 0;
  const int spawned = posix_spawnp(&child, argument_pointers[0], &actions, nullptr, argument_pointers.data(),
                                   variable_pointers.data());
  posix_spawn_file_actions_destroy(&actions);
  program_run run;
  if (spawned != 0) return run;
  run.started = true;
  for (std::optional<pseudo_terminal>* terminal : {&out_terminal, &err_terminal}) {
    if (*terminal) (*terminal)->close_slave();
  }
  // Read the terminals until the program has closed them (it has exited), so that it never
  // waits on a full one.
  for (bool open = true; open;) {
    open = false;
    if (out_terminal) open = out_terminal->read_into(run.out, 50) || open;
    if (err_terminal) open = err_terminal->read_into(run.err, 50) || open;
  }
  int wait_status = 0;
  REQUIRE(waitpid(child, &wait_status, 0) == child);
  run.status = WIFEXITED(wait_status) ? WEXITSTATUS(wait_status) : -1;
  if (!out_terminal) run.out = contents(out.get());
  if (!err_terminal) run.err = contents(err.get());
  return run;
}

// Runs `pep3118 args...` (the binary under test) with `input` on stdin.
inline cli_run run_cli(const std::vector<std::string>& args, std::string_view input = {},
                       const run_setting& setting = {}) {
  std::vector<std::string> argv{PEP3118_CLI_PATH};
  argv.insert(argv.end(), args.begin(), args.end());
  cli_run run = run_program(argv, input, setting);
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
