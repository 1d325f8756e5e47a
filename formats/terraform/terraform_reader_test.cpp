#include "formats/terraform/terraform_reader.hpp"

#include <doctest/doctest.h>

#include <algorithm>

#include "formats/read_result_testing.hpp"

namespace dnslint {
namespace {

using testing::rules_of;

const Record* find_record(const ReadResult& result, std::string_view owner, RRType type) {
  for (const Zone& zone : result.zones) {
    for (const Record& record : zone.records) {
      if (result.names.str(record.owner) == owner && record.type == type) return &record;
    }
  }
  return nullptr;
}

}  // namespace

TEST_CASE("HCL JSON: arrays at every label level, repeated blocks, templates and variables") {
  const auto result = read_terraform_module({
      {"main.tf.json", R"({
  "variable": {"domain": {"default": "example.com"}},
  "locals": [{"ttl": "${60 * 5}"}],
  "resource": [
    {"aws_route53_zone": {"main": {"name": "${var.domain}"}}},
    {"aws_route53_record": [{"mx": [{"zone_id": "${aws_route53_zone.main.zone_id}",
      "name": "", "type": "MX", "ttl": "${local.ttl}", "records": ["10 mx1.${var.domain}"]}]}]}
  ],
  "resource": {"aws_route53_record": {"a": {"zone_id": "${aws_route53_zone.main.zone_id}",
      "name": "mx1", "type": "A", "ttl": 300, "records": ["192.0.2.1"]}}}
})",
       false},
      {"terraform.tfvars.json", R"({"domain": "example.org"})", false},
  });
  CHECK(rules_of(result).empty());
  REQUIRE(result.zones.size() == 1);
  CHECK(result.names.str(result.zones[0].origin) == "example.org.");
  const Record* mx = find_record(result, "example.org.", rrtype::MX);
  REQUIRE(mx != nullptr);
  CHECK(mx->ttl == 300);
  CHECK(result.names.str(std::get<MxData>(mx->rdata).exchange.name) == "mx1.example.org.");
  CHECK_FALSE(std::get<MxData>(mx->rdata).exchange.written_relative());  // Route 53: absolute
  CHECK(find_record(result, "mx1.example.org.", rrtype::A) != nullptr);
}

TEST_CASE("values known only after apply are marked, noted once, and keep their type") {
  const auto result = read_terraform_module({{"main.tf.json", R"({"resource": {
    "aws_route53_zone": {"main": {"name": "example.com"}},
    "aws_lb": {"web": {"name": "web"}},
    "aws_route53_record": {"www": {"zone_id": "${aws_route53_zone.main.zone_id}",
      "name": "www", "type": "CNAME", "ttl": 60, "records": ["${aws_lb.web.dns_name}"]}}}})",
                                              false}});
  REQUIRE(rules_of(result) == std::vector<std::string>{"unresolved-value"});
  CHECK(result.findings[0].message.view().find("aws_lb.web.dns_name is known only after apply") !=
        std::string::npos);
  const Record* cname = find_record(result, "www.example.com.", rrtype::CNAME);
  REQUIRE(cname != nullptr);
  CHECK(cname->unknown_value());
}

TEST_CASE("one resource per record: Cloudflare MX with priority, and the value holding one") {
  const auto result = read_terraform_module({{"main.tf.json", R"({"resource": {
    "cloudflare_zone": {"z": {"zone": "example.com"}},
    "cloudflare_record": {
      "a": {"zone_id": "${cloudflare_zone.z.id}", "name": "@", "type": "MX",
            "content": "mx1.example.net", "priority": 10, "ttl": 1},
      "b": {"zone_id": "${cloudflare_zone.z.id}", "name": "example.com", "type": "MX",
            "value": "20 mx2.example.net", "priority": 20}}}})",
                                              false}});
  REQUIRE(rules_of(result) == std::vector<std::string>{"mx-priority-in-value"});
  REQUIRE(result.zones.size() == 1);
  const auto& records = result.zones[0].records;
  REQUIRE(records.size() == 2);
  CHECK(std::get<MxData>(records[0].rdata).preference() == 10);
  CHECK(records[0].unknown_ttl());  // ttl = 1 is "automatic"
  CHECK(records[1].unknown_value());
}

