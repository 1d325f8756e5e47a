#include "linter/engine/engine.hpp"

#include <fmt/format.h>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <algorithm>
#include <map>
#include <tuple>

#include "linter/engine/parallel.hpp"
#include "linter/engine/schedule.hpp"
#include "linter/engine/suppress.hpp"
#include "linter/inputs/collect.hpp"
#include "linter/inputs/files.hpp"
#include "linter/inputs/read.hpp"
#include "linter/inputs/source_files.hpp"
#include "model/finding_log.hpp"
#include "model/model.hpp"
#include "model/printable.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

// Moves one reader's zones into the model, renumbering its names and files.
void merge(ReadResult&& read, BuiltModel& built) {
  Model& model = built.model;
  // The first table becomes the model's as it is, its ids unchanged; later ones are
  // renumbered into it. (Moving avoids holding two copies of every name of a large zone.)
  std::vector<NameId> remap;
  const bool first_table = model.names.size() == 0;
  if (first_table) {
    model.names = std::move(read.names);
  } else {
    remap = model.names.intern_all(std::move(read.names));
    read.names = NameTable();
  }
  const auto file_offset = static_cast<FileId>(model.files.size());
  for (auto& file : read.files) model.files.push_back(std::move(file));
  for (Zone& zone : read.zones) {
    if (!first_table || file_offset != 0) {
      for (Record& record : zone.records) {
        if (!first_table) rename_names(record, remap);
        SourceLocation location = record.location;
        location.file += file_offset;
        record.location = location;
      }
    }
    if (!first_table) zone.origin = remap[zone.origin];
    zone.file += file_offset;
    model.zones.push_back(std::move(zone));
  }
  for (Finding& finding : read.findings) {
    finding.location.file += file_offset;
    built.findings.push_back(std::move(finding));
  }
  for (Suppression& suppression : read.suppressions) {
    suppression.location.file += file_offset;
    built.suppressions.push_back(std::move(suppression));
  }
  for (RecordOrigin& origin : read.origins) {
    origin.at.file += file_offset;
    for (RelatedLocation& related : origin.related) related.location.file += file_offset;
    built.origins.push_back(std::move(origin));
  }
  for (RecordSource& source : read.sources) {
    source.at.file += file_offset;
    built.sources.push_back(std::move(source));
  }
}

// Joins the zones that several infrastructure-code files give for one zone (octoDNS split
// zones and several sources, two Terraform roots writing to one hosted zone): to the provider
// they are one zone, so a name one file defines exists for the others. One zone is one
// identity (Zone::identity): two zone resources or two providers with zones of one name stay
// two zones. Zone files are whole zones each and stay apart; so do zones whose name is not
// known.
void join_iac_zones(Model& model) {
  std::map<std::string, std::size_t> first_of;  // identity -> index of its first zone
  std::vector<Zone> joined;
  joined.reserve(model.zones.size());
  for (Zone& zone : model.zones) {
    if (zone.is_zone_file || !zone.origin_known || zone.identity.empty()) {
      joined.push_back(std::move(zone));
      continue;
    }
    const auto [at, inserted] = first_of.emplace(zone.identity, joined.size());
    if (inserted) {
      joined.push_back(std::move(zone));
      continue;
    }
    Zone& into = joined[at->second];
    into.complete = into.complete || zone.complete;
    into.records.insert(into.records.end(), std::make_move_iterator(zone.records.begin()),
                        std::make_move_iterator(zone.records.end()));
  }
  model.zones = std::move(joined);
}

// A finding's texts as a report can show them on one line: a message quotes record data and
// values, which may hold control characters or bytes that are not UTF-8 (model/printable.hpp).
void make_printable(Finding& finding) {
  const auto clean = [](SharedText& text) {
    if (!is_printable(text.view())) text = SharedText(printable(text.view()));
  };
  clean(finding.message);
  clean(finding.owner);
  for (RelatedLocation& related : finding.related) clean(related.message);
}

