#include "linter/inputs/read.hpp"

#include <fmt/format.h>

#include <map>
#include <set>

#include "formats/terraform/terraform_reader.hpp"
#include "formats/yaml/yaml_reader.hpp"
#include "formats/zone/zone_reader.hpp"
#include "linter/engine/parallel.hpp"
#include "linter/inputs/file_text.hpp"
#include "linter/inputs/includes.hpp"
#include "linter/inputs/terraform_modules.hpp"
#include "model/reported_rules.hpp"

namespace dnslint {
namespace {

std::string zone_origin(const InputFile& input, const LintRequest& request,
                        const std::string& forced_origin) {
  if (!forced_origin.empty()) return forced_origin;
  if (auto configured = request.rules.origin_for(input.display_path)) return *configured;
  return {};
}

// The input's text. Content read while deciding the format is handed over, not copied (each
// input is read by one task only).
std::string content_of(InputFile& input, const FileView& view) {
  if (input.content) return std::move(*input.content);
  return input.is_stdin ? read_stdin(view.max_file_size()) : view.read(input.path);
}

// A zone's text: as content_of, but a large file is mapped rather than copied (a zone reader
// needs the text only while it reads it, and keeps nothing that points into it).
FileText zone_text_of(InputFile& input, const FileView& view) {
  if (input.content || input.is_stdin) return FileText(content_of(input, view));
  return view.read_text(input.path);
}

// What identifies a file on disk: its canonical path.
std::string identity_of(const std::filesystem::path& path) {
  std::error_code ec;
  return std::filesystem::weakly_canonical(std::filesystem::absolute(path, ec), ec).string();
}

DocumentLimits document_limits(const LintRequest& request) {
  DocumentLimits limits;
  limits.max_depth = request.max_nesting;
  return limits;
}

// An input past --max-file-size: one finding, and nothing of it read.
ReadResult too_large(const InputFile& input, const TooLarge& error) {
  ReadResult result = read_error(input.display_path, error.what());
  result.findings[0].rule = rule_id::syntax_error;
  return result;
}

ReadResult read_zone_input(InputFile& input, const LintRequest& request, const FileView& view,
                           const std::string& forced_origin, unsigned threads) {
  ZoneReadOptions options;
  options.threads = threads;
  options.for_each = [threads](std::size_t count, const Task& task) {
    parallel_for(count, threads, task);
  };
  options.display_path = input.display_path;
  options.max_include_depth = request.max_include_depth;
  options.max_generate_records = request.max_generate_records;
  options.origin = zone_origin(input, request, forced_origin);
  options.origin_is_forced = !forced_origin.empty();
  if (options.origin.empty()) {
    if (auto origin = origin_from_file_name(input.display_path)) options.origin = *origin;
  }
  // Standard input includes relative to the folder of its --stdin-filename.
  std::optional<FileIncludeLoader> loader;
  const PathDisplay display(request.path_root);
  if (!input.path.empty()) {
    loader.emplace(input.path, request.include_roots, display, view, request.include_base);
    options.includes = &*loader;
  }
  const FileText text = zone_text_of(input, view);
  options.release_text = [&text](std::size_t begin, std::size_t end) { text.release(begin, end); };
  ZoneReadResult read = read_zone(text.view(), options);
  ReadResult result;
  result.names = std::move(read.names);
  result.files = std::move(read.files);
  const SharedText zone = result.names.str(read.zone.origin);
  for (Finding& finding : read.findings) finding.zone = zone;
  result.findings = std::move(read.findings);
  result.suppressions = std::move(read.suppressions);
  result.zones.push_back(std::move(read.zone));
  if (!input.is_stdin) result.identity = identity_of(input.path);
  result.parts = std::move(read.included);
  return result;
}

// A Terraform module: the named files of one directory (read here), and what the directory
// and its local modules hold beside them.
ReadResult read_terraform_input(const std::vector<InputFile*>& named, const LintRequest& request,
                                const FileView& view, const TerraformVariables& variables) {
  TerraformDirectory directory;
  std::vector<ReadResult> refused;
  for (InputFile* input : named) {
    try {
      directory.named.push_back({input->display_path, content_of(*input, view), false,
                                 input->format == InputFormat::tf_json});
    } catch (const TooLarge& error) {
      refused.push_back(too_large(*input, error));
    }
  }
  if (!named.front()->path.empty()) {
    directory.on_disk = true;
    directory.directory = named.front()->path.parent_path();
    directory.display_directory =
        std::filesystem::path(named.front()->display_path).parent_path().string();
  }
  std::vector<std::filesystem::path> allowed_roots{request.path_root};
  allowed_roots.insert(allowed_roots.end(), request.include_roots.begin(),
                       request.include_roots.end());
  ReadResult result =
      read_terraform_directory(directory, document_limits(request), view, variables, allowed_roots);
  for (ReadResult& refusal : refused) {
    refusal.findings[0].location.file = static_cast<FileId>(result.files.size());
    result.files.push_back(std::move(refusal.files[0]));
    result.findings.push_back(std::move(refusal.findings[0]));
  }
  return result;
}

// A plan, state or YAML input (read_task sends zone files and Terraform modules elsewhere).
ReadResult read_document_input(InputFile& input, const LintRequest& request, const FileView& view,
                               const std::string& forced_origin) {
  const SourceText source{input.display_path, content_of(input, view), false};
  const DocumentLimits limits = document_limits(request);
  switch (input.format) {
    case InputFormat::tf_plan:
    case InputFormat::tf_state:
      return read_terraform_plan_or_state(source, limits);
    case InputFormat::octodns:
      return read_yaml_dns(source, YamlFormat::octodns, zone_origin(input, request, forced_origin),
                           limits);
    case InputFormat::dnsendpoint:
      return read_yaml_dns(source, YamlFormat::dnsendpoint, {}, limits);
    case InputFormat::cloudformation:
      return read_yaml_dns(source, YamlFormat::cloudformation, {}, limits);
    case InputFormat::zone:
    case InputFormat::tf:
    case InputFormat::tf_json:
      break;
  }
  return {};
}

// One unit of reading: a zone file, a Terraform module (several files), or one document.
struct ReadTask {
  std::vector<InputFile*> inputs;
};

std::vector<ReadTask> plan_reads(std::vector<InputFile>& inputs) {
  std::vector<ReadTask> tasks;
  std::map<std::string, std::size_t> modules;  // directory -> task
  for (InputFile& input : inputs) {
    if (is_terraform_configuration(input.format) && !input.path.empty()) {
      const std::string directory = input.path.parent_path().string();
      const auto [at, inserted] = modules.emplace(directory, tasks.size());
      if (inserted) tasks.emplace_back();
      tasks[at->second].inputs.push_back(&input);
    } else {
      tasks.push_back({{&input}});
    }
  }
  return tasks;
}

// `threads`: how many a large zone file may be read with.
ReadResult read_task(const ReadTask& task, const LintRequest& request, const FileView& view,
                     const std::string& forced_origin, unsigned threads,
                     const TerraformVariables& variables) {
  InputFile& first = *task.inputs.front();
  if (is_terraform_configuration(first.format))
    return read_terraform_input(task.inputs, request, view, variables);
  try {
    if (first.format == InputFormat::zone)
      return read_zone_input(first, request, view, forced_origin, threads);
    return read_document_input(first, request, view, forced_origin);
  } catch (const TooLarge& error) {
    return too_large(first, error);
  } catch (const InputError& error) {
    return read_error(first.display_path, error.what());
  }
}

}  // namespace

void drop_inputs_read_as_parts(std::vector<ReadResult>& reads) {
  // An input that takes in itself (a module that calls its own directory, a zone file that
  // includes itself: mistakes reported where they are made) is still read on its own.
  std::set<std::string> parts;
  for (const ReadResult& read : reads) {
    for (const std::string& part : read.parts) {
      if (part != read.identity) parts.insert(part);
    }
  }
  if (parts.empty()) return;
  std::erase_if(reads, [&](const ReadResult& read) {
    return !read.identity.empty() && parts.contains(read.identity);
  });
}

std::vector<ReadResult> read_inputs(std::vector<InputFile>& inputs, const LintRequest& request,
                                    const FileView& view, const std::string& forced_origin) {
  const TerraformVariables variables{read_variable_files(request.var_files, view),
                                     request.variables};
  const auto tasks = plan_reads(inputs);
  std::vector<ReadResult> reads(tasks.size());
  // Threads left over when there are fewer inputs than jobs read parts of large zone files.
  const auto threads_per_task = static_cast<unsigned>(
      std::max<std::size_t>(1, request.jobs / std::max<std::size_t>(1, tasks.size())));
  parallel_for(tasks.size(), request.jobs, [&](std::size_t i) {
    reads[i] = read_task(tasks[i], request, view, forced_origin, threads_per_task, variables);
  });
  drop_inputs_read_as_parts(reads);
  return reads;
}

}  // namespace dnslint