TEST_CASE("a plan: child modules, after_unknown and configuration references") {
  const auto result = read_terraform_plan_or_state({"plan.json", R"({
  "format_version": "1.2",
  "planned_values": {"root_module": {
    "child_modules": [{"address": "module.mail", "resources": [
      {"address": "module.mail.aws_route53_zone.main", "type": "aws_route53_zone",
       "values": {"name": "example.com"}},
      {"address": "module.mail.aws_route53_record.mx", "type": "aws_route53_record",
       "values": {"name": "example.com", "type": "MX", "ttl": 300,
                  "records": ["10 mx1.example.net.", "20 mx2.example.net."]}}]}]}},
  "resource_changes": [{"address": "module.mail.aws_route53_record.mx",
    "change": {"after_unknown": {"zone_id": true, "records": [false, true]}}}],
  "configuration": {"root_module": {"module_calls": {"mail": {"module": {"resources": [
    {"address": "aws_route53_record.mx",
     "expressions": {"zone_id": {"references": ["aws_route53_zone.main.zone_id"]}}}]}}}}}
})",
                                                    false});
  REQUIRE(rules_of(result) == std::vector<std::string>{"unresolved-value"});
  CHECK(result.findings[0].message.view().find("module.mail.aws_route53_record.mx") !=
        std::string::npos);
  REQUIRE(result.zones.size() == 1);
  CHECK(result.names.str(result.zones[0].origin) == "example.com.");
  REQUIRE(result.zones[0].records.size() == 2);
  CHECK_FALSE(result.zones[0].records[0].unknown_value());
  CHECK(result.zones[0].records[1].unknown_value());
}

TEST_CASE("state: instances with index keys, zones by id, null records are only unknown") {
  const auto result = read_terraform_plan_or_state({"terraform.tfstate", R"({
  "version": 4, "terraform_version": "1.6.0", "lineage": "x",
  "resources": [
    {"mode": "managed", "type": "aws_route53_zone", "name": "main",
     "instances": [{"attributes": {"name": "example.com", "zone_id": "Z1"}}]},
    {"mode": "managed", "type": "aws_route53_record", "name": "ns",
     "instances": [{"index_key": 0, "attributes": {"zone_id": "Z1", "name": "example.com",
       "type": "NS", "ttl": 172800, "records": null}}]},
    {"mode": "managed", "type": "aws_route53_record", "name": "www",
     "instances": [{"index_key": "a", "attributes": {"zone_id": "Z1", "name": "www",
       "type": "A", "ttl": 300, "records": ["192.0.2.1"]}}]}]})",
                                                    false});
  REQUIRE(rules_of(result) == std::vector<std::string>{"unresolved-value"});
  CHECK(result.findings[0].message.view().find("aws_route53_record.ns[0]") != std::string::npos);
  CHECK(find_record(result, "www.example.com.", rrtype::A) != nullptr);
}

}  // namespace dnslint

namespace dnslint {

TEST_CASE("block fields become presentation rdata, character-strings escaped") {
  const auto result = read_terraform_module({{"main.tf.json", R"({"resource": {
    "azurerm_dns_txt_record": {"t": {"name": "@", "zone_name": "example.com", "ttl": 300,
      "record": [{"value": "say \"hi\" \\ bye"}]}},
    "azurerm_dns_mx_record": {"m": {"name": "@", "zone_name": "example.com", "ttl": 300,
      "record": [{"preference": 10, "exchange": "mx1.example.net"}, {"exchange": "mx2"}]}}}})",
                                              false}});
  REQUIRE(testing::rules_of(result) == std::vector<std::string>{"syntax-error"});
  CHECK(result.findings[0].message.view().find("'preference' is missing") != std::string::npos);
  const Record* txt = find_record(result, "example.com.", rrtype::TXT);
  REQUIRE(txt != nullptr);
  CHECK(std::get<TxtData>(txt->rdata).strings().at(0) == "say \"hi\" \\ bye");
  const Record* mx = find_record(result, "example.com.", rrtype::MX);
  REQUIRE(mx != nullptr);
  CHECK_FALSE(std::get<MxData>(mx->rdata).exchange.written_relative());
}

}  // namespace dnslint
