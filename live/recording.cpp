#include "live/recording.hpp"

#include <fmt/format.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <fstream>
#include <sstream>

#include "live/wire.hpp"
#include "model/ascii.hpp"
#include "model/rrtype.hpp"

namespace dnslint::live {
namespace {

constexpr std::string_view kResolver = "resolver";
constexpr std::string_view kTransfer = "AXFR";
constexpr std::string_view kSmtp = "SMTP";
constexpr std::string_view kHttps = "HTTPS";

std::string server_key(const Question& question) {
  return question.asked == Asked::resolver ? std::string(kResolver) : question.server.text();
}

std::string key_of(std::string_view server, std::string_view name, std::string_view type) {
  return fmt::format("{} {} {}", server, to_ascii_lower(name), type);
}

constexpr std::array<std::pair<Outcome, std::string_view>, 5> kOutcomes{{
    {Outcome::answered, "answered"},
    {Outcome::timeout, "timeout"},
    {Outcome::refused, "refused"},
    {Outcome::failed, "failed"},
    {Outcome::not_recorded, "not-recorded"},
}};

std::string_view outcome_name(Outcome outcome) {
  for (const auto& [value, name] : kOutcomes)
    if (value == outcome) return name;
  return "failed";
}

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void write_string(Writer& writer, std::string_view text) {
  writer.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
}

void write_records(Writer& writer, std::string_view key, const std::vector<ServedRecord>& records) {
  write_string(writer, key);
  writer.StartArray();
  for (const ServedRecord& record : records) write_string(writer, record.text);
  writer.EndArray();
}

// The head every line has: who was asked what, and what came of it.
void write_head(Writer& writer, std::string_view server, std::string_view name,
                std::string_view type, Outcome outcome, std::string_view error,
                std::uint8_t rcode) {
  writer.StartObject();
  write_string(writer, "server");
  write_string(writer, server);
  write_string(writer, "name");
  write_string(writer, name);
  write_string(writer, "type");
  write_string(writer, type);
  write_string(writer, "outcome");
  write_string(writer, outcome_name(outcome));
  if (outcome != Outcome::answered) {
    write_string(writer, "error");
    write_string(writer, error);
  } else if (type != kSmtp && type != kHttps) {
    write_string(writer, "rcode");
    write_string(writer, rcode_name(rcode));
  }
}

// One line of a recording, read.
class Line {
 public:
  Line(const rapidjson::Value& value, std::string where)
      : value_(value), where_(std::move(where)) {}

  std::string text(const char* field, bool required = true) const {
    const auto member = value_.FindMember(field);
    if (member == value_.MemberEnd()) {
      if (required) fail(fmt::format("no \"{}\"", field));
      return {};
    }
    if (!member->value.IsString()) fail(fmt::format("\"{}\" is no string", field));
    return {member->value.GetString(), member->value.GetStringLength()};
  }
  int number(const char* field) const {
    const auto member = value_.FindMember(field);
    if (member == value_.MemberEnd()) fail(fmt::format("no \"{}\"", field));
    if (!member->value.IsInt()) fail(fmt::format("\"{}\" is no whole number", field));
    return member->value.GetInt();
  }
  bool flag(const char* field) const {
    const auto member = value_.FindMember(field);
    if (member == value_.MemberEnd()) return false;
    if (!member->value.IsBool()) fail(fmt::format("\"{}\" is no true or false", field));
    return member->value.GetBool();
  }
  std::vector<std::string> strings(const char* field) const {
    std::vector<std::string> out;
    const auto member = value_.FindMember(field);
    if (member == value_.MemberEnd()) return out;
    if (!member->value.IsArray()) fail(fmt::format("\"{}\" is no list", field));
    for (const auto& item : member->value.GetArray()) {
      if (!item.IsString()) fail(fmt::format("an item of \"{}\" is no string", field));
      out.emplace_back(item.GetString(), item.GetStringLength());
    }
    return out;
  }
  std::vector<ServedRecord> records(const char* field) const {
    std::vector<ServedRecord> out;
    const auto member = value_.FindMember(field);
    if (member == value_.MemberEnd()) return out;
    if (!member->value.IsArray()) fail(fmt::format("\"{}\" is no list", field));
    for (const auto& item : member->value.GetArray()) {
      if (!item.IsString()) fail(fmt::format("an item of \"{}\" is no string", field));
      auto parsed = record_from_text(std::string_view(item.GetString(), item.GetStringLength()));
      if (!parsed.record)
        fail(fmt::format("\"{}\" is no record: {}", item.GetString(), parsed.error));
      out.push_back(std::move(*parsed.record));
    }
    return out;
  }
  Outcome outcome() const {
    const std::string name = text("outcome");
    for (const auto& [value, known] : kOutcomes)
      if (known == name) return value;
    fail(fmt::format("unknown outcome \"{}\"", name));
  }
  std::uint8_t rcode() const {
    const std::string name = text("rcode");
    for (unsigned code = 0; code < 24; ++code)
      if (rcode_name(static_cast<std::uint8_t>(code)) == name)
        return static_cast<std::uint8_t>(code);
    fail(fmt::format("unknown rcode \"{}\"", name));
  }
  [[noreturn]] void fail(const std::string& why) const {
    throw RecordingError(fmt::format("{}: {}", where_, why));
  }

