#include "input.hpp"

#ifdef _WIN32
#include <fcntl.h>
#include <io.h>
#endif

namespace pep3118::cli {

namespace {

std::string_view without_carriage_return(std::string_view line) {
  if (line.ends_with('\r')) line.remove_suffix(1);
  return line;
}

void for_each_line(std::FILE* in, const std::function<void(std::string_view, format_origin)>& use) {
#ifdef _WIN32
  // Formats are byte strings: no newline translation.
  _setmode(_fileno(in), _O_BINARY);
#endif
  std::string line;
  std::size_t line_number = 0;
  int byte = 0;
  // getc, not fread: fread waits for a full buffer, getc returns what a pipe has.
  while ((byte = std::getc(in)) != EOF) {
    if (byte == '\n') {
      use(without_carriage_return(line), {++line_number});
      line.clear();
    } else {
      line += static_cast<char>(byte);
    }
  }
  if (!line.empty()) use(without_carriage_return(line), {++line_number});
}

}  // namespace

void for_each_format(const std::vector<std::string>& format_args, std::FILE* in,
                     const std::function<void(std::string_view format, format_origin origin)>& use) {
  for (const std::string& arg : format_args) {
    if (arg == "-") {
      for_each_line(in, use);
    } else {
      use(arg, {});
    }
  }
}

}  // namespace pep3118::cli
