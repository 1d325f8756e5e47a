// Fuzz target: the recordings `dnslint verify --replay` reads, and the DNS responses they hold
// through ldns. A bad recording must be a RecordingError naming its line, never a crash; what
// it holds must replay.
#include "fuzz/fuzz_target.hpp"
#include "live/recording.hpp"
#include "model/rrtype.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace dnslint;
  try {
    live::ReplayNetwork network(fuzz::as_text(data, size), "fuzz.jsonl");
    live::Endpoint server{"192.0.2.53", 53};
    (void)network.ask({{live::Asked::authoritative, server, "example.com.", rrtype::SOA},
                       {live::Asked::resolver, {}, "mail.example.net.", rrtype::A}});
    (void)network.transfer(server, "example.com.");
  } catch (const live::RecordingError&) {
  }
  return 0;
}
