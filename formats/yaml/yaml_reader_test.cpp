#include "formats/yaml/yaml_reader.hpp"

#include <doctest/doctest.h>

#include "formats/read_result_testing.hpp"

namespace dnslint {
namespace {

using testing::rules_of;

}  // namespace

TEST_CASE("YAML formats are told apart by content") {
  const auto format = [](std::string_view text) { return detect_yaml_format(text).format; };
  CHECK(format("kind: DNSEndpoint\nspec: {}\n") == YamlFormat::dnsendpoint);
  CHECK(format("Resources:\n  R:\n    Type: AWS::Route53::RecordSet\n") ==
        YamlFormat::cloudformation);
  CHECK(format("'':\n  type: A\n  value: 192.0.2.1\n") == YamlFormat::octodns);
  CHECK(format("www:\n  - type: Route53Provider/ALIAS\n    value: {name: x}\n") ==
        YamlFormat::octodns);
  CHECK_FALSE(format("providers:\n  config:\n    class: x\nzones:\n  a.: {}\n"));
  CHECK_FALSE(format("jobs:\n  build:\n    runs-on: debian\n"));
}

TEST_CASE("YAML with lists of typed mappings is no octoDNS zone unless the types are DNS types") {
  const auto format = [](std::string_view text) { return detect_yaml_format(text).format; };
  // Grafana's provisioned datasources.
  CHECK_FALSE(
      format("datasources:\n  - name: Prometheus\n    type: prometheus\n    url: "
             "http://prometheus:9090\n"));
  // recyclarr's custom formats.
  CHECK_FALSE(format("sonarr:\n  - type: custom-formats\n    trash_ids: [abc]\n"));
  // Types that are DNS types but no value anywhere: not enough to call it a zone.
  CHECK_FALSE(format("checks:\n  - type: A\n    name: probe\n"));
}

TEST_CASE("YAML that does not parse has no format, and says where it stops") {
  const YamlDetection detection = detect_yaml_format("a: [1, 2\nb: {\n");
  CHECK_FALSE(detection.format);
  REQUIRE(detection.error);
  CHECK(detection.error->line >= 1);
}

TEST_CASE("octoDNS zone names come from the file or the split-zone directory") {
  CHECK(octodns_zone_from_path("config/example.com.yaml") == "example.com.");
  CHECK(octodns_zone_from_path("config/example.com./mx.yaml") == "example.com.");
  CHECK(octodns_zone_from_path("config/example.com./$example.com.yaml") == "example.com.");
  CHECK(octodns_zone_from_path("config/records.yaml").empty());
}

TEST_CASE("octoDNS: apex, lists, integer keys, legacy MX fields, TXT escapes") {
  const auto result = read_yaml_dns({"example.com.yaml",
                                     "? ''\n"
                                     ": - type: MX\n"
                                     "    values:\n"
                                     "      - {exchange: mx1.example.com., preference: 10}\n"
                                     "      - {value: mx2.example.com., priority: 20}\n"
                                     "  - type: TXT\n"
                                     "    value: v=spf1 -all\\; x\n"
                                     "2:\n"
                                     "  type: A\n"
                                     "  value: 192.0.2.2\n",
                                     false},
                                    YamlFormat::octodns);
  CHECK(rules_of(result).empty());
  REQUIRE(result.zones.size() == 1);
  const auto& records = result.zones[0].records;
  REQUIRE(records.size() == 4);
  CHECK(std::get<MxData>(records[1].rdata).preference() == 20);
  CHECK(std::get<TxtData>(records[2].rdata).strings().at(0) == "v=spf1 -all; x");
  CHECK(result.names.str(records[3].owner) == "2.example.com.");
}

TEST_CASE("CloudFormation: parameters resolve, other intrinsics are unknown, TTL as a string") {
  const auto result = read_yaml_dns({"t.yaml",
                                     "Parameters:\n"
                                     "  Domain: {Type: String, Default: example.com}\n"
                                     "Resources:\n"
                                     "  Zone:\n"
                                     "    Type: AWS::Route53::HostedZone\n"
                                     "    Properties: {Name: !Ref Domain}\n"
                                     "  Mx:\n"
                                     "    Type: AWS::Route53::RecordSet\n"
                                     "    Properties:\n"
                                     "      HostedZoneId: !Ref Zone\n"
                                     "      Name: !Sub '${Domain}.'\n"
                                     "      Type: MX\n"
                                     "      TTL: '300'\n"
                                     "      ResourceRecords: ['10 mx1.example.net', !GetAtt X.Y]\n",
                                     false},
                                    YamlFormat::cloudformation);
  REQUIRE(rules_of(result) == std::vector<std::string>{"unresolved-value"});
  REQUIRE(result.zones.size() == 1);
  CHECK(result.names.str(result.zones[0].origin) == "example.com.");
  REQUIRE(result.zones[0].records.size() == 2);
  CHECK(result.zones[0].records[0].ttl == 300);
  CHECK(result.zones[0].records[1].unknown_value());
}

TEST_CASE("YAML problems are syntax errors at their position") {
  auto result = read_yaml_dns({"example.com.yaml", "a:\n  type: A\n  value: [1\n", false},
                              YamlFormat::octodns);
  REQUIRE_FALSE(result.findings.empty());
  CHECK(result.findings[0].rule == "syntax-error");
  CHECK(result.findings[0].location.line >= 3);

  result =
      read_yaml_dns({"example.com.yaml", "a: {type: A, value: 192.0.2.1}\na: {type: A}\n", false},
                    YamlFormat::octodns);
  REQUIRE(rules_of(result).size() >= 1);
  CHECK(result.findings[0].message.view().find("duplicate key 'a' (first at line 1)") !=
        std::string::npos);
}

}  // namespace dnslint
