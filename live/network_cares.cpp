#include "live/network_cares.hpp"

#include <ares.h>
#include <arpa/inet.h>
#include <fmt/format.h>
#include <poll.h>

#include <algorithm>
#include <chrono>
#include <deque>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <stdexcept>

#include "live/https.hpp"
#include "live/smtp.hpp"
#include "live/wire.hpp"

// Last: ldns defines `true` and `false` as macros.
#include <ldns/ldns.h>

namespace dnslint::live {
namespace {

using Clock = std::chrono::steady_clock;

// c-ares is initialised once for the process (ares_library_init is not thread-safe; the
// verify run is single-threaded).
void initialise_cares() {
  static const int status = ares_library_init(ARES_LIB_INIT_ALL);
  if (status != ARES_SUCCESS) throw NetworkError(fmt::format("c-ares: {}", ares_strerror(status)));
}

class CaresNetwork final : public Network {
 public:
  CaresNetwork(const Endpoint& resolver, const Limits& limits)
      : resolver_(resolver), limits_(limits), random_(std::random_device{}()) {
    initialise_cares();
  }
  ~CaresNetwork() override {
    for (auto& [endpoint, channel] : channels_) ares_destroy(channel->channel);
  }
  CaresNetwork(const CaresNetwork&) = delete;
  CaresNetwork& operator=(const CaresNetwork&) = delete;

  std::vector<Answer> ask(const std::vector<Question>& questions) override;
  Transfer transfer(const Endpoint& server, const std::string& zone) override;
  SmtpProbe probe_smtp(const Endpoint& server, const std::string& exchange) override {
    return live::probe_smtp(server, exchange, limits_);
  }
  HttpsFetch fetch_https(const Endpoint& server, const std::string& host, const std::string& path,
                         std::size_t limit) override {
    return live::fetch_https(server, host, path, limit, limits_);
  }
  std::size_t questions_asked() const override { return asked_; }

 private:
  struct Channel {
    ares_channel channel = nullptr;
    Endpoint server;
    std::deque<std::size_t> waiting;  // indices of questions not sent yet
    unsigned in_flight = 0;
    Clock::time_point next_send{};
    // Set once the server did not answer: the rest of its questions take this at once.
    std::optional<Answer> dead;
  };
  struct Pending {
    CaresNetwork* network;
    Channel* channel;
    std::vector<Answer>* answers;
    std::size_t index;
  };

  Channel& channel_for(const Endpoint& server);
  void send(Channel& channel, const Question& question, std::size_t index,
            std::vector<Answer>& answers);
  static void on_answer(void* argument, int status, int timeouts, unsigned char* buffer,
                        int length);
  void wait(Clock::time_point next_send);