// What the configuration says of zones: a dynamic or partial zone is not whole in the files.
void apply_zone_settings(Model& model, const RuleConfiguration& rules) {
  if (rules.zones().empty()) return;
  for (Zone& zone : model.zones) {
    const auto found = rules.zones().find(model.name(zone.origin));
    if (found == rules.zones().end()) continue;
    zone.dynamic = found->second.dynamic;
    if (found->second.dynamic || found->second.partial) zone.complete = false;
  }
}

// Adds to each finding at a record with a known origin (IaC values set elsewhere, records
// made by a module call) the places that origin names.
void add_origins(std::vector<Finding>& findings, const std::vector<RecordOrigin>& origins) {
  if (origins.empty()) return;
  std::map<std::tuple<FileId, std::uint32_t, std::uint32_t>, std::vector<const RecordOrigin*>> at;
  for (const RecordOrigin& origin : origins)
    at[{origin.at.file, origin.at.line, origin.at.column}].push_back(&origin);
  for (Finding& finding : findings) {
    const auto found =
        at.find({finding.location.file, finding.location.line, finding.location.column});
    if (found == at.end()) continue;
    for (const RecordOrigin* origin : found->second) {
      if (!origin->zone.empty() && !finding.zone.view().empty() &&
          origin->zone != finding.zone.view()) {
        continue;
      }
      for (const RelatedLocation& related : origin->related) {
        const bool known = std::any_of(finding.related.begin(), finding.related.end(),
                                       [&](const RelatedLocation& r) {
                                         return r.location.file == related.location.file &&
                                                r.location.line == related.location.line &&
                                                r.location.column == related.location.column &&
                                                r.message.view() == related.message.view();
                                       });
        if (!known) finding.related.push_back(related);
      }
    }
  }
}

void sort_findings(std::vector<Finding>& findings, const std::vector<std::string>& files) {
  // Files compare by their rank among the sorted paths, so that the strings are compared once
  // per file and not once per comparison.
  std::vector<std::uint32_t> order(files.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](std::uint32_t a, std::uint32_t b) { return files[a] < files[b]; });
  std::vector<std::uint32_t> rank(files.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) rank[order[i]] = i;
  auto key = [&](const Finding& f) {
    return std::tie(rank[f.location.file], f.location.line, f.location.column, f.rule, f.message,
                    f.location.end_line, f.location.end_column);
  };
  // Sorting small keys (file rank, line, column, position), then moving each finding once
  // into place (following the cycles of the permutation), is quicker than swapping findings
  // around and needs no second array. Only findings at the same place are compared whole.
  struct Position {
    std::uint32_t file_rank;
    std::uint32_t line;
    std::uint32_t column;
    std::uint32_t index;
  };
  std::vector<Position> positions(findings.size());
  for (std::uint32_t i = 0; i < positions.size(); ++i) {
    const SourceLocation& at = findings[i].location;
    positions[i] = {rank[at.file], at.line, at.column, i};
  }
  std::sort(positions.begin(), positions.end(), [&](const Position& a, const Position& b) {
    if (a.file_rank != b.file_rank) return a.file_rank < b.file_rank;
    if (a.line != b.line) return a.line < b.line;
    if (a.column != b.column) return a.column < b.column;
    const auto whole_a = key(findings[a.index]);
    const auto whole_b = key(findings[b.index]);
    // Equal findings keep their order, so that the one kept below does not depend on the sort.
    return whole_a != whole_b ? whole_a < whole_b : a.index < b.index;
  });
  std::vector<std::uint32_t> sorted(findings.size());
  for (std::uint32_t i = 0; i < sorted.size(); ++i) sorted[i] = positions[i].index;
  positions = {};
  std::vector<bool> placed(findings.size(), false);
  for (std::uint32_t start = 0; start < sorted.size(); ++start) {
    if (placed[start]) continue;
    Finding first = std::move(findings[start]);
    std::uint32_t at = start;
    while (sorted[at] != start) {
      findings[at] = std::move(findings[sorted[at]]);
      placed[at] = true;
      at = sorted[at];
    }
    findings[at] = std::move(first);
    placed[at] = true;
  }
  findings.erase(std::unique(findings.begin(), findings.end(),
                             [&](const Finding& a, const Finding& b) { return key(a) == key(b); }),
                 findings.end());
}

