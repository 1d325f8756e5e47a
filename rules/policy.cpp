#include "rules/policy.hpp"

#include <fmt/format.h>
#include <re2/re2.h>

#include "model/address.hpp"
#include "rules/mail_records.hpp"

namespace dnslint {
namespace {

RE2::Options pattern_options() {
  RE2::Options options;
  options.set_log_errors(false);
  return options;
}

}  // namespace

Pattern::Pattern(std::string_view text)
    : re_(std::make_shared<const RE2>(re2::StringPiece(text.data(), text.size()),
                                      pattern_options())) {}

bool Pattern::matches_whole(std::string_view text) const {
  return RE2::FullMatch(re2::StringPiece(text.data(), text.size()), *re_);
}

bool Pattern::matches_part(std::string_view text) const {
  return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), *re_);
}

std::optional<std::string> pattern_problem(std::string_view text) {
  const RE2 re(re2::StringPiece(text.data(), text.size()), pattern_options());
  if (re.ok()) return std::nullopt;
  return fmt::format("'{}' is not an RE2 pattern: {}", text, re.error());
}

OptionSpec zones_option() {
  OptionSpec spec{"zones", OptionType::string, std::string(),
                  "an RE2 pattern the zone's name (with its trailing dot) must match whole for "
                  "the policy to apply; empty: every zone"};
  spec.check_item = pattern_problem;
  return spec;
}

ZoneScope::ZoneScope(const RuleOptions& options) {
  const std::string& text = options.text("zones");
  if (!text.empty()) pattern_.emplace(text);
}

bool ZoneScope::covers(const Model& model, const Zone& zone) const {
  return !pattern_ || pattern_->matches_whole(model.name(zone.origin));
}

std::string record_value_text(const Model& model, const Record& record) {
  return std::visit(
      [&](const auto& data) -> std::string {
        using T = std::decay_t<decltype(data)>;
        if constexpr (std::is_same_v<T, AData>) {
          return fmt::format("{}.{}.{}.{}", data.address >> 24, data.address >> 16 & 255,
                             data.address >> 8 & 255, data.address & 255);
        } else if constexpr (std::is_same_v<T, AaaaData>) {
          return format_ipv6(data.address);
        } else if constexpr (std::is_same_v<T, NameData>) {
          return std::string(model.name(data.target.name));
        } else if constexpr (std::is_same_v<T, MxData>) {
          return fmt::format("{} {}", data.preference(), model.name(data.exchange.name));
        } else if constexpr (std::is_same_v<T, SrvData>) {
          return fmt::format("{} {} {} {}", data.priority, data.weight, data.port,
                             model.name(data.target.name));
        } else if constexpr (std::is_same_v<T, TxtData>) {
          return txt_text(record);
        } else if constexpr (std::is_same_v<T, Boxed<SoaData>>) {
          return fmt::format("{} {} {} {} {} {} {}", model.name(data->mname.name),
                             model.name(data->rname.name), data->serial, data->refresh, data->retry,
                             data->expire, data->minimum);
        } else {
          const std::string_view wire = data.wire.view();
          std::string hex;
          for (char c : wire) hex += fmt::format("{:02x}", static_cast<unsigned char>(c));
          return fmt::format("\\# {} {}", wire.size(), hex);
        }
      },
      record.rdata);
}

}  // namespace dnslint
