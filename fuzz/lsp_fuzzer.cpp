// Fuzz target: the language server's endpoint. The input is what a client writes after
// `initialize` (headers, bodies, any bytes); the server must answer or log, never crash or
// write anything but framed messages. The workspace is a scratch folder with one zone file,
// so that didOpen and didChange of it are linted too.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "fuzz/fuzz_target.hpp"
#include "linter/lsp/lsp.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace dnslint;
  namespace fs = std::filesystem;
  static const fs::path workspace = [] {
    const fs::path path = fs::temp_directory_path() / "dnslint-lsp-fuzz";
    fs::create_directories(path);
    std::ofstream(path / "example.com.zone")
        << "$ORIGIN example.com.\n@ 3600 SOA ns hm 1 2 3 4 5\n@ 3600 NS ns\nns 3600 A 192.0.2.1\n";
    return path;
  }();
  const std::string initialize =
      R"({"jsonrpc":"2.0","id":0,"method":"initialize","params":{"rootUri":"file://)" +
      workspace.string() + R"(","capabilities":{}}})";
  std::string stream = "Content-Length: " + std::to_string(initialize.size()) + "\r\n\r\n" +
                       initialize + std::string(fuzz::as_text(data, size));
  std::istringstream in(stream);
  std::ostringstream out;
  CliOptions options;
  options.request.jobs = 1;
  (void)run_language_server(in, out, options);
  return 0;
}
