// Which error each detector rule of the grammars reports (in the spirit of PEGTL's must_if
// tables). A rule that is not listed here is not an error point.
#ifndef PEP3118_GRAMMAR_ERROR_POINTS_HPP
#define PEP3118_GRAMMAR_ERROR_POINTS_HPP

#include <optional>

#include <pep3118/diagnostic.hpp>

#include "grammar.hpp"
#include "struct_grammar.hpp"

namespace pep3118::grammar {

template <typename Rule>
inline constexpr std::optional<error_code> error_point{};

template <> inline constexpr std::optional<error_code> error_point<nul_byte>{error_code::nul_byte};
template <> inline constexpr std::optional<error_code> error_point<unknown_code>{error_code::unknown_code};
template <> inline constexpr std::optional<error_code> error_point<name_without_item>{error_code::name_without_item};
template <> inline constexpr std::optional<error_code> error_point<empty_shape>{error_code::empty_shape};
template <> inline constexpr std::optional<error_code> error_point<expected_dim>{error_code::expected_dim};
template <> inline constexpr std::optional<error_code> error_point<expected_shape_close>{error_code::expected_shape_close};
template <> inline constexpr std::optional<error_code> error_point<bad_complex>{error_code::bad_complex};
template <> inline constexpr std::optional<error_code> error_point<pointer_code_not_at_end>{error_code::pointer_code_not_at_end};
template <> inline constexpr std::optional<error_code> error_point<expected_brace>{error_code::expected_brace};
template <> inline constexpr std::optional<error_code> error_point<unterminated_struct>{error_code::unterminated_struct};
template <> inline constexpr std::optional<error_code> error_point<missing_return>{error_code::missing_return};
template <> inline constexpr std::optional<error_code> error_point<unterminated_function>{error_code::unterminated_function};
template <> inline constexpr std::optional<error_code> error_point<shape_after_count>{error_code::shape_after_count};
template <> inline constexpr std::optional<error_code> error_point<mark_after_count>{error_code::mark_after_count};
template <> inline constexpr std::optional<error_code> error_point<missing_code>{error_code::missing_code};
template <> inline constexpr std::optional<error_code> error_point<unterminated_name>{error_code::unterminated_name};
template <> inline constexpr std::optional<error_code> error_point<invalid_utf8>{error_code::invalid_utf8};
template <> inline constexpr std::optional<error_code> error_point<stray_brace>{error_code::stray_brace};

template <> inline constexpr std::optional<error_code> error_point<struct_module::mark_not_first>{error_code::mark_not_first};
template <> inline constexpr std::optional<error_code> error_point<struct_module::native_only>{error_code::native_only};
template <> inline constexpr std::optional<error_code> error_point<struct_module::not_in_struct>{error_code::not_in_struct};
template <> inline constexpr std::optional<error_code> error_point<struct_module::space_after_count>{error_code::space_after_count};
template <> inline constexpr std::optional<error_code> error_point<struct_module::missing_code>{error_code::missing_code};

}  // namespace pep3118::grammar

#endif
