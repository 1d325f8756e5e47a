// Fuzz target: YAML format detection and the octoDNS, DNSEndpoint and CloudFormation readers,
// then every rule.
#include "formats/yaml/yaml_reader.hpp"
#include "fuzz/fuzz_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace dnslint;
  const SourceText source{"example.com.yaml", std::string(fuzz::as_text(data, size)), false};
  (void)detect_yaml_format(source.content);
  for (YamlFormat format :
       {YamlFormat::octodns, YamlFormat::dnsendpoint, YamlFormat::cloudformation}) {
    fuzz::lint_read(read_yaml_dns(source, format));
  }
  return 0;
}
