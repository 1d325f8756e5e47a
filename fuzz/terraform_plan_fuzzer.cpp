// Fuzz target: Terraform plans and state, then every rule.
#include "formats/terraform/terraform_reader.hpp"
#include "fuzz/fuzz_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace dnslint;
  fuzz::lint_read(
      read_terraform_plan_or_state({"plan.json", std::string(fuzz::as_text(data, size)), false}));
  return 0;
}
