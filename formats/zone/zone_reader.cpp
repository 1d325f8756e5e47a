#include "formats/zone/zone_reader.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "formats/suppressions.hpp"
#include "formats/zone/generate.hpp"
#include "formats/zone/presentation_checks.hpp"
#include "formats/zone/rdata_parser.hpp"
#include "formats/zone/spare_capacity.hpp"
#include "formats/zone/ttl.hpp"
#include "formats/zone/zone_scanner.hpp"
#include "model/ascii.hpp"
#include "model/reported_rules.hpp"

namespace dnslint {
namespace {

constexpr std::string_view kSyntaxError = rule_id::syntax_error;
constexpr std::string_view kIncludeError = rule_id::include_error;
// A zone line is rarely shorter than 20 bytes, so a file holds at most about one record (and
// one new owner) per 20 bytes: record and name arrays reserved for that many never regrow (and
// briefly hold twice their size), and their pages never written cost nothing.
constexpr std::size_t kBytesPerRecord = 20;
// The name index is written whole when made, so it is sized for a likely count: a name per
// 64 bytes (an owner with a record or two, as in hosting zones; zones with more per owner need
// fewer). Zones of denser names regrow it once or twice.
constexpr std::size_t kBytesPerName = 64;
// How much of a file is read between two calls of ZoneReadOptions::release_text.
constexpr std::size_t kReleaseBytes = 256 * 1024;

// A token quoted for a message.
std::string quoted(std::string_view text) { return fmt::format("'{}'", printable_excerpt(text)); }

// What a reader carries from one entry to the next, besides the last owner. A part of a file
// read in parallel starts from the state the head of the file left, and is joined only when
// the reader before it ended in that same state.
struct CarriedState {
  std::string origin;  // canonical, or empty when none is known
  // $TTL, then what resolve_ttl falls back on without one.
  std::optional<std::uint32_t> default_ttl;
  std::optional<std::uint32_t> last_explicit_ttl;
  std::optional<std::uint32_t> soa_minimum;
  // The class of the SOA: a record that states none is of the zone's class, as in BIND.
  std::optional<RRClass> zone_class;
  bool saw_record = false;
  bool missing_origin_reported = false;
  bool missing_ttl_reported = false;
  bool operator==(const CarriedState&) const = default;
};

// The first byte of a line a part may start at: one that opens a record with its own owner
// (not white space, a comment, a directive or a parenthesis), so that nothing of the part
// depends on the line before.
bool opens_owner_line(char c) {
  return c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != ';' && c != '$' && c != '(' &&
         c != ')';
}

struct ZoneReadPart;

class ZoneReader {
 public:
  ZoneReader(const ZoneReadOptions& options, ZoneReadResult& result)
      : options_(options), result_(result) {
    state_.origin = options.origin;
  }

  void read(std::string_view content) {
    result_.files.push_back(options_.display_path);
    include_stack_.push_back(options_.identity);
    result_.zone.records.reserve(content.size() / kBytesPerRecord);
    result_.names.reserve(content.size() / kBytesPerRecord, content.size() / kBytesPerName);
    if (options_.threads > 1 && content.size() >= 2 * options_.min_part_bytes) {
      collect_suppressions(content, 0);
      read_in_parts(content);
    } else {
      read_file(content, 0);
    }
    finish();
  }

  // Reads `content` from line 1 at `begin` up to the first entry that starts at or after
  // `end`, from `state`, as one part of a file read in parallel.
  void read_part(std::string_view content, std::size_t begin, std::size_t end,
                 const CarriedState& state, ZoneReadPart& part);

 private:
  void collect_suppressions(std::string_view content, FileId file) {
    for (auto& suppression : find_suppressions(content, file, ';')) {
      result_.suppressions.push_back(std::move(suppression));
    }
  }

  void read_file(std::string_view content, FileId file) {
    collect_suppressions(content, file);
    ZoneScanner scanner(content);
    read_entries(scanner, file);
  }

  void read_in_parts(std::string_view content);
  std::vector<std::size_t> part_starts(std::string_view content, std::size_t from) const;
  void join(ZoneReadPart& part, ZoneScanner& scanner);