 private:
  const rapidjson::Value& value_;
  std::string where_;
};

// What the recording holds under `key`, or an answer saying it holds none (`what`: "answer").
template <typename Result>
Result replayed(const std::map<std::string, Result>& recorded, const std::string& key,
                std::string_view what, const std::string& recording) {
  const auto found = recorded.find(key);
  if (found != recorded.end()) return found->second;
  Result missing;
  missing.outcome = Outcome::not_recorded;
  missing.error = fmt::format("no {} in {}", what, recording);
  return missing;
}

}  // namespace

std::vector<Answer> RecordingNetwork::ask(const std::vector<Question>& questions) {
  std::vector<Answer> answers = inner_->ask(questions);
  for (std::size_t i = 0; i < questions.size(); ++i) {
    const Question& question = questions[i];
    const Answer& answer = answers[i];
    const std::string server = server_key(question);
    const std::string type = type_name(question.type);
    rapidjson::StringBuffer buffer;
    Writer writer(buffer);
    write_head(writer, server, question.name, type, answer.outcome, answer.error, answer.rcode);
    if (answer.outcome == Outcome::answered) {
      write_string(writer, "aa");
      writer.Bool(answer.authoritative);
      write_records(writer, "answer", answer.answer);
      write_records(writer, "authority", answer.authority);
    }
    writer.EndObject();
    lines_[key_of(server, question.name, type)] = buffer.GetString();
  }
  return answers;
}

Transfer RecordingNetwork::transfer(const Endpoint& server, const std::string& zone) {
  Transfer transfer = inner_->transfer(server, zone);
  rapidjson::StringBuffer buffer;
  Writer writer(buffer);
  write_head(writer, server.text(), zone, kTransfer, transfer.outcome, transfer.error,
             transfer.rcode);
  if (transfer.outcome == Outcome::answered) write_records(writer, "records", transfer.records);
  writer.EndObject();
  lines_[key_of(server.text(), zone, kTransfer)] = buffer.GetString();
  return transfer;
}

SmtpProbe RecordingNetwork::probe_smtp(const Endpoint& server, const std::string& exchange) {
  SmtpProbe probe = inner_->probe_smtp(server, exchange);
  rapidjson::StringBuffer buffer;
  Writer writer(buffer);
  write_head(writer, server.text(), exchange, kSmtp, probe.outcome, probe.error, 0);
  if (probe.outcome == Outcome::answered) {
    write_string(writer, "error");
    write_string(writer, probe.error);
    write_string(writer, "banner");
    write_string(writer, probe.banner);
    write_string(writer, "starttls");
    writer.Bool(probe.starttls_offered);
    write_string(writer, "tls");
    writer.Bool(probe.tls);
    write_string(writer, "tls_error");
    write_string(writer, probe.tls_error);
    write_string(writer, "verify_error");
    write_string(writer, probe.verify_error);
    write_string(writer, "names");
    writer.StartArray();
    for (const std::string& name : probe.names) write_string(writer, name);
    writer.EndArray();
  }
  writer.EndObject();
  lines_[key_of(server.text(), exchange, kSmtp)] = buffer.GetString();
  return probe;
}

HttpsFetch RecordingNetwork::fetch_https(const Endpoint& server, const std::string& host,
                                         const std::string& path, std::size_t limit) {
  HttpsFetch fetch = inner_->fetch_https(server, host, path, limit);
  const std::string url = "https://" + host + path;
  rapidjson::StringBuffer buffer;
  Writer writer(buffer);
  write_head(writer, server.text(), url, kHttps, fetch.outcome, fetch.error, 0);
  if (fetch.outcome == Outcome::answered) {
    write_string(writer, "verify_error");
    write_string(writer, fetch.verify_error);
    write_string(writer, "status");
    writer.Int(fetch.status);
    write_string(writer, "content_type");
    write_string(writer, fetch.content_type);
    write_string(writer, "location");
    write_string(writer, fetch.location);
    write_string(writer, "body");
    write_string(writer, fetch.body);
  }
  writer.EndObject();
  lines_[key_of(server.text(), url, kHttps)] = buffer.GetString();
  return fetch;
}

void RecordingNetwork::save() const {
  std::ofstream out(path_, std::ios::binary | std::ios::trunc);
  for (const auto& [key, line] : lines_) out << line << '\n';
  out.close();
  if (!out) throw RecordingError(fmt::format("{}: cannot be written", path_.string()));
}

ReplayNetwork::ReplayNetwork(std::string_view text, std::string name) : name_(std::move(name)) {
  std::size_t number = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view raw = text.substr(start, end - start);
    start = end + 1;
    ++number;
    if (raw.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    rapidjson::Document document;
    document.Parse(raw.data(), raw.size());
    const std::string where = fmt::format("{}:{}", name_, number);
    if (document.HasParseError() || !document.IsObject())
      throw RecordingError(fmt::format("{}: not a JSON object", where));
    const Line line(document, where);
    const std::string server = line.text("server");
    const std::string owner = line.text("name");
    const std::string type = line.text("type");
    if (server != kResolver && !parse_endpoint(server))
      line.fail(fmt::format("\"{}\" is neither \"resolver\" nor ADDRESS:PORT", server));
    if (type != kTransfer && type != kSmtp && type != kHttps && !type_from_name(type))
      line.fail(fmt::format("unknown type \"{}\"", type));
    const std::string key = key_of(server, owner, type);
    const Outcome outcome = line.outcome();
    if (type == kHttps) {
      HttpsFetch fetch;
      fetch.outcome = outcome;
      if (outcome == Outcome::answered) {
        fetch.verify_error = line.text("verify_error", false);
        fetch.status = line.number("status");
        fetch.content_type = line.text("content_type", false);
        fetch.location = line.text("location", false);
        fetch.body = line.text("body", false);
      } else {
        fetch.error = line.text("error");
      }
      fetches_[key] = std::move(fetch);
      continue;
    }
    if (type == kSmtp) {
      SmtpProbe probe;
      probe.outcome = outcome;
      probe.error = line.text("error", outcome != Outcome::answered);
      if (outcome == Outcome::answered) {
        probe.banner = line.text("banner", false);
        probe.starttls_offered = line.flag("starttls");
        probe.tls = line.flag("tls");
        probe.tls_error = line.text("tls_error", false);
        probe.verify_error = line.text("verify_error", false);
        probe.names = line.strings("names");
      }
      probes_[key] = std::move(probe);
      continue;
    }
    if (type == kTransfer) {
      Transfer transfer;
      transfer.outcome = outcome;
      if (outcome == Outcome::answered) {
        transfer.rcode = line.rcode();
        transfer.records = line.records("records");
      } else {
        transfer.error = line.text("error");
      }
      transfers_[key] = std::move(transfer);
      continue;
    }
    Answer answer;
    answer.outcome = outcome;
    if (outcome == Outcome::answered) {
      answer.rcode = line.rcode();
      answer.authoritative = line.flag("aa");
      answer.answer = line.records("answer");
      answer.authority = line.records("authority");
    } else {
      answer.error = line.text("error");
    }
    answers_[key] = std::move(answer);
  }
}

std::vector<Answer> ReplayNetwork::ask(const std::vector<Question>& questions) {
  std::vector<Answer> out;
  out.reserve(questions.size());
  for (const Question& question : questions) {
    ++asked_;
    out.push_back(replayed(answers_,
                           key_of(server_key(question), question.name, type_name(question.type)),
                           "answer", name_));
  }
  return out;
}

Transfer ReplayNetwork::transfer(const Endpoint& server, const std::string& zone) {
  ++asked_;
  return replayed(transfers_, key_of(server.text(), zone, kTransfer), "transfer", name_);
}

SmtpProbe ReplayNetwork::probe_smtp(const Endpoint& server, const std::string& exchange) {
  ++asked_;
  return replayed(probes_, key_of(server.text(), exchange, kSmtp), "SMTP dialogue", name_);
}

HttpsFetch ReplayNetwork::fetch_https(const Endpoint& server, const std::string& host,
                                      const std::string& path, std::size_t limit) {
  ++asked_;
  HttpsFetch fetch = replayed(fetches_, key_of(server.text(), "https://" + host + path, kHttps),
                              "HTTPS response", name_);
  if (fetch.body.size() > limit + 1) fetch.body.resize(limit + 1);
  return fetch;
}

std::unique_ptr<Network> replay_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw RecordingError(fmt::format("{}: cannot be read", path.string()));
  std::ostringstream text;
  text << in.rdbuf();
  return std::make_unique<ReplayNetwork>(text.str(), path.string());
}

}  // namespace dnslint::live
