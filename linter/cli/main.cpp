#include "linter/cli/cli.hpp"

int main(int argc, char** argv) { return dnslint::run_cli(argc, argv); }