  // The state as parts compare it: once there is a $TTL, the last explicit TTL and the SOA
  // minimum decide no TTL, so they do not count.
  CarriedState carried_state() const {
    CarriedState state = state_;
    if (state.default_ttl) {
      state.last_explicit_ttl.reset();
      state.soa_minimum.reset();
    }
    return state;
  }

  void read_entries(ZoneScanner& scanner, FileId file) {
    Entry entry;
    std::vector<ScanError> scan_errors;
    // Only the file's own text is released: included files are read whole, on their own.
    const bool releases = file == 0 && options_.release_text;
    std::size_t read_from = scanner.position();
    while (!needs_order_ && !stopped_ && scanner.next(entry, scan_errors)) {
      report_scan_errors(scan_errors, file);
      const Token& first = entry.tokens.front();
      if (!entry.starts_with_blank && !first.quoted && first.text.starts_with('$')) {
        directive(entry, file);
      } else {
        record(entry.tokens, entry.starts_with_blank, file);
      }
      if (releases && scanner.position() - read_from >= kReleaseBytes) {
        options_.release_text(read_from, scanner.position());
        read_from = scanner.position();
      }
    }
    report_scan_errors(scan_errors, file);
  }

  void report_scan_errors(std::vector<ScanError>& errors, FileId file) {
    for (const ScanError& error : errors) {
      add_finding(kSyntaxError,
                  SourceLocation{file, error.line, error.column, error.line, error.end_column},
                  error.message);
    }
    errors.clear();
  }

  void add_finding(std::string_view rule, const SourceLocation& location, std::string message) {
    if (stopped_) return;
    Finding finding;
    finding.rule = rule;
    finding.message = std::move(message);
    finding.location = location;
    result_.findings.push_back(std::move(finding));
    if (rule == kSyntaxError && ++syntax_errors_ == kMostSyntaxErrors) stop(location);
  }

  // A file this broken is not a zone file worth reading to its end (random bytes, a binary
  // read as text): one last finding says where reading stopped, and what was not read is
  // unknown, so the zone is not whole.
  void stop(const SourceLocation& location) {
    if (is_part_) {
      needs_order_ = true;  // counted again in order, where the count is the whole file's
      return;
    }
    Finding finding;
    finding.rule = kSyntaxError;
    finding.message = fmt::format(
        "{} syntax errors: dnslint stops reading here, and the rest of the file is not checked "
        "(fix these first)",
        kMostSyntaxErrors);
    finding.location = location;
    result_.findings.push_back(std::move(finding));
    stopped_ = true;
    result_.zone.complete = false;
  }

  static SourceLocation at(FileId file, const Token& token) {
    return SourceLocation{file, token.line, token.column, token.end_line, token.end_column};
  }

  void syntax_error(FileId file, const Token& token, std::string message) {
    add_finding(kSyntaxError, at(file, token), std::move(message));
  }

  // One finding per file for the first name that needs an origin nobody gave.
  void missing_origin(FileId file, const Token& token) {
    if (state_.missing_origin_reported) return;
    state_.missing_origin_reported = true;
    syntax_error(file, token,
                 fmt::format("no origin is known for the relative name {}: set $ORIGIN, pass "
                             "--origin, or name the file after its zone (example.com.zone); "
                             "records with relative names are skipped",
                             quoted(token.text)));
  }

  // Reads a name into `canonical`; false (and a finding) when it is bad.
  bool read_name(FileId file, const Token& token, std::string_view what, std::string& canonical) {
    if (auto error = parse_name(token.text, state_.origin, canonical)) {
      if (state_.origin.empty() && !is_written_absolute(token.text)) {
        missing_origin(file, token);
      } else {
        syntax_error(file, token,
                     fmt::format("bad {} {}: {}", what, quoted(token.text), error->reason));
      }
      return false;
    }
    return true;
  }