  Endpoint resolver_;
  Limits limits_;
  std::map<Endpoint, std::unique_ptr<Channel>> channels_;
  std::mt19937 random_;
  unsigned in_flight_ = 0;
  std::size_t asked_ = 0;
};

CaresNetwork::Channel& CaresNetwork::channel_for(const Endpoint& server) {
  auto& slot = channels_[server];
  if (slot) return *slot;
  slot = std::make_unique<Channel>();
  slot->server = server;
  ares_options options{};
  // The rcode is the checks' to judge: REFUSED and SERVFAIL come back as answers.
  options.flags = ARES_FLAG_NOCHECKRESP;
  options.timeout = static_cast<int>(limits_.timeout_ms);
  options.tries = static_cast<int>(std::max(1u, limits_.tries));
  int status = ares_init_options(&slot->channel, &options,
                                 ARES_OPT_FLAGS | ARES_OPT_TIMEOUTMS | ARES_OPT_TRIES);
  if (status != ARES_SUCCESS) throw NetworkError(fmt::format("c-ares: {}", ares_strerror(status)));
  ares_addr_port_node node{};
  if (inet_pton(AF_INET, server.address.c_str(), &node.addr.addr4) == 1) {
    node.family = AF_INET;
  } else if (inet_pton(AF_INET6, server.address.c_str(), &node.addr.addr6) == 1) {
    node.family = AF_INET6;
  } else {
    throw NetworkError(fmt::format("'{}' is no IP address", server.address));
  }
  node.udp_port = node.tcp_port = server.port;
  status = ares_set_servers_ports(slot->channel, &node);
  if (status != ARES_SUCCESS) throw NetworkError(fmt::format("c-ares: {}", ares_strerror(status)));
  return *slot;
}

void CaresNetwork::send(Channel& channel, const Question& question, std::size_t index,
                        std::vector<Answer>& answers) {
  const std::string query = make_query(question, static_cast<std::uint16_t>(random_() & 0xffff));
  if (query.empty()) {
    answers[index].outcome = Outcome::failed;
    answers[index].error = fmt::format("'{}' cannot be asked", question.name);
    return;
  }
  ++channel.in_flight;
  ++in_flight_;
  ++asked_;
  auto* pending = new Pending{this, &channel, &answers, index};
  ares_send(channel.channel, reinterpret_cast<const unsigned char*>(query.data()),
            static_cast<int>(query.size()), &CaresNetwork::on_answer, pending);
}

void CaresNetwork::on_answer(void* argument, int status, int /*timeouts*/, unsigned char* buffer,
                             int length) {
  std::unique_ptr<Pending> pending(static_cast<Pending*>(argument));
  Channel& channel = *pending->channel;
  --channel.in_flight;
  --pending->network->in_flight_;
  Answer& answer = (*pending->answers)[pending->index];
  const Limits& limits = pending->network->limits_;
  switch (status) {
    case ARES_SUCCESS: {
      auto read = read_response(
          std::span<const unsigned char>(buffer, static_cast<std::size_t>(std::max(length, 0))));
      if (read) {
        answer = std::move(*read);
      } else {
        answer.outcome = Outcome::failed;
        answer.error = "the response is no DNS message";
      }
      return;
    }
    case ARES_ETIMEOUT:
      answer.outcome = Outcome::timeout;
      answer.error = fmt::format("no answer within {} tr{} of {} ms", limits.tries,
                                 limits.tries == 1 ? "y" : "ies", limits.timeout_ms);
      break;
    case ARES_ECONNREFUSED:
      answer.outcome = Outcome::refused;
      answer.error = "connection refused";
      break;
    default:
      answer.outcome = Outcome::failed;
      answer.error = ares_strerror(status);
      break;
  }
  // A zone's server that did not answer is not asked again. The resolver is: its timeout on
  // one name is usually a slow or dead server behind it, not the resolver itself (which the
  // run's first question checked).
  const bool is_resolver = channel.server == pending->network->resolver_;
  if (!channel.dead && !is_resolver && status != ARES_EDESTRUCTION) channel.dead = answer;
}

// Waits until a socket is ready, a timeout of c-ares is due or `next_send`, then lets c-ares
// read what came and time out what is due.
void CaresNetwork::wait(Clock::time_point next_send) {
  std::vector<pollfd> fds;
  std::vector<Channel*> owners;
  timeval longest{};
  const auto until_send = std::chrono::duration_cast<std::chrono::microseconds>(
      std::max(next_send - Clock::now(), Clock::duration::zero()));
  longest.tv_sec = static_cast<time_t>(until_send.count() / 1'000'000);
  longest.tv_usec = static_cast<suseconds_t>(until_send.count() % 1'000'000);
  timeval shortest = longest;
  for (auto& [endpoint, channel] : channels_) {
    if (channel->in_flight == 0) continue;
    ares_socket_t sockets[ARES_GETSOCK_MAXNUM];
    const int bits = ares_getsock(channel->channel, sockets, ARES_GETSOCK_MAXNUM);
    for (int i = 0; i < ARES_GETSOCK_MAXNUM; ++i) {
      const bool readable = ARES_GETSOCK_READABLE(bits, i) != 0;
      const bool writable = ARES_GETSOCK_WRITABLE(bits, i) != 0;
      if (!readable && !writable) continue;
      short events = 0;
      if (readable) events |= POLLIN;
      if (writable) events |= POLLOUT;
      fds.push_back(pollfd{sockets[i], events, 0});
      owners.push_back(channel.get());
    }
    timeval limit = shortest;
    shortest = *ares_timeout(channel->channel, &limit, &shortest);
  }
  const int milliseconds =
      static_cast<int>(shortest.tv_sec * 1000 + (shortest.tv_usec + 999) / 1000);
  poll(fds.data(), fds.size(), milliseconds);
  for (std::size_t i = 0; i < fds.size(); ++i) {
    if (fds[i].revents == 0) continue;
    const bool readable = (fds[i].revents & (POLLIN | POLLERR | POLLHUP)) != 0;
    const bool writable = (fds[i].revents & POLLOUT) != 0;
    ares_process_fd(owners[i]->channel, readable ? fds[i].fd : ARES_SOCKET_BAD,
                    writable ? fds[i].fd : ARES_SOCKET_BAD);
  }
  // Timeouts: c-ares checks them on every call.
  for (auto& [endpoint, channel] : channels_) {
    if (channel->in_flight > 0) ares_process_fd(channel->channel, ARES_SOCKET_BAD, ARES_SOCKET_BAD);
  }
}

std::vector<Answer> CaresNetwork::ask(const std::vector<Question>& questions) {
  std::vector<Answer> answers(questions.size());
  std::vector<Channel*> used;
  for (std::size_t i = 0; i < questions.size(); ++i) {
    const Question& question = questions[i];
    Channel& channel = channel_for(question.asked == Asked::resolver ? resolver_ : question.server);
    if (channel.waiting.empty() && std::find(used.begin(), used.end(), &channel) == used.end())
      used.push_back(&channel);
    channel.waiting.push_back(i);
  }
  const auto interval =
      limits_.rate == 0
          ? Clock::duration::zero()
          : std::chrono::duration_cast<Clock::duration>(std::chrono::seconds(1)) / limits_.rate;
  const unsigned in_flight_limit = std::max(1u, limits_.in_flight);
  for (;;) {
    bool waiting = false;
    bool in_flight = false;
    Clock::time_point next_send = Clock::now() + std::chrono::seconds(1);
    const auto now = Clock::now();
    for (Channel* channel : used) {
      while (!channel->waiting.empty()) {
        const std::size_t index = channel->waiting.front();
        if (channel->dead) {
          answers[index] = *channel->dead;
          channel->waiting.pop_front();
          continue;
        }
        if (in_flight_ >= in_flight_limit) break;
        if (channel->next_send > now) {
          next_send = std::min(next_send, channel->next_send);
          break;
        }
        channel->waiting.pop_front();
        channel->next_send = std::max(channel->next_send + interval, now);
        if (interval == Clock::duration::zero()) channel->next_send = now;
        send(*channel, questions[index], index, answers);
      }
      waiting = waiting || !channel->waiting.empty();
      in_flight = in_flight || channel->in_flight > 0;
    }
    if (!waiting && !in_flight) break;
    wait(in_flight ? next_send : std::min(next_send, Clock::now() + interval));
  }
  return answers;
}

Transfer CaresNetwork::transfer(const Endpoint& server, const std::string& zone) {
  Transfer transfer;
  ldns_resolver* resolver = ldns_resolver_new();
  std::unique_ptr<ldns_resolver, void (*)(ldns_resolver*)> owned(resolver, ldns_resolver_deep_free);
  const bool ipv6 = server.address.find(':') != std::string::npos;
  ldns_rdf* address =
      ldns_rdf_new_frm_str(ipv6 ? LDNS_RDF_TYPE_AAAA : LDNS_RDF_TYPE_A, server.address.c_str());
  ldns_rdf* name = ldns_dname_new_frm_str(zone.c_str());
  if (address == nullptr || name == nullptr) {
    if (address != nullptr) ldns_rdf_deep_free(address);
    if (name != nullptr) ldns_rdf_deep_free(name);
    transfer.outcome = Outcome::failed;
    transfer.error = "the server or zone cannot be asked";
    return transfer;
  }
  ldns_resolver_push_nameserver(resolver, address);
  ldns_rdf_deep_free(address);
  ldns_resolver_set_port(resolver, server.port);
  timeval timeout{};
  timeout.tv_sec = static_cast<time_t>(limits_.timeout_ms / 1000);
  timeout.tv_usec = static_cast<suseconds_t>((limits_.timeout_ms % 1000) * 1000);
  ldns_resolver_set_timeout(resolver, timeout);
  ldns_resolver_set_retry(resolver, 1);
  ++asked_;
  const ldns_status status = ldns_axfr_start(resolver, name, LDNS_RR_CLASS_IN);
  ldns_rdf_deep_free(name);
  if (status != LDNS_STATUS_OK) {
    transfer.outcome = status == LDNS_STATUS_NETWORK_ERR ? Outcome::refused : Outcome::failed;
    transfer.error = ldns_get_errorstr_by_id(status);
    return transfer;
  }
  while (ldns_rr* rr = ldns_axfr_next(resolver)) {
    transfer.records.push_back(served_record(rr));
    ldns_rr_free(rr);
  }
  const ldns_pkt* last = ldns_axfr_last_pkt(resolver);
  if (last != nullptr) transfer.rcode = static_cast<std::uint8_t>(ldns_pkt_get_rcode(last));
  if (!ldns_axfr_complete(resolver) && transfer.rcode == 0) {
    transfer.outcome = Outcome::failed;
    transfer.error = "the transfer ended early";
    transfer.records.clear();
  }
  // The transfer ends with the SOA it began with (RFC 5936 §2.2).
  if (transfer.records.size() > 1 && transfer.records.back().type == LDNS_RR_TYPE_SOA)
    transfer.records.pop_back();
  ldns_axfr_abort(resolver);
  return transfer;
}

}  // namespace

std::unique_ptr<Network> make_network(const Endpoint& resolver, const Limits& limits) {
  return std::make_unique<CaresNetwork>(resolver, limits);
}

std::optional<Endpoint> system_resolver() {
  std::ifstream in("/etc/resolv.conf");
  for (std::string line; std::getline(in, line);) {
    std::istringstream words(line);
    std::string keyword;
    std::string address;
    if (words >> keyword >> address && keyword == "nameserver") {
      // A scoped IPv6 address ("fe80::1%eth0") cannot be told to c-ares by address alone.
      if (address.find('%') != std::string::npos) continue;
      if (auto endpoint = parse_endpoint(address)) return endpoint;
    }
  }
  return std::nullopt;
}

}  // namespace dnslint::live
