// Recorded answers (`dnslint verify --record FILE` / `--replay FILE`): every question a run
// asked with the answer it got, one JSON object a line (docs/usage.md shows the form), so that
// a report can be reproduced and the checks tested without any traffic.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>

#include "live/network.hpp"

namespace dnslint::live {

// A recording that cannot be read or written; its message names the file and line.
class RecordingError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Asks `inner` and keeps every exchange; save() writes them, sorted, to `path`.
class RecordingNetwork final : public Network {
 public:
  RecordingNetwork(std::unique_ptr<Network> inner, std::filesystem::path path)
      : inner_(std::move(inner)), path_(std::move(path)) {}
  std::vector<Answer> ask(const std::vector<Question>& questions) override;
  Transfer transfer(const Endpoint& server, const std::string& zone) override;
  SmtpProbe probe_smtp(const Endpoint& server, const std::string& exchange) override;
  HttpsFetch fetch_https(const Endpoint& server, const std::string& host, const std::string& path,
                         std::size_t limit) override;
  std::size_t questions_asked() const override { return inner_->questions_asked(); }
  // Throws RecordingError.
  void save() const;

 private:
  std::unique_ptr<Network> inner_;
  std::filesystem::path path_;
  std::map<std::string, std::string> lines_;  // by question
};

// Answers from a recording. Throws RecordingError when it cannot be read.
class ReplayNetwork final : public Network {
 public:
  // `text` is the recording; `name` how messages name it.
  ReplayNetwork(std::string_view text, std::string name);
  std::vector<Answer> ask(const std::vector<Question>& questions) override;
  Transfer transfer(const Endpoint& server, const std::string& zone) override;
  SmtpProbe probe_smtp(const Endpoint& server, const std::string& exchange) override;
  HttpsFetch fetch_https(const Endpoint& server, const std::string& host, const std::string& path,
                         std::size_t limit) override;
  std::size_t questions_asked() const override { return asked_; }

 private:
  std::string name_;
  std::map<std::string, Answer> answers_;  // by question
  std::map<std::string, Transfer> transfers_;
  std::map<std::string, SmtpProbe> probes_;
  std::map<std::string, HttpsFetch> fetches_;
  std::size_t asked_ = 0;
};

// Reads the file at `path` into a ReplayNetwork. Throws RecordingError.
std::unique_ptr<Network> replay_file(const std::filesystem::path& path);

}  // namespace dnslint::live