  void directive(const Entry& entry, FileId file) {
    const auto& tokens = entry.tokens;
    const std::string_view name = tokens[0].text;
    if (equals_ignoring_case(name, "$ORIGIN")) {
      if (!expect_arguments(tokens, file, 1, 1, "a domain name")) return;
      if (std::string origin; read_name(file, tokens[1], "$ORIGIN", origin)) {
        state_.origin = origin;
        if (!state_.saw_record && !first_origin_directive_) first_origin_directive_ = state_.origin;
      }
    } else if (equals_ignoring_case(name, "$TTL")) {
      if (!expect_arguments(tokens, file, 1, 1, "a TTL")) return;
      if (auto ttl = read_ttl(file, tokens[1])) state_.default_ttl = *ttl;
    } else if (equals_ignoring_case(name, "$INCLUDE")) {
      if (!expect_arguments(tokens, file, 1, 2, "a file name and an optional origin")) return;
      include(tokens, file);
    } else if (equals_ignoring_case(name, "$GENERATE")) {
      generate(tokens, file);
    } else {
      syntax_error(file, tokens[0],
                   fmt::format("unknown directive {} (expected $ORIGIN, $TTL, $INCLUDE or "
                               "$GENERATE)",
                               quoted(name)));
    }
  }

  bool expect_arguments(const std::vector<Token>& tokens, FileId file, std::size_t min,
                        std::size_t max, std::string_view what) {
    const std::size_t count = tokens.size() - 1;
    if (count < min) {
      syntax_error(file, tokens[0], fmt::format("{} needs {}", tokens[0].text, what));
      return false;
    }
    if (count > max) {
      syntax_error(
          file, tokens[max + 1],
          fmt::format("unexpected {} after {}", quoted(tokens[max + 1].text), tokens[0].text));
      return false;
    }
    return true;
  }

  std::optional<std::uint32_t> read_ttl(FileId file, const Token& token) {
    const TtlValue value = parse_ttl(token.text);
    switch (value.status) {
      case TtlStatus::ok:
        return value.seconds;
      case TtlStatus::too_large:
        syntax_error(file, token,
                     fmt::format("TTL {} is above 2147483647 (RFC 2181 §8)", quoted(token.text)));
        return std::nullopt;
      case TtlStatus::not_a_ttl:
        break;
    }
    syntax_error(file, token, fmt::format("bad TTL {}", quoted(token.text)));
    return std::nullopt;
  }

  void include(const std::vector<Token>& tokens, FileId file) {
    if (is_part_) {
      // Included files are numbered and checked for cycles in reading order.
      needs_order_ = true;
      return;
    }
    const Token& path = tokens[1];
    auto fail = [&](std::string message) { add_finding(kIncludeError, at(file, path), message); };
    if (options_.includes == nullptr) {
      fail(fmt::format("$INCLUDE {} cannot be read when the zone comes from standard input",
                       quoted(path.text)));
      return;
    }
    if (include_stack_.size() > options_.max_include_depth) {
      fail(fmt::format("$INCLUDE {} goes deeper than {} levels (--max-include-depth)",
                       quoted(path.text), options_.max_include_depth));
      return;
    }
    std::string new_origin = state_.origin;
    if (tokens.size() > 2) {
      if (!read_name(file, tokens[2], "$INCLUDE origin", new_origin)) return;
    }
    if (include_stack_.front().empty()) include_stack_.front() = options_.includes->top_identity();
    auto loaded = options_.includes->load(path.text);
    if (auto* reason = std::get_if<std::string>(&loaded)) {
      fail(fmt::format("$INCLUDE {}: {}", quoted(path.text), *reason));
      return;
    }
    auto& source = std::get<IncludeLoader::Loaded>(loaded);
    if (std::find(include_stack_.begin(), include_stack_.end(), source.identity) !=
        include_stack_.end()) {
      fail(
          fmt::format("$INCLUDE {} is a cycle: the file is already being read", quoted(path.text)));
      return;
    }
    // RFC 1035 §5.1: the included file starts with the given origin; BIND restores the
    // including file's origin and owner afterwards.
    const std::string saved_origin = state_.origin;
    const NameId saved_owner = last_owner_;
    state_.origin = new_origin;
    const auto included = static_cast<FileId>(result_.files.size());
    result_.files.push_back(source.display_path);
    result_.included.push_back(source.identity);
    include_stack_.push_back(source.identity);
    read_file(source.content, included);
    include_stack_.pop_back();
    state_.origin = saved_origin;
    last_owner_ = saved_owner;
  }

