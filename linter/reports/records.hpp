// `dnslint records`: the model the rules see, as zone files (or JSON for tools). Each zone is
// written whole and canonical (absolute names, RRsets in canonical name order), each RRset
// after a comment naming where it is written and, for infrastructure code, the resource;
// values not known statically and zones the files define only in part are said so.
#pragma once

#include <filesystem>
#include <string>

#include "linter/engine/engine.hpp"

namespace dnslint {

std::string write_records_text(const BuiltModel& built);
std::string write_records_json(const BuiltModel& built);

}  // namespace dnslint
