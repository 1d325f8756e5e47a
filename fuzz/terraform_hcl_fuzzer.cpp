// Fuzz target: Terraform's native syntax (scanner, parser, evaluator, module instance and
// provider adapters), then every rule.
#include "formats/terraform/terraform_reader.hpp"
#include "fuzz/fuzz_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace dnslint;
  fuzz::lint_read(
      read_terraform_module({{"main.tf", std::string(fuzz::as_text(data, size)), false}}));
  return 0;
}
