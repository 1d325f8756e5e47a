#include "rules/mail_records.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <span>

#include "model/ascii.hpp"
#include "model/lookup.hpp"
#include "rules/common.hpp"

namespace dnslint {
namespace {

bool is_wsp(char c) { return c == ' ' || c == '\t'; }

}  // namespace

std::string_view trim_wsp(std::string_view text) {
  while (!text.empty() && is_wsp(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_wsp(text.back())) text.remove_suffix(1);
  return text;
}

std::string_view trim_white_space(std::string_view text) {
  while (!text.empty() && (is_wsp(text.front()) || text.front() == '\r' || text.front() == '\n'))
    text.remove_prefix(1);
  while (!text.empty() && (is_wsp(text.back()) || text.back() == '\r' || text.back() == '\n'))
    text.remove_suffix(1);
  return text;
}

namespace {

// A host name of letters, digits and hyphens in dot-separated labels (a trailing dot allowed).
bool is_domain(std::string_view host) {
  if (host.ends_with('.')) host.remove_suffix(1);
  if (host.empty() || host.size() > 253) return false;
  std::size_t label = 0;
  char previous = '.';
  for (char c : host) {
    if (c == '.') {
      if (label == 0 || previous == '-') return false;
      label = 0;
    } else if (ascii_is_alpha(c) || ascii_is_digit(c) || c == '_' || (c == '-' && label > 0)) {
      if (++label > 63) return false;
    } else {
      return false;
    }
    previous = c;
  }
  return label > 0 && previous != '-';
}

// The records at the end of `name`'s answer in `zone`, when it is an authoritative answer.
// The records at the end of the answer in `zone` for a name whose closest interned ancestor
// (itself, when `exact`) is `known`: a name never interned holds nothing, but a wildcard at its
// closest encloser may answer for it. `holder` is the zone that answers, when one does.
std::span<const std::uint32_t> answer_records(const Model& model, const Zone& zone, NameId known,
                                              bool exact, const Zone*& holder) {
  holder = nullptr;
  if (zone.delegation_at_or_above(model.names, known) != kNoName) return {};
  if (exact) {
    const Resolution resolution = resolve(model, known, &zone);
    if (!resolution.authoritative()) return {};
    holder = resolution.zone;
    return resolution.final_records;
  }
  // RFC 4592 §3.3.1: the closest encloser is the nearest ancestor that exists.
  NameId encloser = known;
  while (!zone.name_exists(encloser) && !model.names.is_root(encloser) && encloser != zone.origin)
    encloser = model.names.parent(encloser);
  holder = &zone;
  const NameId wildcard = zone.wildcard_below(encloser);
  if (wildcard == kNoName) return {};
  return zone.records_at(wildcard);
}

}  // namespace

std::string_view first_txt_string(const Record& record) {
  const auto* txt = std::get_if<TxtData>(&record.rdata);
  if (txt == nullptr) return {};
  const std::string_view wire = txt->wire.view();
  if (wire.empty()) return {};
  const std::size_t size =
      std::min<std::size_t>(static_cast<unsigned char>(wire[0]), wire.size() - 1);
  return wire.substr(1, size);
}

RecordAnswer lookup_records(const Model& model, std::string_view canonical_name, RRType type) {
  RecordAnswer answer;
  std::string_view walk = canonical_name;
  std::optional<NameId> known = model.names.find(walk);
  while (!known && walk != ".") {
    walk = parent_name(walk);
    known = model.names.find(walk);
  }
  if (!known) return answer;
  const Zone* zone = model.zone_for(*known);
  if (zone == nullptr) return answer;
  const Zone* holder = nullptr;
  const bool exact = walk == canonical_name;
  for (std::uint32_t index : answer_records(model, *zone, *known, exact, holder)) {
    const Record& record = holder->records[index];
    if (record.type == type) answer.records.push_back(&record);
  }
  answer.zone = holder;
  return answer;
}

std::string txt_text(const Record& record) {
  std::string text;
  if (const auto* txt = std::get_if<TxtData>(&record.rdata)) {
    text.reserve(txt->wire.view().size());
    txt->for_each_string([&](std::string_view part) { text += part; });
  }
  return text;
}

std::vector<std::size_t> txt_string_joins(const Record& record) {
  std::vector<std::size_t> ends;
  if (const auto* txt = std::get_if<TxtData>(&record.rdata)) {
    std::size_t offset = 0;
    txt->for_each_string([&](std::string_view part) { ends.push_back(offset += part.size()); });
  }
  if (!ends.empty()) ends.pop_back();  // the last string's end is the text's
  return ends;
}

bool is_spf(std::string_view text) {
  return starts_with_ignoring_case(text, "v=spf1") && (text.size() == 6 || text[6] == ' ');
}

bool starts_as_dmarc(std::string_view text) {
  if (text.empty() || ascii_lower(text[0]) != 'v') return false;
  text.remove_prefix(1);
  while (!text.empty() && is_wsp(text.front())) text.remove_prefix(1);
  if (!text.starts_with('=')) return false;
  text.remove_prefix(1);
  while (!text.empty() && is_wsp(text.front())) text.remove_prefix(1);
  if (!text.starts_with("DMARC1")) return false;
  text.remove_prefix(6);
  return text.empty() || text.front() == ';' || is_wsp(text.front());
}

template <typename T>
std::span<const T> TxtRecords::StableRuns<T>::keep(std::span<const T> run) {
  if (run.empty()) return {};
  // Chunks grow to a few MB: a small zone takes little, a large one few allocations.
  constexpr std::size_t kLargestChunk = std::size_t{1} << 17;
  if (chunks_.empty() || chunks_.back().capacity() - chunks_.back().size() < run.size()) {
    const std::size_t last = chunks_.empty() ? 64 : chunks_.back().capacity();
    chunks_.emplace_back().reserve(std::max(run.size(), std::min(2 * last, kLargestChunk)));
  }
  std::vector<T>& chunk = chunks_.back();
  const std::size_t at = chunk.size();
  chunk.insert(chunk.end(), run.begin(), run.end());
  return std::span<const T>(chunk).subspan(at, run.size());
}

TxtRecords::TxtRecords(const Model& model) {
  // As many as the zones hold, at most: both arrays are made once, at their size.
  std::size_t most_sets = 0;
  std::size_t most_records = 0;
  for (const Zone& zone : model.zones) {
    for (const Zone::IndexRange range : zone.rrsets(rrtype::TXT)) {
      ++most_sets;
      most_records += range.end - range.begin;
    }
  }
  sets.reserve(most_sets);
  records.reserve(most_records);
  SpfRecord parsed;
  std::vector<PackedSpfTerm> packed;
  for_each_rrset(
      model, rrtype::TXT, [&](const Zone& zone, NameId owner, std::span<const std::uint32_t> set) {
        const auto begin = static_cast<std::uint32_t>(records.size());
        for (std::uint32_t index : set) {
          const Record& record = zone.records[index];
          // One string: its text is the record's data as it is, with nothing to copy.
          std::string_view text = first_txt_string(record);
          if (text.size() + 1 != std::get<TxtData>(record.rdata).wire.view().size()) {
            const std::string joined = txt_text(record);
            const std::span<const char> kept = joined_.keep(joined);
            text = std::string_view(kept.data(), kept.size());
          }
          TxtRecord& kept = records.emplace_back(&record, text);
          if (!is_spf(text)) continue;
          parse_spf(text, parsed);
          packed.clear();
          for (const SpfTerm& term : parsed.terms)
            packed.push_back(PackedSpfTerm::pack(text, term));
          const auto terms = spf_terms_.keep(packed);
          const auto problems = spf_problems_.keep(parsed.problems);
          kept.spf_terms_ = terms.data();
          kept.spf_term_count_ = static_cast<std::uint32_t>(terms.size());
          kept.spf_problems_ = problems.data();
          kept.spf_problem_count_ = static_cast<std::uint32_t>(problems.size());
        }
        sets.push_back({&zone, owner, begin, static_cast<std::uint32_t>(records.size())});
      });
}

Rule reading_txt_records(Rule rule) {
  rule.reads.emplace_back(typeid(TxtRecords));
  return rule;
}

void for_each_txt_set(
    const Model& model, const std::function<bool(std::string_view owner)>& owner_filter,
    const std::function<bool(std::string_view text)>& select,
    const std::function<void(const Zone&, NameId owner, std::span<const TxtRecord>)>& visit) {
  const auto shared = model.derived.get<TxtRecords>(model);
  const TxtRecords& txt = *shared;
  std::vector<TxtRecord> selected;
  for (const TxtRecords::Set& set : txt.sets) {
    if (owner_filter && !owner_filter(model.name(set.owner))) continue;
    const auto records =
        std::span<const TxtRecord>(txt.records).subspan(set.begin, set.end - set.begin);
    selected.clear();
    for (const TxtRecord& record : records) {
      if (select(record.text)) selected.push_back(record);
    }
    // Most sets are taken whole, as they are kept.
    if (selected.size() == records.size()) {
      visit(*set.zone, set.owner, records);
    } else if (!selected.empty()) {
      visit(*set.zone, set.owner, selected);
    }
  }
}

std::function<bool(std::string_view)> first_labels(std::string_view labels) {
  return [labels](std::string_view owner) {
    return owner.size() > labels.size() && starts_with_ignoring_case(owner, labels) &&
           owner[labels.size()] == '.';
  };
}

std::function<bool(std::string_view)> selector_under(std::string_view label) {
  return [under = first_labels(label)](std::string_view owner) {
    for (std::size_t dot = owner.find('.'); dot != std::string_view::npos && dot + 1 < owner.size();
         dot = owner.find('.', dot + 1)) {
      if (under(owner.substr(dot + 1))) return true;
    }
    return false;
  };
}

std::string_view below_labels(std::string_view owner, std::size_t count) {
  for (std::size_t i = 0; i < count && owner != "."; ++i) owner = parent_name(owner);
  return owner;
}

void report_versioned_records(const Model& model, Reporter& reporter, const Zone& zone,
                              NameId owner, std::string_view domain,
                              std::span<const TxtRecord> records, std::string_view kind,
                              std::string_view version, std::string_view consequence,
                              TextProblems (*problems_of)(std::string_view text)) {
  std::vector<const TxtRecord*> versioned;
  for (const TxtRecord& record : records) {
    if (starts_with_version(record.text, version)) versioned.push_back(&record);
    for (const auto& [problem, text] : problems_of(record.text)) {
      OpenFinding& finding = reporter.report(
          zone, *record.record, fmt::format("{} record of {}: {}", kind, domain, problem));
      reporter.focus(finding, text);
    }
  }
  if (versioned.size() < 2) return;
  OpenFinding& finding =
      reporter.report(zone, *versioned[1]->record,
                      fmt::format("{} has {} {} records; {}: keep one", model.name(owner),
                                  versioned.size(), kind, consequence));
  reporter.relate(finding, versioned[0]->record->location, fmt::format("another {} record", kind));
}

bool starts_with_version(std::string_view text, std::string_view version) {
  return text.starts_with(version) && (text.size() == version.size() ||
                                       text[version.size()] == ';' || is_wsp(text[version.size()]));
}

const Field* FieldList::find(std::string_view name) const {
  for (const Field& field : fields) {
    if (field.name == name) return &field;
  }
  return nullptr;
}

FieldList parse_field_list(std::string_view text, std::string_view version) {
  FieldList list;
  std::size_t end = text.find(';');
  const std::string_view first = text.substr(0, end);
  if (!starts_with_version(text, version) || trim_wsp(first) != version) {
    list.problems.emplace_back(
        fmt::format("the record does not start with {} (exactly, then ';'): senders discard it",
                    version),
        first);
    return list;
  }
  list.versioned = true;
  while (end != std::string_view::npos) {
    const std::size_t start = end + 1;
    end = text.find(';', start);
    const std::string_view part = trim_wsp(text.substr(start, end - start));
    if (part.empty()) {
      // Only the last ";" may end the record with nothing after it.
      if (end != std::string_view::npos)
        list.problems.emplace_back("an empty field between two ';'", text.substr(start - 1, 2));
      continue;
    }
    const std::size_t equals = part.find('=');
    if (equals == std::string_view::npos) {
      list.problems.emplace_back(fmt::format("'{}' is not a name=value field", part), part);
      continue;
    }
    const std::string_view name = part.substr(0, equals);
    const std::string_view value = part.substr(equals + 1);
    if ((!name.empty() && is_wsp(name.back())) || (!value.empty() && is_wsp(value.front()))) {
      list.problems.emplace_back(
          fmt::format("'{}' has white space around '=', which the record's grammar does not "
                      "allow",
                      part),
          part);
    }
    list.fields.push_back({trim_wsp(name), trim_wsp(value), part});
  }
  return list;
}

bool is_extension_field(const Field& field) {
  const std::string_view name = field.name;
  const bool good_name = !name.empty() && name.size() <= 32 && ascii_is_alnum(name[0]) &&
                         std::all_of(name.begin(), name.end(), [](char c) {
                           return ascii_is_alnum(c) || c == '_' || c == '-' || c == '.';
                         });
  const bool good_value =
      !field.value.empty() && std::all_of(field.value.begin(), field.value.end(), [](char c) {
        return c > 0x20 && c < 0x7f && c != ';' && c != '=';
      });
  return good_name && good_value;
}

const Tag* TagList::find(std::string_view name) const {
  for (const Tag& tag : tags) {
    if (tag.name == name) return &tag;
  }
  return nullptr;
}

// RFC 6376 §3.2: tag-list = tag-spec *( ";" tag-spec ) [ ";" ], tag-spec = [FWS] tag-name
// [FWS] "=" [FWS] tag-value [FWS], tag-name = ALPHA *ALNUMPUNC. An empty part between two
// semicolons is skipped, as receivers do.
TagList parse_tag_list(std::string_view text) {
  TagList list;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(';', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view part = trim_white_space(text.substr(start, end - start));
    start = end + 1;
    if (part.empty()) continue;
    const std::size_t equals = part.find('=');
    if (equals == std::string_view::npos) {
      if (!list.problem) {
        list.problem = fmt::format("'{}' is not a tag=value pair", part);
        list.problem_text = part;
      }
      continue;
    }
    const std::string_view name = trim_white_space(part.substr(0, equals));
    const std::string_view value = trim_white_space(part.substr(equals + 1));
    const bool good_name = !name.empty() && ascii_is_alpha(name[0]) &&
                           std::all_of(name.begin(), name.end(), [](char c) {
                             return ascii_is_alpha(c) || ascii_is_digit(c) || c == '_';
                           });
    if (!good_name && !list.problem) {
      list.problem = fmt::format("'{}' is not a tag name", name);
      list.problem_text = part;
    }
    // RFC 6376 §3.2: a tag given twice makes the whole list invalid.
    if (good_name && list.find(name) != nullptr && !list.problem) {
      list.problem = fmt::format("the tag '{}' is given twice", name);
      list.problem_text = part;
    }
    list.tags.push_back({name, value, part});
  }
  return list;
}

std::vector<std::string_view> split_list(std::string_view text, char separator) {
  std::vector<std::string_view> items;
  if (trim_white_space(text).empty()) return items;
  while (true) {
    const std::size_t at = text.find(separator);
    items.push_back(trim_white_space(text.substr(0, at)));
    if (at == std::string_view::npos) return items;
    text.remove_prefix(at + 1);
  }
}

std::optional<std::string> check_report_uri(std::string_view uri, bool size_allowed) {
  if (size_allowed) {
    // RFC 7489 §6.4: dmarc-uri = URI [ "!" 1*DIGIT [ "k" / "m" / "g" / "t" ] ].
    if (const std::size_t bang = uri.rfind('!'); bang != std::string_view::npos) {
      std::string_view size = uri.substr(bang + 1);
      uri = uri.substr(0, bang);
      if (!size.empty() && std::string_view("kmgtKMGT").find(size.back()) != std::string_view::npos)
        size.remove_suffix(1);
      if (size.empty() || !std::all_of(size.begin(), size.end(), ascii_is_digit))
        return "the size limit after '!' is not a number with an optional k, m, g or t";
    }
  }
  if (starts_with_ignoring_case(uri, "mailto:")) {
    if (!mailto_domain(uri)) return fmt::format("'{}' is not a mailto: URI of one address", uri);
    return std::nullopt;
  }
  if (starts_with_ignoring_case(uri, "https://")) {
    std::string_view host = uri.substr(8);
    host = host.substr(0, host.find_first_of("/?#"));
    if (const std::size_t colon = host.rfind(':'); colon != std::string_view::npos) {
      const std::string_view port = host.substr(colon + 1);
      if (port.empty() || !std::all_of(port.begin(), port.end(), ascii_is_digit))
        return fmt::format("'{}' has a bad port", uri);
      host = host.substr(0, colon);
    }
    if (!is_domain(host)) return fmt::format("'{}' names no host", uri);
    if (std::any_of(uri.begin(), uri.end(),
                    [](char c) { return static_cast<unsigned char>(c) <= ' ' || c == '"'; }))
      return fmt::format("'{}' holds white space or a quote", uri);
    return std::nullopt;
  }
  return fmt::format("'{}' is neither a mailto: nor an https: URI", uri);
}

std::optional<std::string> mailto_domain(std::string_view uri) {
  if (!starts_with_ignoring_case(uri, "mailto:")) return std::nullopt;
  std::string_view address = uri.substr(7);
  address = address.substr(0, address.find('?'));
  const std::size_t at = address.rfind('@');
  if (at == std::string_view::npos || at == 0) return std::nullopt;
  const std::string_view local = address.substr(0, at);
  const std::string_view domain = address.substr(at + 1);
  if (local.find_first_of(" ,<>\"") != std::string_view::npos || !is_domain(domain))
    return std::nullopt;
  std::string canonical = to_ascii_lower(domain);
  if (!canonical.ends_with('.')) canonical += '.';
  return canonical;
}

namespace {

std::string_view last_two_labels(std::string_view name) {
  std::string_view tail = name;
  while (true) {
    const std::string_view up = parent_name(tail);
    if (up == "." || parent_name(up) == ".") return tail;
    tail = up;
  }
}

}  // namespace

bool same_organisation(std::string_view a, std::string_view b) {
  return last_two_labels(a) == last_two_labels(b);
}

void for_each_external_report(const Model& model,
                              const std::function<void(const ExternalReport&)>& visit) {
  for_each_txt_set(model, first_labels("_dmarc"), starts_as_dmarc,
                   [&](const Zone& zone, NameId owner, std::span<const TxtRecord> records) {
                     if (records.size() != 1) return;
                     const TxtRecord& dmarc = records.front();
                     const std::string_view domain = below_labels(model.name(owner), 1);
                     const TagList list = parse_tag_list(dmarc.text);
                     for (std::string_view name : {"rua", "ruf"}) {
                       const Tag* tag = list.find(name);
                       if (tag == nullptr) continue;
                       for (std::string_view uri : split_list(tag->value, ',')) {
                         auto destination = mailto_domain(uri.substr(0, uri.find('!')));
                         if (!destination || same_organisation(*destination, domain)) continue;
                         std::string authorisation =
                             fmt::format("{}_report._dmarc.{}", domain, *destination);
                         visit({&zone, dmarc.record, name, uri, domain, std::move(*destination),
                                std::move(authorisation)});
                       }
                     }
                   });
}

}  // namespace dnslint
