// Records written back as a zone file holds them (RFC 1035 §5.1): what `dnslint records`
// prints of the model.
#pragma once

#include <string>

#include "model/name.hpp"
#include "model/record.hpp"

namespace dnslint {

// The record's data in presentation format, names absolute: what a master file writes after
// the type. Data only the generic form can say is written as RFC 3597 §5 says.
std::string rdata_presentation(const NameTable& names, const Record& record);

}  // namespace dnslint