  void generate(const std::vector<Token>& tokens, FileId file) {
    if (tokens.size() < 5) {
      syntax_error(file, tokens[0],
                   "$GENERATE needs a range, an owner template, a type and an rdata template");
      return;
    }
    std::string error;
    auto range = parse_generate_range(tokens[1].text, error);
    if (!range) {
      syntax_error(file, tokens[1], error);
      return;
    }
    if (range->count() > options_.max_generate_records) {
      syntax_error(file, tokens[1],
                   fmt::format("$GENERATE {} would create {} records, more than the limit of {} "
                               "(--max-generate)",
                               tokens[1].text, range->count(), options_.max_generate_records));
      return;
    }
    const Token& lhs = tokens[2];
    const Token& rhs = tokens.back();
    const std::span<const Token> middle(tokens.begin() + 3, tokens.end() - 1);
    std::string owner_text;
    std::string rdata_text;
    for (std::int64_t value = range->start; value <= range->stop; value += range->step) {
      if (!expand_generate_template(lhs.text, value, owner_text, error)) {
        syntax_error(file, lhs, fmt::format("bad $GENERATE owner template: {}", error));
        return;
      }
      if (!expand_generate_template(rhs.text, value, rdata_text, error)) {
        syntax_error(file, rhs, fmt::format("bad $GENERATE rdata template: {}", error));
        return;
      }
      // The expanded pieces are scanned as zone text; their tokens keep the position of the
      // template they came from so that findings point into the $GENERATE line.
      std::vector<Token> generated;
      append_scanned(owner_text, lhs, generated);
      generated.insert(generated.end(), middle.begin(), middle.end());
      append_scanned(rdata_text, rhs, generated);
      record(generated, false, file);
    }
  }

  static void append_scanned(std::string_view text, const Token& origin_token,
                             std::vector<Token>& out) {
    ZoneScanner scanner(text);
    Entry entry;
    std::vector<ScanError> ignored;
    while (scanner.next(entry, ignored)) {
      for (Token token : entry.tokens) {
        token.line = origin_token.line;
        token.column = origin_token.column;
        token.end_line = origin_token.end_line;
        token.end_column = origin_token.end_column;
        out.push_back(token);
      }
    }
  }

  // The owner name a record's first token writes, or kNoName (reported) when it is not one.
  // Records of one owner often come one after another, each naming it ("www A", "www AAAA"):
  // the same text under the same origin is the same name, read and looked up once.
  NameId read_owner(FileId file, const Token& token) {
    if (owner_read_.id != kNoName && token.text == owner_read_.text &&
        state_.origin == owner_read_.origin) {
      return owner_read_.id;
    }
    if (!read_name(file, token, "owner name", name_buffer_)) return kNoName;
    owner_read_ = {std::string(token.text), state_.origin, result_.names.intern(name_buffer_)};
    return owner_read_.id;
  }

