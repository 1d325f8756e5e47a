// The HCL native syntax parser (hclsyntax spec.md): a configuration file into a SyntaxTree,
// with every syntax error at its position and reading resumed after it where the grammar
// allows (the next attribute or block, the end of the bracket or block).
#pragma once

#include <string_view>

#include "formats/terraform/hcl_syntax.hpp"

namespace dnslint::hcl {

// The parser descends once per level of nesting: deeper input than this would need more stack
// than a thread has (a sanitizer's frames included), so limits above it are taken as it.
inline constexpr unsigned kMaxNesting = 512;

struct ParseLimits {
  unsigned max_depth = kMaxNesting;  // nesting of blocks, brackets, calls and templates
};

// A configuration file (*.tf, *.tfvars): a body of attributes and blocks.
SyntaxTree parse_config(std::string_view source, FileId file, const ParseLimits& limits = {});

// One expression, alone in `source` (a --var value, a type constraint); its errors go to
// tree.errors. Positions start at `origin`.
ExprId parse_expression(std::string_view source, const Position& origin, SyntaxTree& tree,
                        const ParseLimits& limits = {});

// A standalone template (a JSON string where HCL takes an expression): `${...}` and `%{...}`
// sequences in literal text, no escapes. Positions start at `origin`.
ExprId parse_template(std::string_view source, const Position& origin, SyntaxTree& tree,
                      const ParseLimits& limits = {});

}  // namespace dnslint::hcl
