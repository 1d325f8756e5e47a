#include "linter/cli/cli.hpp"
#ifdef DNSLINT_HUGE_PAGES
#include "linter/cli/huge_pages.hpp"
#endif

int main(int argc, char** argv) {
#ifdef DNSLINT_HUGE_PAGES
  dnslint::restart_with_huge_page_heap(argc, argv);
#endif
  return dnslint::run_cli(argc, argv);
}