  void record(const std::vector<Token>& tokens, bool owner_omitted, FileId file) {
    std::size_t i = 0;
    NameId owner = last_owner_;
    if (owner_omitted && owner_before_part_) {
      // The owner comes from the line before the part (after an entry the scanner gave up
      // on, say): only reading in order knows it.
      needs_order_ = true;
      return;
    }
    owner_before_part_ = false;
    if (!owner_omitted) {
      owner = read_owner(file, tokens[0]);
      last_owner_failed_ = owner == kNoName;
      last_owner_ = owner;
      if (owner == kNoName) return;
      i = 1;
    } else if (owner == kNoName) {
      // After an owner that could not be read, its continuation lines share its finding.
      if (!last_owner_failed_) {
        syntax_error(file, tokens[0],
                     "the first record has no owner name (the line starts with white space)");
      }
      return;
    }
    state_.saw_record = true;
    std::optional<std::uint32_t> ttl;
    std::optional<RRClass> rclass;
    // RFC 1035 §5.1: TTL and class are optional and may come in either order.
    for (int k = 0; k < 2 && i < tokens.size(); ++k) {
      const Token& token = tokens[i];
      if (!ttl && !token.text.empty() && token.text[0] >= '0' && token.text[0] <= '9') {
        ttl = read_ttl(file, token);
        if (!ttl) return;
        ++i;
      } else if (auto c = rclass ? std::nullopt : class_from_name(token.text)) {
        rclass = c;
        ++i;
      } else {
        break;
      }
    }
    if (i >= tokens.size()) {
      syntax_error(file, tokens.back(), "record has no type");
      return;
    }
    const Token& type_token = tokens[i];
    const auto type = type_from_name(type_token.text);
    if (!type) {
      syntax_error(file, type_token,
                   fmt::format("unknown record type {}", quoted(type_token.text)));
      return;
    }
    if (is_refused_obsolete_type(*type)) {
      syntax_error(file, type_token,
                   fmt::format("type {} is obsolete and servers refuse it (RFC 973): use MX",
                               type_name(*type)));
      return;
    }
    if (*type == rrtype::NSEC3) {
      const std::string_view owner_name = result_.names.str(owner);
      if (auto problem = check_nsec3_owner_label(owner_name.substr(0, owner_name.find('.')))) {
        syntax_error(file, tokens[0], *problem);
        return;
      }
    }
    const std::span<const Token> rdata_tokens(tokens.begin() + static_cast<std::ptrdiff_t>(i + 1),
                                              tokens.end());
    auto parsed = parser_.parse(*type, rdata_tokens, state_.origin, result_.names);
    if (auto* error = std::get_if<RdataError>(&parsed)) {
      const Token& at_fault = rdata_tokens.empty()
                                  ? type_token
                                  : rdata_tokens[std::min(error->token, rdata_tokens.size() - 1)];
      if (error->missing_origin) {
        missing_origin(file, at_fault);
      } else {
        add_finding(error->rule, at(file, at_fault), error->message);
      }
      return;
    }
    Record rec;
    rec.owner = owner;
    rec.type = *type;
    if (*type == rrtype::SOA && !state_.zone_class)
      state_.zone_class = rclass.value_or(rrclass::IN);
    rec.rclass = rclass.value_or(state_.zone_class.value_or(rrclass::IN));
    rec.rdata = std::move(std::get<Rdata>(parsed));
    rec.location = SourceLocation{file, tokens.front().line, tokens.front().column,
                                  tokens.back().end_line, tokens.back().end_column};
    if (*type == rrtype::SOA && !state_.soa_minimum) {
      state_.soa_minimum = soa_of(rec)->minimum;
    }
    rec.ttl = resolve_ttl(ttl, file, tokens.front());
    result_.zone.records.push_back(std::move(rec));
  }

  // BIND's default TTL: $TTL, else the last explicit TTL, else the SOA minimum.
  std::uint32_t resolve_ttl(std::optional<std::uint32_t> explicit_ttl, FileId file,
                            const Token& first) {
    if (explicit_ttl) {
      state_.last_explicit_ttl = explicit_ttl;
      return *explicit_ttl;
    }
    if (state_.default_ttl) return *state_.default_ttl;
    if (state_.last_explicit_ttl) return *state_.last_explicit_ttl;
    if (state_.soa_minimum) return *state_.soa_minimum;
    if (!state_.missing_ttl_reported) {
      state_.missing_ttl_reported = true;
      syntax_error(file, first,
                   "record has no TTL and there is no $TTL, earlier TTL or SOA to take one from");
    }
    return 0;
  }

  void finish() {
    // The zone origin: --origin, else the first $ORIGIN before any record, else the file name.
    // The apex is where the SOA at the top of the file is (RFC 1035 §5.2): an SOA below a
    // $ORIGIN (as after "$ORIGIN .") makes its owner the origin, and so does an SOA anywhere
    // when the origin was only guessed from the file name.
    std::string origin = options_.origin;
    const bool from_directive = !options_.origin_is_forced && first_origin_directive_;
    if (from_directive) origin = *first_origin_directive_;
    NameId origin_id = origin.empty() ? result_.names.intern(".") : result_.names.intern(origin);
    if (!options_.origin_is_forced && !result_.zone.records.empty() &&
        result_.zone.records.front().type == rrtype::SOA) {
      const NameId apex = result_.zone.records.front().owner;
      if (!from_directive || result_.names.is_at_or_below(apex, origin_id)) origin_id = apex;
    }
    result_.zone.origin = origin_id;
    result_.zone.file = 0;
  }

