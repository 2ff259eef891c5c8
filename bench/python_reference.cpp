#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "python_reference.hpp"

#include <cstdio>
#include <cstdlib>

namespace pep3118::bench {

python_interpreter::python_interpreter() { Py_Initialize(); }

python_interpreter::~python_interpreter() { (void)Py_FinalizeEx(); }

python_function::python_function(const char* module, const char* name) {
  PyObject* imported = PyImport_ImportModule(module);
  function_ = imported == nullptr ? nullptr : PyObject_GetAttrString(imported, name);
  Py_XDECREF(imported);
  if (function_ == nullptr) {
    PyErr_Print();
    std::fprintf(stderr, "pep3118_bench: cannot import %s.%s\n", module, name);
    std::exit(1);
  }
}

python_function::~python_function() { Py_XDECREF(function_); }

PyObject* python_function::invoke(std::string_view format) const {
  PyObject* text = PyUnicode_FromStringAndSize(format.data(), static_cast<Py_ssize_t>(format.size()));
  if (text == nullptr) {
    return nullptr;
  }
  PyObject* result = PyObject_CallOneArg(function_, text);
  Py_DECREF(text);
  return result;
}

bool python_function::call(std::string_view format) const {
  PyObject* result = invoke(format);
  if (result == nullptr) {
    PyErr_Clear();
    return false;
  }
  Py_DECREF(result);
  return true;
}

std::optional<std::int64_t> python_function::call_and_read(std::string_view format, const char* attribute) const {
  PyObject* result = invoke(format);
  if (result == nullptr) {
    PyErr_Clear();
    return std::nullopt;
  }
  PyObject* value = PyObject_GetAttrString(result, attribute);
  Py_DECREF(result);
  if (value == nullptr) {
    PyErr_Print();
    std::fprintf(stderr, "pep3118_bench: the result has no attribute %s\n", attribute);
    std::exit(1);
  }
  const long long number = PyLong_AsLongLong(value);
  Py_DECREF(value);
  return number;
}

}  // namespace pep3118::bench
