// Checks two formats with the installed library and prints what it found; the test compares
// the output. Exit status 1 when the library does not answer as expected.
#include <cstdio>

#include <pep3118/pep3118.hpp>

int main() {
  const auto good = pep3118::check("T{i:id:d:value:}", *pep3118::find_target("x86_64-linux-gnu"));
  const auto bad = pep3118::check("T{i:id:", pep3118::host_target());
  if (!good || bad || bad.diagnostics().empty()) {
    return 1;
  }
  std::printf("itemsize %lld, value at %lld; error %s at %zu\n", static_cast<long long>(good->itemsize),
              static_cast<long long>(good->fields[1].offset), bad.diagnostics()[0].name().data(),
              bad.diagnostics()[0].offset);
  return 0;
}