// The configured severity and enablement of findings, looked up once per rule and file (the
// lookup matches path patterns, and a large zone has hundreds of thousands of findings).
class FindingSettings {
 public:
  FindingSettings(const RuleConfiguration& rules, const std::vector<std::string>& files)
      : rules_(rules), files_(files) {}

  // Sets the finding's severity; false when its rule is off for its file.
  bool apply(Finding& finding) {
    // Findings come grouped by rule: most lookups are the previous one again.
    if (last_ == nullptr || last_->first.first != finding.location.file ||
        last_->first.second != finding.rule) {
      auto [it, inserted] = cache_.try_emplace({finding.location.file, finding.rule});
      if (inserted) {
        const RuleSettings settings =
            rules_.settings_for(finding.rule, files_[finding.location.file]);
        it->second = {settings.enabled, settings.severity};
      }
      last_ = &*it;
    }
    finding.severity = finding.unconfirmed ? Severity::note
                       : finding.milder    ? milder(last_->second.second)
                                           : last_->second.second;
    return last_->second.first;
  }

 private:
  const RuleConfiguration& rules_;
  const std::vector<std::string>& files_;
  using Cache = std::map<std::pair<FileId, std::string_view>, std::pair<bool, Severity>>;
  Cache cache_;
  const Cache::value_type* last_ = nullptr;
};

// Reading and indexing free their temporaries (the name table and records of a part read on
// another thread, the counts of the owner sort) into malloc's heaps, where the rules' threads,
// which allocate from heaps of their own, do not reuse them. Returning the free pages to the
// system before the rules run keeps them out of the peak. (glibc only; elsewhere nothing to
// do.)
void return_free_memory() {
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

}  // namespace

void count_severities(LintResult& result) {
  result.summary.errors = result.summary.warnings = result.summary.notes = 0;
  for (const Finding& finding : result.findings) {
    switch (finding.severity) {
      case Severity::error:
        ++result.summary.errors;
        break;
      case Severity::warning:
        ++result.summary.warnings;
        break;
      case Severity::note:
        ++result.summary.notes;
        break;
    }
  }
}

// The request with its path root found, and its rules asking about paths relative to it.
LintRequest rooted(const LintRequest& given) {
  LintRequest request = given;
  if (request.path_root.empty()) {
    request.path_root =
        find_path_root(std::nullopt, common_root(request.paths, request.stdin_filename));
  }
  request.rules.set_path_root(request.path_root);
  return request;
}

// --origin, canonical; empty without it. ConfigError when it is no name.
std::string forced_origin_of(const LintRequest& request) {
  std::string forced_origin;
  if (request.origin) {
    std::string text = *request.origin;
    if (!text.empty() && text != "." && !text.ends_with('.')) text += '.';
    if (auto error = parse_name(text, ".", forced_origin)) {
      throw ConfigError(fmt::format("--origin '{}': {}", *request.origin, error->reason));
    }
  }
  return forced_origin;
}

CollectedInputs collect(const LintRequest& request, const FileView& view) {
  const PathDisplay display(request.path_root);
  CollectOptions options;
  options.find.stdin_name = request.stdin_filename;
  options.find.excluded = [&](std::string_view path) { return request.rules.is_excluded(path); };
  options.find.force_exclude = request.force_exclude;
  options.forced = request.input_format;
  return collect_inputs(request.paths, options, view, display);
}

