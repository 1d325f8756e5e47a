// Fuzz target: the .dnslint.yaml loader. A bad configuration must be a ConfigError with a
// position, never a crash.
#include "fuzz/fuzz_target.hpp"
#include "linter/config/config.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace dnslint;
  RuleConfiguration config = RuleConfiguration::defaults();
  try {
    config.apply_text(fuzz::as_text(data, size), ".dnslint.yaml", "/fuzz");
    (void)describe_configuration(config);
    (void)config.settings_for("mx-missing-backup", "zones/example.com.zone");
    (void)config.is_excluded("zones/example.com.zone");
  } catch (const ConfigError&) {
  }
  return 0;
}
