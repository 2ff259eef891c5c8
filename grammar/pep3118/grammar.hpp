// The PEP 3118 format language (DESIGN §2) as PEGTL rule types, without semantics.
//
// Every rule is a type, one per line. Error points are small named rules, "detectors": a
// detector matches exactly where its error is, and the control (src/control.hpp) turns that
// match into a diagnostic and stops the parse. Which code each detector reports is in
// error_points.hpp, the messages are in src/diagnostic.cpp. grammar/pep3118.peg is the same
// grammar in PEG notation (a test keeps the two in step); detectors appear there as ^name.
//
// The grammar never backtracks over a rule that carries an action: once the first character
// of a construct is seen the construct is committed, and anything wrong after that point is
// a detector's match. So actions fire exactly once, in source order.
#ifndef PEP3118_GRAMMAR_GRAMMAR_HPP
#define PEP3118_GRAMMAR_GRAMMAR_HPP

#include <tao/pegtl.hpp>

namespace pep3118::grammar {

namespace pg = tao::pegtl;

// Tokens

struct ws : pg::one<' ', '\t', '\n', '\r', '\v', '\f'> {};
struct sep : pg::star<ws> {};
struct digits : pg::plus<pg::range<'0', '9'>> {};
struct byte_order : pg::one<'@', '=', '<', '>', '!', '^'> {};
struct arrow : pg::string<'-', '>'> {};
struct item_end : pg::sor<pg::one<':', '}'>, ws, arrow, pg::eof> {};

// Detectors shared by several error points. A NUL byte is reported as such wherever it
// stands, so nul_byte comes before the catch-all detector of each choice.

struct nul_byte : pg::at<pg::one<'\0'>> {};
struct unknown_code : pg::at<pg::any> {};
struct name_without_item : pg::at<pg::one<':'>> {};
struct element_error : pg::sor<nul_byte, name_without_item, unknown_code> {};

// Shapes: (k1,...,kn), no empty dims, no spaces inside a number

struct dim : digits {};
struct empty_shape : pg::at<pg::one<')'>> {};
struct expected_dim : pg::success {};
struct first_dim : pg::sor<dim, empty_shape, nul_byte, expected_dim> {};
struct next_dim : pg::sor<dim, nul_byte, expected_dim> {};
struct expected_shape_close : pg::success {};
struct shape_close : pg::sor<pg::one<')'>, nul_byte, expected_shape_close> {};
struct shape_open : pg::one<'('> {};
struct shape : pg::seq<shape_open, sep, first_dim, pg::star<sep, pg::one<','>, sep, next_dim>, sep, shape_close> {};

// Prefixes: shapes and marks in any order, then at most one count

struct count : digits {};
struct shaped_prefix : pg::seq<shape, pg::star<sep, pg::sor<shape, byte_order>>, pg::opt<sep, count>> {};
struct prefix : pg::sor<shaped_prefix, count> {};

// Codes

struct simple_code : pg::one<'x', 'c', 'b', 'B', '?', 'h', 'H', 'i', 'I', 'l', 'L', 'q', 'Q', 'n', 'N', 'e', 'f', 'd', 'g', 's', 'p', 'P', 'O', 'u', 'w', 't'> {};
struct complex_spelling : pg::one<'F', 'D', 'G'> {};
struct complex_suffix : pg::one<'f', 'd', 'g', 'e'> {};
struct wchar_pointer : pg::at<item_end> {};
struct bad_complex : pg::success {};
struct z_code : pg::seq<pg::one<'Z'>, pg::sor<complex_suffix, wchar_pointer, nul_byte, bad_complex>> {};
struct char_pointer : pg::at<item_end> {};
struct pointer_code_not_at_end : pg::success {};
struct small_z_code : pg::seq<pg::one<'z'>, pg::sor<char_pointer, nul_byte, pointer_code_not_at_end>> {};

// Bodies that nest: structs, pointers, function pointers

struct element;
struct item;
struct elements : pg::star<element, sep> {};

struct expected_brace : pg::success {};
struct struct_open : pg::seq<pg::one<'T'>, pg::sor<pg::one<'{'>, nul_byte, expected_brace>> {};
struct unterminated_struct : pg::eof {};
struct struct_close : pg::sor<pg::one<'}'>, unterminated_struct, element_error> {};
struct struct_type : pg::seq<struct_open, sep, elements, struct_close> {};

struct function_open : pg::seq<pg::one<'X'>, pg::sor<pg::one<'{'>, nul_byte, expected_brace>> {};
struct missing_return : pg::success {};
struct return_item : pg::seq<pg::star<byte_order, sep>, item> {};
struct returns : pg::sor<pg::seq<return_item, sep, elements>, nul_byte, missing_return> {};
struct function_arrow : arrow {};
struct unterminated_function : pg::eof {};
struct function_close : pg::sor<pg::one<'}'>, unterminated_function, element_error> {};
struct function_type : pg::seq<function_open, sep, elements, pg::opt<function_arrow, sep, returns>, function_close> {};

struct pointer_open : pg::one<'&'> {};
struct pointee;
struct pointer_type : pg::seq<pointer_open, sep, pointee> {};

struct body : pg::sor<struct_type, function_type, pointer_type, z_code, small_z_code, simple_code, complex_spelling> {};

// What may stand where a body is required (after a prefix, after '&')

struct shape_after_count : pg::at<pg::one<'('>> {};
struct mark_after_count : pg::at<byte_order> {};
struct missing_code : pg::sor<pg::at<pg::one<'}', ':', ')', ',', '-'>>, pg::eof> {};
struct body_error : pg::sor<nul_byte, shape_after_count, mark_after_count, missing_code, unknown_code> {};
struct required_body : pg::sor<body, body_error> {};

// Names: any UTF-8 but ':' and NUL, kept as bytes

struct utf8_tail : pg::range<'\x80', '\xBF'> {};
struct utf8_ascii : pg::ranges<'\x01', '\x39', '\x3B', '\x7F'> {};
struct utf8_two : pg::seq<pg::range<'\xC2', '\xDF'>, utf8_tail> {};
struct utf8_three : pg::sor<pg::seq<pg::one<'\xE0'>, pg::range<'\xA0', '\xBF'>, utf8_tail>, pg::seq<pg::ranges<'\xE1', '\xEC', '\xEE', '\xEF'>, utf8_tail, utf8_tail>, pg::seq<pg::one<'\xED'>, pg::range<'\x80', '\x9F'>, utf8_tail>> {};
struct utf8_four : pg::sor<pg::seq<pg::one<'\xF0'>, pg::range<'\x90', '\xBF'>, utf8_tail, utf8_tail>, pg::seq<pg::range<'\xF1', '\xF3'>, utf8_tail, utf8_tail, utf8_tail>, pg::seq<pg::one<'\xF4'>, pg::range<'\x80', '\x8F'>, utf8_tail, utf8_tail>> {};
struct name_char : pg::sor<utf8_ascii, utf8_two, utf8_three, utf8_four> {};
struct name_text : pg::star<name_char> {};
struct unterminated_name : pg::eof {};
struct invalid_utf8 : pg::success {};
struct name_close : pg::sor<pg::one<':'>, unterminated_name, nul_byte, invalid_utf8> {};
struct name : pg::seq<pg::one<':'>, name_text, name_close> {};

// Items and the sequence

struct prefixed_body : pg::seq<prefix, sep, required_body> {};
struct item : pg::seq<pg::sor<prefixed_body, body>, pg::opt<sep, name>> {};
struct pointee : pg::seq<pg::star<byte_order, sep>, pg::sor<prefixed_body, required_body>> {};
struct element : pg::sor<byte_order, item> {};

struct stray_brace : pg::at<pg::one<'}'>> {};
struct format_end : pg::sor<pg::eof, stray_brace, element_error> {};
struct format : pg::seq<sep, elements, format_end> {};

}  // namespace pep3118::grammar

#endif