InputListing list_inputs(const LintRequest& given) {
  const LintRequest request = rooted(given);
  const FileView view(request.overlay, request.max_file_size);
  CollectedInputs collected = collect(request, view);
  InputListing listing;
  for (const InputFile& input : collected.files)
    listing.read.emplace_back(input.display_path, std::string(input_format_name(input.format)));
  listing.skipped = std::move(collected.skipped);
  return listing;
}

LintResult lint(const LintRequest& given) {
  const LintRequest request = rooted(given);
  std::vector<PhaseTime> timings;
  Stopwatch stopwatch(request.timing ? &timings : nullptr);
  const std::string forced_origin = forced_origin_of(request);
  const FileView view(request.overlay, request.max_file_size);
  auto collected = collect(request, view);
  auto& inputs = collected.files;
  stopwatch.lap("collect inputs");
  // What reports read again (focus, source lines, fixes) is not on disk for these: standard
  // input, and every text the overlay gives.
  std::map<std::string, std::string> unsaved_texts;
  for (const InputFile& input : inputs) {
    if (input.is_stdin && input.content) unsaved_texts.emplace(input.display_path, *input.content);
  }
  const PathDisplay display(request.path_root);
  for (const auto& [path, text] : request.overlay) {
    if (text) unsaved_texts.emplace(display.show(path), *text);
  }
  std::vector<ReadResult> reads = read_inputs(inputs, request, view, forced_origin);
  for (ReadResult& problem : collected.problems) reads.push_back(std::move(problem));
  stopwatch.lap("read");
  LintResult result = lint_reads(std::move(reads), request, std::move(unsaved_texts));
  result.path_root = request.path_root;
  result.summary.files = inputs.size();
  result.skipped = std::move(collected.skipped);
  result.excluded = collected.excluded;
  timings.insert(timings.end(), std::make_move_iterator(result.timings.begin()),
                 std::make_move_iterator(result.timings.end()));
  result.timings = std::move(timings);
  return result;
}

BuiltModel build_model(std::vector<ReadResult> reads, const LintRequest& request) {
  BuiltModel built;
  for (auto& read : reads) merge(std::move(read), built);
  join_iac_zones(built.model);
  apply_zone_settings(built.model, request.rules);
  // Zones index side by side on the run's threads; a single large zone uses them itself.
  built.model.build_indexes(
      [&](std::size_t count, const Task& task) { parallel_for(count, request.jobs, task); });
  return built;
}

BuiltModel read_model(const LintRequest& given, std::filesystem::path& root) {
  const LintRequest request = rooted(given);
  root = request.path_root;
  const FileView view(request.overlay, request.max_file_size);
  auto collected = collect(request, view);
  std::vector<ReadResult> reads =
      read_inputs(collected.files, request, view, forced_origin_of(request));
  for (ReadResult& problem : collected.problems) reads.push_back(std::move(problem));
  return build_model(std::move(reads), request);
}

