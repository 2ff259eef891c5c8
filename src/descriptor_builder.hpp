// The consumer that builds a descriptor from the grammar's events.
#ifndef PEP3118_SRC_DESCRIPTOR_BUILDER_HPP
#define PEP3118_SRC_DESCRIPTOR_BUILDER_HPP

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include <pep3118/descriptor.hpp>
#include <pep3118/diagnostic.hpp>
#include <pep3118/parse.hpp>
#include <pep3118/result.hpp>

namespace pep3118 {

class descriptor_builder {
 public:
  explicit descriptor_builder(const parse_options& options);

  void byte_order(char mark, std::size_t offset);
  void begin_shape(std::size_t offset);
  void dim(std::int64_t value, std::size_t offset);
  void count(std::int64_t value, std::size_t offset);
  void code(type_code code, char spelling, std::size_t offset);
  void begin_struct(std::size_t offset);
  void end_struct();
  void begin_pointer(std::size_t offset);
  void end_pointer();
  void begin_function(std::size_t offset);
  void arrow();
  void end_function();
  void name(std::string_view bytes, std::size_t offset);
  void warn(error_code code, std::size_t offset);
  void fail(error_code code, std::size_t offset);
  bool failed() const noexcept { return failed_; }

  // The descriptor, or the first error (with the warnings found before it).
  result<descriptor> finish() &&;

 private:
  struct frame {
    node_id container;
    std::size_t first_child;  // index into children_
  };

  node_id open_item(type_code code, char spelling, std::size_t body_offset);
  void open_container(type_code code, std::size_t offset);
  void close_container();
  void check_unique_names(const frame& f);

  const parse_options options_;
  descriptor desc_;
  pep3118::byte_order order_ = pep3118::byte_order::native;
  std::vector<frame> frames_;
  std::vector<node_id> children_;         // members of the open containers, innermost last
  std::vector<std::uint32_t> name_offsets_;  // by node: where its name starts in the source
  std::vector<diagnostic> diagnostics_;
  bool failed_ = false;

  // The prefix of the item being read, until its body opens it.
  static constexpr std::size_t no_prefix = static_cast<std::size_t>(-1);
  std::size_t prefix_offset_ = no_prefix;
  std::vector<std::int64_t> prefix_dims_;
  std::int64_t prefix_count_ = 1;
  std::size_t count_offset_ = 0;
  bool has_count_ = false;

  // Scratch for the duplicate-name check, reused across structs.
  std::vector<std::pair<std::string_view, std::uint32_t>> names_scratch_;
};

}  // namespace pep3118

#endif
