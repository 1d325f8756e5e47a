#include "linter/cli.hpp"

int main(int argc, char** argv) { return dnslint::run_cli(argc, argv); }
