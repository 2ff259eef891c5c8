// CPython's struct module language (3.11-3.13) as PEGTL rule types, for `--rules struct`.
//
// One optional leading mark decides the mode for the whole string; standard modes have no
// n, N, P. Whitespace may separate items but never a count from its code. Everything the
// pep3118 language adds is rejected with its own detector, so the message says why.
#ifndef PEP3118_GRAMMAR_STRUCT_GRAMMAR_HPP
#define PEP3118_GRAMMAR_STRUCT_GRAMMAR_HPP

#include "grammar.hpp"

namespace pep3118::grammar::struct_module {

struct native_mark : pg::one<'@'> {};
struct standard_mark : pg::one<'=', '<', '>', '!'> {};
struct standard_code : pg::one<'x', 'c', 'b', 'B', '?', 'h', 'H', 'i', 'I', 'l', 'L', 'q', 'Q', 'e', 'f', 'd', 's', 'p'> {};
struct native_only_code : pg::one<'n', 'N', 'P'> {};
struct native_code : pg::sor<standard_code, native_only_code> {};

struct mark_not_first : pg::at<pg::one<'@', '=', '<', '>', '!'>> {};
struct native_only : pg::at<native_only_code> {};
struct not_in_struct : pg::at<pg::one<'^', 'T', '{', '}', '(', ')', ',', ':', '&', 'X', 'Z', 'z', 'g', 'O', 'u', 'w', 't', 'F', 'D', 'G'>> {};
struct space_after_count : pg::at<ws> {};
struct missing_code : pg::eof {};
struct char_error : pg::sor<nul_byte, mark_not_first, native_only, not_in_struct, unknown_code> {};
struct count_error : pg::sor<missing_code, space_after_count, char_error> {};

struct standard_item : pg::sor<pg::seq<count, pg::sor<standard_code, count_error>>, standard_code> {};
struct native_item : pg::sor<pg::seq<count, pg::sor<native_code, count_error>>, native_code> {};
struct format_end : pg::sor<pg::eof, char_error> {};
struct standard_format : pg::seq<standard_mark, pg::star<pg::sor<ws, standard_item>>, format_end> {};
struct native_format : pg::seq<pg::opt<native_mark>, pg::star<pg::sor<ws, native_item>>, format_end> {};
struct format : pg::sor<standard_format, native_format> {};

}  // namespace pep3118::grammar::struct_module

#endif
