// dnslint-generate man|bash|zsh|fish: the files the build installs beside the binary (the man
// page and the completion scripts), written from the option table at build time.
#include <iostream>
#include <string_view>

#include "linter/cli/man_page.hpp"
#include "linter/cli/options.hpp"
#include "linter/cli/suggest.hpp"

int main(int argc, char** argv) {
  const std::string_view what = argc == 2 ? argv[1] : "";
  if (what == "man") {
    std::cout << dnslint::man_page();
  } else if (what == "bash" || what == "zsh" || what == "fish") {
    std::cout << dnslint::completion_script(what, dnslint::rule_ids());
  } else {
    std::cerr << "usage: dnslint-generate man|bash|zsh|fish\n";
    return 2;
  }
  return std::cout.flush() ? 0 : 2;
}
