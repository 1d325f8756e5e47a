// Reads a master file (RFC 1035 §5) into a Zone with the exact position of every record.
// Directives: $ORIGIN, $TTL, $INCLUDE (RFC 1035 §5.1) and BIND's $GENERATE. A bad record is a
// syntax-error finding and reading goes on with the next one; nothing the file says is dropped
// or rewritten silently. This layer does no I/O: $INCLUDE files come through an IncludeLoader.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "model/finding.hpp"
#include "model/model.hpp"
#include "model/suppression.hpp"

namespace dnslint {

class IncludeLoader {
 public:
  struct Loaded {
    std::string identity;      // canonical path, to detect cycles
    std::string display_path;  // how reports name the file
    std::string content;
  };
  virtual ~IncludeLoader() = default;
  // Resolves the path a $INCLUDE wrote and reads it; the reason on failure.
  virtual std::variant<Loaded, std::string> load(std::string_view written_path) = 0;
  // The identity of the file that includes, when ZoneReadOptions::identity is empty: asked
  // only when a $INCLUDE is met, since resolving paths costs system calls most files never
  // need.
  virtual std::string top_identity() { return {}; }
};

struct ZoneReadOptions {
  std::string display_path;
  std::string identity;               // canonical path of the file, to detect include cycles
  std::string origin;                 // canonical, or empty: from --origin or the file name
  bool origin_is_forced = false;      // --origin: the zone origin whatever the file says
  IncludeLoader* includes = nullptr;  // nullptr: every $INCLUDE is an include-error
  unsigned max_include_depth = 32;
  std::uint64_t max_generate_records = 1'000'000;
  // Threads for one large file: parts of it, split at line starts, are read in parallel and
  // joined when what the earlier part left (origin, TTLs, an entry still open) is what the
  // later part assumed; a part that assumed wrong is read again in order. The result is the
  // same as with one thread, names numbered alike.
  unsigned threads = 1;
  std::size_t min_part_bytes = 4u << 20;  // files smaller than two parts are read in one
  // How the parts run side by side (the engine passes its thread pool); one after the other
  // gives the same result, later.
  ForEach for_each = sequentially;
  // Called (from any reading thread) with ranges of the file's own text that have been read,
  // every few hundred kilobytes: a mapped file can let those pages go, so that a large
  // zone's text and its model are not in memory whole at the same time. The reader may
  // still read such a range again (a part read in order after all).
  std::function<void(std::size_t begin, std::size_t end)> release_text;
};

struct ZoneReadResult {
  NameTable names;
  std::vector<std::string> files;  // display paths by FileId; 0 is the file itself
  Zone zone;
  std::vector<Finding> findings;          // syntax-error and include-error
  std::vector<Suppression> suppressions;  // inline suppression comments of every file read
  std::vector<std::string> included;      // identities of the $INCLUDE files read
  std::size_t parts_joined = 0;           // parts read in parallel and taken over as read
};

ZoneReadResult read_zone(std::string_view content, const ZoneReadOptions& options);

// The origin a file's name implies: example.com.zone, example.com.db, db.example.com,
// 2.0.192.in-addr.arpa, example.com. Canonical, or nullopt.
std::optional<std::string> origin_from_file_name(std::string_view file_name);

}  // namespace dnslint

namespace dnslint {

// Whether `head`, the start of a file, reads as a master file: among its first entries is a
// directive ($ORIGIN, $TTL, $INCLUDE, $GENERATE) or a record (an owner or leading blank, a TTL
// and a class in either order, then a type). Folder walks use it to tell zone files from other
// files with zone-like names (db.*, *.db).
bool looks_like_master_file(std::string_view head);

}  // namespace dnslint
