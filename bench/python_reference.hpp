// The reference parsers, CPython's struct.Struct and NumPy's _dtype_from_pep3118, called
// through an embedded interpreter the way an extension module would call them.
#ifndef PEP3118_BENCH_PYTHON_REFERENCE_HPP
#define PEP3118_BENCH_PYTHON_REFERENCE_HPP

#include <cstdint>
#include <optional>
#include <string_view>

// As Python.h declares it, so that this header need not include Python.h.
typedef struct _object PyObject;

namespace pep3118::bench {

// The interpreter, initialized once for the whole run; the main thread keeps the GIL.
class python_interpreter {
 public:
  python_interpreter();
  ~python_interpreter();
  python_interpreter(const python_interpreter&) = delete;
  python_interpreter& operator=(const python_interpreter&) = delete;
};

// A Python callable taking a format string.
class python_function {
 public:
  // Imports module.name; exits the program when it cannot.
  python_function(const char* module, const char* name);
  ~python_function();
  python_function(const python_function&) = delete;
  python_function& operator=(const python_function&) = delete;

  // One call as an extension pays it: a str from the bytes, the call, releasing the result
  // (or clearing the exception). False when the call raised.
  bool call(std::string_view format) const;
  // The call's result's integer attribute (struct's `size`, a dtype's `itemsize`), nullopt
  // when the call raised. For checking the cases, not for timing.
  std::optional<std::int64_t> call_and_read(std::string_view format, const char* attribute) const;

 private:
  PyObject* invoke(std::string_view format) const;  // a new reference, or null with the error set
  PyObject* function_;
};

// struct.Struct, whose construction CPython does not cache (only the module-level functions
// such as struct.calcsize go through struct's cache), and NumPy's private parser.
struct python_references {
  python_function struct_new{"struct", "Struct"};
  python_function numpy_parse{"numpy.core._internal", "_dtype_from_pep3118"};
};

}  // namespace pep3118::bench

#endif
