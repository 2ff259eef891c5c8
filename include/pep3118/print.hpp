// Printing a descriptor back as format text.
#ifndef PEP3118_PRINT_HPP
#define PEP3118_PRINT_HPP

#include <string>

#include "descriptor.hpp"

namespace pep3118 {

// One spelling per descriptor: byte-order marks only where the mark in force changes
// (starting from '@'), '!' as '>', F/D/G as Zf/Zd/Zg, shapes as (2,3), counts and names as
// written, and no whitespace but the one space a bare z or Z needs before a following item
// (`Z i` must not become `Zi`).
std::string canonical(const descriptor& desc);
// The canonical text of one item's type (shape, count, body; no name) read as if it stood
// alone, starting from '@': a pointer's target ("points_to").
std::string canonical(const descriptor& desc, const node& item);
// The same for the body only, without shape and count: a function pointer's type.
std::string canonical_body(const descriptor& desc, const node& item);

}  // namespace pep3118

#endif
