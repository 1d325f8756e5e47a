#include "rules/common.hpp"

#include <fmt/format.h>

namespace dnslint {

void for_each_rrset(
    const Model& model, RRType type,
    const std::function<void(const Zone&, NameId, std::span<const std::uint32_t>)>& visit) {
  for (const Zone& zone : model.zones) {
    for (NameId owner : zone.owners()) {
      const auto set = zone.rrset(owner, type);
      if (!set.empty()) visit(zone, owner, set);
    }
  }
}

void for_each_record(const Model& model, RRType type,
                     const std::function<void(const Zone&, const Record&)>& visit) {
  for_each_rrset(model, type, [&](const Zone& zone, NameId, std::span<const std::uint32_t> set) {
    for (std::uint32_t index : set) visit(zone, zone.records[index]);
  });
}

void for_each_mx(const Model& model,
                 const std::function<void(const Zone&, const Record&, const MxData&)>& visit) {
  for_each_record(model, rrtype::MX, [&](const Zone& zone, const Record& record) {
    visit(zone, record, std::get<MxData>(record.rdata));
  });
}

const Record* alias_record(const Model& model, NameId name, const Zone* preferred) {
  const Resolution resolution = resolve(model, name, preferred, 0);
  return resolution.aliases.empty() ? nullptr : resolution.aliases.front();
}

std::string describe_alias(const Model& model, const Record& alias) {
  if (alias.type == rrtype::CNAME) {
    return fmt::format("CNAME to {}", model.name(std::get<NameData>(alias.rdata).target.name));
  }
  return fmt::format("below the DNAME at {}", model.name(alias.owner));
}

bool is_null_mx(const Model& model, const MxData& mx) {
  return mx.exchange.name != kNoName && model.names.is_root(mx.exchange.name);
}

std::string where(const Model& model, const SourceLocation& location, const SourceLocation& from) {
  if (location.file == from.file) return fmt::format("line {}", location.line);
  return fmt::format("{}:{}", model.files[location.file], location.line);
}

}  // namespace dnslint