  const ZoneReadOptions& options_;
  ZoneReadResult& result_;
  RdataParser parser_;
  CarriedState state_;
  std::string name_buffer_;  // reused for every owner name
  NameId last_owner_ = kNoName;
  struct OwnerRead {
    std::string text;    // as the token writes it
    std::string origin;  // the origin it was read under
    NameId id = kNoName;
  } owner_read_;  // the owner name read last
  std::optional<std::string> first_origin_directive_;
  std::vector<std::string> include_stack_;
  bool last_owner_failed_ = false;
  static constexpr std::size_t kMostSyntaxErrors = 100;
  std::size_t syntax_errors_ = 0;
  bool stopped_ = false;            // too many syntax errors: the rest is not read
  bool is_part_ = false;            // reading one part of a file read in parallel
  bool owner_before_part_ = false;  // a part has read no owner of its own yet
  bool needs_order_ = false;        // a part met what only reading in order can do ($INCLUDE)
};

// One part of a file read in parallel: what its reader found and the state it ended in.
struct ZoneReadPart {
  ZoneReadResult result;
  CarriedState end_state;
  NameId last_owner = kNoName;
  bool last_owner_failed = false;
  std::optional<std::string> first_origin_directive;
  std::size_t stop_position = 0;
  std::uint32_t stop_line = 1;  // counted from the part's first line
  bool needs_order = false;
  std::size_t syntax_errors = 0;
};

void ZoneReader::read_part(std::string_view content, std::size_t begin, std::size_t end,
                           const CarriedState& state, ZoneReadPart& part) {
  is_part_ = true;
  owner_before_part_ = true;
  state_ = state;
  result_.files.push_back(options_.display_path);
  result_.zone.records.reserve((end - begin) / kBytesPerRecord);
  result_.names.reserve((end - begin) / kBytesPerRecord, (end - begin) / kBytesPerName);
  ZoneScanner scanner(content);
  scanner.seek(begin, 1);
  scanner.stop_at(end);
  read_entries(scanner, 0);
  part.end_state = carried_state();
  part.last_owner = last_owner_;
  part.last_owner_failed = last_owner_failed_;
  part.first_origin_directive = first_origin_directive_;
  part.stop_position = scanner.position();
  part.stop_line = scanner.line();
  part.needs_order = needs_order_;
  part.syntax_errors = syntax_errors_;
  // Last record first, so that join() takes them over from the back (see there).
  std::reverse(result_.zone.records.begin(), result_.zone.records.end());
}

void ZoneReader::read_in_parts(std::string_view content) {
  // The head first, in order: the directives at its top ($ORIGIN, $TTL) give the state that
  // every later part starts from.
  constexpr std::size_t kHeadBytes = 64 * 1024;
  ZoneScanner scanner(content);
  scanner.stop_at(std::min(kHeadBytes, options_.min_part_bytes));
  read_entries(scanner, 0);
  const std::vector<std::size_t> starts = part_starts(content, scanner.position());
  const CarriedState start_state = carried_state();
  std::vector<ZoneReadPart> parts(starts.size());
  // The rest of the head (task 0) and every part, side by side.
  options_.for_each(starts.size() + 1, [&](std::size_t task) {
    if (task == 0) {
      scanner.stop_at(starts.empty() ? std::string_view::npos : starts.front());
      read_entries(scanner, 0);
      return;
    }
    const std::size_t i = task - 1;
    const std::size_t end = i + 1 < starts.size() ? starts[i + 1] : content.size();
    try {
      ZoneReader reader(options_, parts[i].result);
      reader.read_part(content, starts[i], end, start_state, parts[i]);
    } catch (...) {
      parts[i].needs_order = true;  // read again in order, where the error can surface
    }
  });
  for (std::size_t i = 0; i < parts.size() && !stopped_; ++i) {
    // A part that would reach the cap on syntax errors is read again in order, where the
    // reading stops at the same error as reading the whole file in order does.
    if (scanner.position() == starts[i] && !parts[i].needs_order &&
        carried_state() == start_state &&
        syntax_errors_ + parts[i].syntax_errors < kMostSyntaxErrors) {
      join(parts[i], scanner);
    } else {
      scanner.stop_at(i + 1 < starts.size() ? starts[i + 1] : std::string_view::npos);
      read_entries(scanner, 0);
    }
    parts[i] = ZoneReadPart();
  }
}

std::vector<std::size_t> ZoneReader::part_starts(std::string_view content, std::size_t from) const {
  std::vector<std::size_t> starts;
  if (from >= content.size()) return starts;
  const std::size_t rest = content.size() - from;
  const std::size_t count = std::min<std::size_t>(options_.threads, rest / options_.min_part_bytes);
  for (std::size_t k = 1; k < count; ++k) {
    std::size_t at = from + rest / count * k;
    do {
      at = content.find('\n', at);
      if (at == std::string_view::npos) return starts;
      ++at;
    } while (at < content.size() && !opens_owner_line(content[at]));
    if (at >= content.size()) break;
    if (starts.empty() || at > starts.back()) starts.push_back(at);
  }
  return starts;
}

// Takes over what a part read, as if this reader had read it: its names renumbered into this
// table, its lines counted from where this reader stands, its state as this reader's.
void ZoneReader::join(ZoneReadPart& part, ZoneScanner& scanner) {
  const std::uint32_t line_offset = scanner.line() - 1;
  const std::vector<NameId> ids = result_.names.intern_all(std::move(part.result.names));
  part.result.names = NameTable();
  auto shift = [&](SourceLocation& location) {
    location.line += line_offset;
    location.end_line += line_offset;
  };
  // The part's records (kept last first) move over from the back of its array in steps, each
  // step's memory given back once moved, so that what the part read is not in memory twice.
  std::vector<Record>& from = part.result.zone.records;
  constexpr std::size_t kStep = 64 * 1024;
  while (!from.empty()) {
    const std::size_t rest = from.size() > kStep ? from.size() - kStep : 0;
    for (std::size_t i = from.size(); i > rest; --i) {
      Record& record = from[i - 1];
      rename_names(record, ids);
      SourceLocation location = record.location;
      shift(location);
      record.location = location;
      result_.zone.records.push_back(std::move(record));
    }
    from.resize(rest);
    release_spare_capacity(from);
  }
  for (Finding& finding : part.result.findings) {
    shift(finding.location);
    result_.findings.push_back(std::move(finding));
  }
  syntax_errors_ += part.syntax_errors;
  state_ = part.end_state;
  last_owner_ = part.last_owner == kNoName ? kNoName : ids[part.last_owner];
  last_owner_failed_ = part.last_owner_failed;
  if (!first_origin_directive_) first_origin_directive_ = part.first_origin_directive;
  scanner.seek(part.stop_position, part.stop_line + line_offset);
  ++result_.parts_joined;
}

}  // namespace

ZoneReadResult read_zone(std::string_view content, const ZoneReadOptions& options) {
  ZoneReadResult result;
  ZoneReader reader(options, result);
  reader.read(content);
  return result;
}

std::optional<std::string> origin_from_file_name(std::string_view file_name) {
  if (auto slash = file_name.find_last_of('/'); slash != std::string_view::npos) {
    file_name.remove_prefix(slash + 1);
  }
  std::string_view candidate = file_name;
  bool had_marker = false;
  for (std::string_view suffix : {".zone", ".db"}) {
    if (candidate.size() > suffix.size() && ends_with_ignoring_case(candidate, suffix)) {
      candidate.remove_suffix(suffix.size());
      had_marker = true;
      break;
    }
  }
  if (!had_marker && candidate.size() > 3 && starts_with_ignoring_case(candidate, "db.")) {
    candidate.remove_prefix(3);
    had_marker = true;
  }
  if (!had_marker && candidate.find('.') == std::string_view::npos) return std::nullopt;
  for (char c : candidate) {
    const bool ok = std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '_';
    if (!ok) return std::nullopt;
  }
  std::string canonical;
  const std::string absolute = std::string(candidate) + (candidate.ends_with('.') ? "" : ".");
  if (parse_name(absolute, "", canonical)) return std::nullopt;
  return canonical;
}

}  // namespace dnslint
