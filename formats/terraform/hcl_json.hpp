// HCL's JSON profile (*.tf.json, *.tfvars.json) read into the SyntaxTree the native syntax
// gives, so that one evaluator reads both: Terraform's block types take their labels from
// nested object keys, strings are templates where an expression belongs, and an object-valued
// property is both an attribute and nested block(s), since only a provider's schema could tell.
#pragma once

#include <string_view>

#include "formats/document_tree.hpp"
#include "formats/terraform/hcl_syntax.hpp"

namespace dnslint::hcl {

enum class JsonContent : std::uint8_t {
  configuration,    // *.tf.json: blocks at the top level
  variable_values,  // *.tfvars.json: variable names and literal values
};

// `content` is the text `document` was parsed from (positions inside templates come from it).
SyntaxTree read_json_syntax(const ParsedDocument& document, std::string_view content,
                            JsonContent kind);

}  // namespace dnslint::hcl
