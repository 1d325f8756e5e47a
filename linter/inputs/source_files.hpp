// The text of the files a run read, line by line, read again when asked for: to place a
// finding on the term it is about (Finding::focus) and to print source lines under findings.
// Standard input cannot be read twice, so the run keeps its text (LintResult::unsaved_texts).
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "linter/inputs/paths.hpp"
#include "model/finding.hpp"

namespace dnslint {

class SourceFiles {
 public:
  // `files`: display paths by FileId; `unsaved`: texts by display path that are not on disk.
  // Both are kept by reference, and must outlive the SourceFiles.
  SourceFiles(const std::vector<std::string>& files, const std::filesystem::path& path_root,
              const std::map<std::string, std::string>& unsaved);

  // The file's lines without their line ends; empty when it cannot be read.
  const std::vector<std::string>& lines(FileId file);

 private:
  const std::vector<std::string>& files_;
  PathDisplay display_;
  const std::map<std::string, std::string>& unsaved_;
  std::map<FileId, std::vector<std::string>> lines_;
};

// Narrows each finding that has a focus to where that text stands within the finding's span
// in its source, the first time it does; a focus not written there literally (split across
// strings, escaped) leaves the finding on its whole record. Reads each file involved once, and
// keeps only the lines the findings span. `files` and `unsaved` as for SourceFiles.
void place_focus(std::vector<Finding>& findings, const std::vector<std::string>& files,
                 const std::filesystem::path& path_root,
                 const std::map<std::string, std::string>& unsaved);

}  // namespace dnslint
