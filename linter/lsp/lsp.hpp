// `dnslint lsp`: a Language Server Protocol 3.17 server over standard input and output. It lints
// the workspace folder as the CLI would (one model across its files), with the editor's open
// buffers standing for the files on disk, and publishes diagnostics for every file with
// findings; hover shows a rule's documentation and a code action suppresses a finding.
#pragma once

#include <iosfwd>

#include "linter/cli/cli.hpp"

namespace dnslint {

// Serves one client until `exit` or the end of `in`; the exit status is 0 after a `shutdown`
// request, 1 otherwise (LSP 3.17, "exit"). Problems go to the client as window/logMessage.
int run_language_server(std::istream& in, std::ostream& out, const CliOptions& options);

}  // namespace dnslint
