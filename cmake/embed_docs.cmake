# Writes OUTPUT, a C++ file that maps every rule id to the text of docs/rules/<id>.md.
# Runs at build time (cmake -P) so that edited docs are picked up without reconfiguring.
file(GLOB docs "${DOCS_DIR}/*.md")
list(SORT docs)
set(arrays "")
set(entries "")
set(index 0)
foreach(doc IN LISTS docs)
  get_filename_component(id "${doc}" NAME_WE)
  file(READ "${doc}" hex HEX)
  string(LENGTH "${hex}" hex_length)
  math(EXPR size "${hex_length} / 2")
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
  string(APPEND arrays "const unsigned char kDoc${index}[] = {${bytes}0};\n")
  string(APPEND entries "    {\"${id}\", std::string_view(reinterpret_cast<const char*>(kDoc${index}), ${size})},\n")
  math(EXPR index "${index} + 1")
endforeach()
file(WRITE "${OUTPUT}.tmp" "// Generated from docs/rules/*.md by cmake/embed_docs.cmake. Do not edit.
#include \"linter/cli/rule_docs.hpp\"

namespace dnslint {
namespace {
${arrays}
const std::pair<std::string_view, std::string_view> kDocs[] = {
${entries}};
}  // namespace

std::optional<std::string_view> rule_documentation(std::string_view id) {
  for (const auto& [doc_id, text] : kDocs) {
    if (doc_id == id) return text;
  }
  return std::nullopt;
}

std::vector<std::string_view> documented_rule_ids() {
  std::vector<std::string_view> ids;
  for (const auto& entry : kDocs) ids.push_back(entry.first);
  return ids;
}

}  // namespace dnslint
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
