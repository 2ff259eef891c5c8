// The whole public C++17 API of pep3118.
#ifndef PEP3118_PEP3118_HPP
#define PEP3118_PEP3118_HPP

#include "buffer.hpp"
#include "cache.hpp"
#include "checker.hpp"
#include "compare.hpp"
#include "describe.hpp"
#include "descriptor.hpp"
#include "diagnostic.hpp"
#include "emit.hpp"
#include "layout.hpp"
#include "parse.hpp"
#include "portability.hpp"
#include "print.hpp"
#include "result.hpp"
#include "target.hpp"
#include "type_code.hpp"

#endif