LintResult lint_reads(std::vector<ReadResult> reads, const LintRequest& request,
                      std::map<std::string, std::string> unsaved_texts) {
  std::vector<PhaseTime> timings;
  Stopwatch stopwatch(request.timing ? &timings : nullptr);
  BuiltModel built = build_model(std::move(reads), request);
  Model& model = built.model;
  std::vector<Finding>& findings = built.findings;
  std::vector<Suppression>& suppressions = built.suppressions;
  const std::vector<RecordOrigin>& origins = built.origins;
  return_free_memory();
  stopwatch.lap("merge and index");

  // A plain run checks the files with the rules; `dnslint verify` the network with the live
  // rules.
  std::vector<const Rule*> enabled;
  for (const Rule& rule : all_rules()) {
    const bool runs = request.verify ? rule.live : rule.check != nullptr;
    if (runs && request.rules.enabled_anywhere(rule.id)) enabled.push_back(&rule);
  }
  std::vector<FindingLog> per_rule(enabled.size());
  std::vector<std::vector<PhaseTime>> rule_times(enabled.size());
  if (request.verify) {
    per_rule = verify_zones(model, request, enabled);
    stopwatch.lap("live checks");
  } else {
    const RuleSchedule schedule(enabled);
    parallel_for(enabled.size(), request.jobs, [&](std::size_t turn) {
      const std::size_t i = schedule.rule_at(turn);
      Stopwatch rule_stopwatch(request.timing ? &rule_times[i] : nullptr);
      Reporter reporter(enabled[i]->id, model);
      enabled[i]->check(model, request.rules.at(enabled[i]->id).options, reporter);
      per_rule[i] = reporter.take();
      rule_stopwatch.lap(fmt::format("rule {}", enabled[i]->id));
      schedule.done(i, model.derived);
    });
    stopwatch.lap("rules (all)");
  }
  for (auto& rule_time : rule_times) {
    if (!rule_time.empty()) timings.push_back(std::move(rule_time.front()));
  }
  LintResult result;
  result.summary.files = reads.size();
  result.summary.zones = model.zones.size();
  for (const Zone& zone : model.zones) result.summary.records += zone.records.size();
  // The records, names and indexes go before the findings are made whole: the two are never
  // in memory at once.
  model.derived.clear();
  model.zones = {};
  model.names = {};
  stopwatch.lap("release the model");
  // Every part of every rule's log decodes into its own stretch of the list, side by side.
  struct LogPart {
    const FindingLog* log;
    std::size_t part;
    std::size_t offset;
  };
  std::vector<LogPart> log_parts;
  std::size_t end = findings.size();
  for (const FindingLog& log : per_rule) {
    for (std::size_t part = 0; part < log.parts(); ++part) {
      log_parts.push_back({&log, part, end});
      end += log.part_size(part);
    }
  }
  findings.resize(end);
  parallel_for(log_parts.size(), request.jobs, [&](std::size_t i) {
    const LogPart& piece = log_parts[i];
    const auto part =
        std::span<Finding>(findings).subspan(piece.offset, piece.log->part_size(piece.part));
    piece.log->decode_part(piece.part, part);
    for (Finding& finding : part) make_printable(finding);
  });
  // The readers' own findings, before the rules' (they quote input too).
  const std::size_t read_findings = log_parts.empty() ? findings.size() : log_parts[0].offset;
  for (std::size_t i = 0; i < read_findings; ++i) make_printable(findings[i]);
  per_rule = {};
  add_origins(findings, origins);
  stopwatch.lap("decode findings");
  std::vector<SuppressedFinding> suppressed;
  apply_suppressions(findings, suppressions, request.report_unused_suppressions, suppressed);
  // Every finding takes the severity the configuration gives its rule for its file (decided
  // here only), or goes when the rule is off there.
  FindingSettings finding_settings(request.rules, model.files);
  std::erase_if(findings, [&](Finding& f) { return !finding_settings.apply(f); });
  // After the suppressions, which name the lines a record starts on.
  place_focus(findings, model.files, request.path_root, unsaved_texts);

  sort_findings(findings, model.files);
  // Suppressed findings keep the severity and enablement the configuration gives them.
  std::erase_if(suppressed,
                [&](SuppressedFinding& s) { return !finding_settings.apply(s.finding); });
  std::stable_sort(suppressed.begin(), suppressed.end(), [&](const auto& a, const auto& b) {
    return std::tie(model.files[a.finding.location.file], a.finding.location.line,
                    a.finding.location.column, a.finding.rule) <
           std::tie(model.files[b.finding.location.file], b.finding.location.line,
                    b.finding.location.column, b.finding.rule);
  });
  result.suppressed = std::move(suppressed);
  result.findings = std::move(findings);
  result.files = std::move(model.files);
  result.unsaved_texts = std::move(unsaved_texts);
  count_severities(result);
  stopwatch.lap("suppressions and sorting");
  result.timings = std::move(timings);
  return result;
}

}  // namespace dnslint
