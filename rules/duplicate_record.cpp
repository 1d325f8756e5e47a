// duplicate-record: an RRset is a set (RFC 2181 §5); the same record twice is dropped by
// servers and usually means an edit went wrong (a changed line was added, not replaced).
#include <fmt/format.h>

#include <map>

#include "rules/common.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  for (const Zone& zone : model.zones) {
    for (RRType type : zone.types()) {
      for (const Zone::IndexRange& range : zone.rrsets(type)) {
        // Most RRsets hold one record: only larger ones need their rdata compared.
        const auto set = zone.records_of(range);
        if (set.size() < 2) continue;
        std::map<std::tuple<RRClass, std::uint16_t, std::string>, const Record*> seen;
        for (std::uint32_t index : set) {
          const Record& record = zone.records[index];
          if (record.unknown_value()) continue;
          auto [it, inserted] = seen.emplace(
              std::make_tuple(record.rclass, record.variant, rdata_key(record)), &record);
          if (inserted) continue;
          OpenFinding& finding =
              reporter.report(zone, record,
                              fmt::format("duplicate {} record at {} (the same as {})",
                                          type_name(record.type), model.name(record.owner),
                                          where(model, it->second->location, record.location)));
          reporter.relate(finding, it->second->location, "first defined here");
          // In a zone file the duplicate's lines can go (the fixer checks they hold nothing
          // else); in IaC a value is one item of a list, which is the author's to edit.
          if (zone.is_zone_file) reporter.fix(finding, FixKind::delete_lines);
        }
      }
    }
  }
}

}  // namespace

Rule duplicate_record_rule() {
  return {"duplicate-record", "the same record twice", Severity::warning, "RFC 2181 §5", {}, check};
}

}  // namespace dnslint
