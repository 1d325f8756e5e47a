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

// What a YAML file holds, judged by its content alone.
struct YamlDetection {
  // nullopt when it is none of the DNS formats (an octoDNS manager config, a workflow, a
  // manifest of other kinds, Grafana or recyclarr settings) or does not parse.
  std::optional<YamlFormat> format;
  std::optional<DocumentError> error;  // where the document stops parsing
};
YamlDetection detect_yaml_format(std::string_view content);

// Reads `source` as `format`; the zone of an octoDNS file comes from its name (or its
// directory's, for split zones: `example.com./www.yaml`). `zone` overrides that when set.
ReadResult read_yaml_dns(const SourceText& source, YamlFormat format, const std::string& zone = {},
                         const DocumentLimits& limits = {});

// The zone an octoDNS file's path implies, canonical, or empty.
std::string octodns_zone_from_path(std::string_view path);

}  // namespace dnslint
