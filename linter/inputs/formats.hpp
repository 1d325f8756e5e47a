// What a file is: the one place that decides which reader takes a file, from its name and,
// where the name is not enough, a look at its content (docs/usage.md, "Which files are read").
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace dnslint {

enum class InputFormat {
  zone,
  tf,  // Terraform's native syntax: *.tf, *.tfvars
  tf_json,
  tf_plan,
  tf_state,
  octodns,
  dnsendpoint,
  cloudformation,
};

// Terraform configuration in either syntax: read a directory (one module) at a time.
inline bool is_terraform_configuration(InputFormat format) {
  return format == InputFormat::tf || format == InputFormat::tf_json;
}

// The --input-format names, in the order of InputFormat.
std::optional<InputFormat> input_format_from_name(std::string_view name);
std::string_view input_format_name(InputFormat format);

// True for the names a directory walk takes as zone files.
bool is_zone_file_name(std::string_view file_name);

// True for the names a directory walk looks into: zone files' names, Terraform, JSON, YAML.
bool is_candidate_name(std::string_view file_name);

// With --input-format, a directory walk takes the files named as that format usually is.
bool has_name_of(std::string_view file_name, InputFormat format);

// The content of a file being classified, read only as far as it is asked for.
struct ContentProbe {
  std::function<std::string_view()> head;   // at least the first 64 KiB (all of a smaller file)
  std::function<std::string_view()> whole;  // throws InputError (TooLarge past the limit)
};

// What a file is: a format to read it as, or why it is skipped.
struct Classification {
  std::optional<InputFormat> format;
  std::string skip_reason;
  // The file looked like DNS data by its name (a zone file's name, YAML, JSON, a template of
  // one of these): a walk that skips it lists it (--verbose, --list-files) and counts it.
  bool notable = false;
  // Where the first NUL byte stands: the file is not text.
  std::optional<std::size_t> nul_at;
};

// Decides what the file at `path` is (its name, and for octoDNS its folder). `named`: given on the
// command line (or standard input's
// --stdin-filename), where other text is read as a zone file, and the name's word is taken
// over a look at the content.
Classification classify(std::string_view path, bool named, const ContentProbe& content);

// Where the first NUL byte of `head` stands (git's test for text: one in the first 8000
// bytes), or nullopt.
std::optional<std::size_t> first_nul(std::string_view head);

}  // namespace dnslint
