// YAML DNS configurations: octoDNS zone files, Kubernetes external-dns DNSEndpoint objects
// and CloudFormation Route 53 resources.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "formats/document_tree.hpp"
#include "formats/read_result.hpp"
#include "formats/terraform/terraform_reader.hpp"

namespace dnslint {

enum class YamlFormat { octodns, dnsendpoint, cloudformation };

// What a YAML file holds, from its content: nullopt when it is none of the DNS formats (an
// octoDNS manager config, a workflow, a manifest of other kinds). `file_name` helps to tell
// an octoDNS zone (`example.com.yaml`) from other YAML when the content alone cannot.
std::optional<YamlFormat> detect_yaml_format(std::string_view content, std::string_view file_name);

// Reads `source` as `format`; the zone of an octoDNS file comes from its name (or its
// directory's, for split zones: `example.com./www.yaml`). `zone` overrides that when set.
ReadResult read_yaml_dns(const SourceText& source, YamlFormat format, const std::string& zone = {},
                         const DocumentLimits& limits = {});

// The zone an octoDNS file's path implies, canonical, or empty.
std::string octodns_zone_from_path(std::string_view path);

}  // namespace dnslint
