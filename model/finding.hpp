#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/location.hpp"
#include "model/shared_text.hpp"

namespace dnslint {

enum class Severity : std::uint8_t { note = 0, warning = 1, error = 2 };

std::string_view severity_name(Severity severity);
// One step below `severity`; a note stays a note.
inline Severity milder(Severity severity) {
  return severity == Severity::note ? Severity::note
                                    : static_cast<Severity>(static_cast<int>(severity) - 1);
}

struct RelatedLocation {
  SourceLocation location;
  SharedText message;  // most are fixed text that every finding of a rule repeats
};

// What a finding's fix does to its source: replace the focus with the fix text, append the fix
// text to the focus, or delete the lines the finding's record stands on.
enum class FixKind : std::uint8_t { none, replace_focus, append_to_focus, delete_lines };

struct Finding {
  // The rule's id: static text (the registry's ids and the readers' constants), never owned,
  // so that each of a large zone's findings saves an allocation.
  std::string_view rule;
  SharedText message;
  // Shared with the rule's other findings where they repeat it (the Reporter keeps the last).
  SharedText zone;   // origin of the zone the finding is about, when there is one
  SharedText owner;  // owner name of the record, when there is one
  SharedText type;   // record type mnemonic, when there is one
  std::vector<RelatedLocation> related;
  // The text inside the record's source the finding is about (an SPF term, a DMARC tag), or
  // empty: the engine narrows `location` to where it stands, when it can find it there.
  SharedText focus;
  SharedText fix_text;  // what the fix writes (FixKind)
  SourceLocation location;
  Severity severity = Severity::error;  // (last, where they pack beside the location)
  // The loaded files cannot confirm it (an absence in a zone they define only in part): a
  // note, whatever severity the configuration gives the rule.
  bool unconfirmed = false;
  // One step below the rule's configured severity (an error rule's lesser case: `?all` beside
  // `+all`, a 1024-bit DKIM key beside a 512-bit one).
  bool milder = false;
  FixKind fix = FixKind::none;
  // The fix is one likely meaning, not the certain one: editors offer it, --fix never makes it.
  bool fix_is_suggestion = false;
};

}  // namespace dnslint
