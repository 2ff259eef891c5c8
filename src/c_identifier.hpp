// Names for C: field names made identifiers, and text made safe inside a C comment.
#ifndef PEP3118_SRC_C_IDENTIFIER_HPP
#define PEP3118_SRC_C_IDENTIFIER_HPP

#include <string>
#include <string_view>
#include <unordered_set>

namespace pep3118::detail {

// `name` as a C identifier: bytes other than ASCII letters, digits and '_' become '_', a
// leading digit gets "f_" before it, the empty name is "unnamed", and keywords and the macros
// a C compiler may define (NULL, offsetof, linux, unix) get a '_' after them.
std::string c_identifier(std::string_view name);

// Identifiers unique within one scope: the first to ask gets a name as it is, later ones
// "name_2", "name_3", ...
class c_scope {
 public:
  std::string claim(std::string name);

 private:
  std::unordered_set<std::string> used_;
};

// `text` inside /* */: printable ASCII as is, other bytes as \xNN, and no "*/".
std::string c_comment_text(std::string_view text);

}  // namespace pep3118::detail

#endif
