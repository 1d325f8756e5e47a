// The engine: read every input (in parallel), build one model, run the enabled rules, and
// return the findings sorted by file, line, column and rule.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "formats/read_result.hpp"
#include "linter/config/config.hpp"
#include "linter/inputs/collect.hpp"
#include "linter/inputs/includes.hpp"
#include "live/verify.hpp"
#include "model/finding.hpp"

namespace dnslint {

// `dnslint verify`: the live checks instead of the rules, and how they reach the network.
struct VerifyRequest {
  live::VerifySettings settings;
  std::optional<live::Endpoint> resolver;  // --resolver; unset: the system's
  live::Limits limits;
  std::optional<std::string> record;  // --record FILE: keep every answer there
  std::optional<std::string> replay;  // --replay FILE: answers from there, no traffic
};

struct LintRequest {
  std::vector<std::string> paths;
  std::optional<std::string> origin;  // --origin, as typed
  std::string stdin_filename{kStdinName};
  bool force_exclude = false;  // --force-exclude: the exclude globs apply to named files too
  std::optional<InputFormat> input_format;  // --input-format; detected per file when unset
  unsigned jobs = 1;
  std::vector<std::filesystem::path> include_roots;
  IncludeBase include_base = IncludeBase::file;
  // What reports show paths relative to (see find_path_root); empty: found from the current
  // directory.
  std::filesystem::path path_root;
  unsigned max_include_depth = 32;
  std::uint64_t max_generate_records = 1'000'000;
  std::uint64_t max_file_size = kDefaultMaxFileSize;  // bytes of one input or $INCLUDE file
  unsigned max_nesting = 512;                         // JSON and YAML nesting
  bool report_unused_suppressions = false;
  std::vector<std::string> var_files;                          // --var-file, in order
  std::vector<std::pair<std::string, std::string>> variables;  // --var NAME=VALUE, in order
  bool timing = false;  // --timing: measure each phase and rule
  // Texts that stand for files (an editor's unsaved buffers, a revision's versions of changed
  // files): every read of the run sees the files through this overlay.
  Overlay overlay;
  RuleConfiguration rules = RuleConfiguration::defaults();
  // Set for `dnslint verify`: the live rules run, against the network, and the others do not.
  std::optional<VerifyRequest> verify;
};

struct Summary {
  std::size_t files = 0;
  std::size_t zones = 0;
  std::size_t records = 0;
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t notes = 0;
};

// A finding an inline comment suppressed, with the comment's reason.
struct SuppressedFinding {
  Finding finding;
  std::string reason;
};

// Wall time of one phase of a run, or of one rule (name "rule ID").
struct PhaseTime {
  std::string name;
  double seconds = 0;
  std::uint64_t resident_bytes = 0;  // of the process at the end of the phase (0: unknown)
  std::uint64_t peak_bytes = 0;      // the most the process held up to then (0: unknown)
};

// The resident memory of this process now, or 0 where the system does not tell.
std::uint64_t resident_bytes();
// The most resident memory this process has held so far, or 0 where the system does not tell.
std::uint64_t peak_resident_bytes();

// Records the wall time (and resident memory) between successive laps into `out`, or nothing
// when `out` is null (timing not asked for).
class Stopwatch {
 public:
  explicit Stopwatch(std::vector<PhaseTime>* out) : out_(out) {}
  void lap(std::string name);

 private:
  std::vector<PhaseTime>* out_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

struct LintResult {
  std::vector<Finding> findings;    // sorted
  std::vector<std::string> files;   // display paths, indexed by SourceLocation::file
  std::filesystem::path path_root;  // what relative display paths are relative to
  Summary summary;
  std::vector<SuppressedFinding> suppressed;  // sorted; in no report but SARIF on request
  std::vector<SkippedFile> skipped;           // files not read, and why
  std::size_t excluded = 0;                   // files the configuration's excludes took out
  std::vector<PhaseTime> timings;             // with LintRequest::timing, in the order run
  // The texts of inputs that are not on disk (standard input), by display path.
  std::map<std::string, std::string> unsaved_texts;
};

// Throws InputError (unreadable input) or ConfigError (bad option value).
LintResult lint(const LintRequest& request);

// The files a run of `request` would read, as reports show them, each with the name of its
// reader, and the files it would skip with the reason (--list-files).
struct InputListing {
  std::vector<std::pair<std::string, std::string>> read;
  std::vector<SkippedFile> skipped;
};
InputListing list_inputs(const LintRequest& request);

// What the readers produced, merged into one model and indexed: the zones the rules see, and
// what the readers found and noted beside them.
struct BuiltModel {
  Model model;
  std::vector<Finding> findings;  // the readers' own (syntax-error, unresolved-value, ...)
  std::vector<Suppression> suppressions;
  std::vector<RecordOrigin> origins;
  std::vector<RecordSource> sources;
};
BuiltModel build_model(std::vector<ReadResult> reads, const LintRequest& request);

// Reads the inputs of `request` into the model, without running the rules (dnslint records).
// `root` gets the path root the files are named from.
BuiltModel read_model(const LintRequest& request, std::filesystem::path& root);

// The part of lint() after reading: merge what the readers produced into one model, run the
// enabled rules, apply suppressions and sort. (The fuzz targets enter here.)
// `unsaved_texts`: the texts of inputs not on disk, by display path (LintResult).
LintResult lint_reads(std::vector<ReadResult> reads, const LintRequest& request,
                      std::map<std::string, std::string> unsaved_texts = {});

// The live checks of `request.verify` over `model`: one finding log per rule of `rules`.
// Throws InputError (no resolver, a recording that cannot be read or written).
std::vector<FindingLog> verify_zones(const Model& model, const LintRequest& request,
                                     const std::vector<const Rule*>& rules);

// Sets the error, warning and note counts of the summary from the findings.
void count_severities(LintResult& result);

}  // namespace dnslint
