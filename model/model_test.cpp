#include "model/model.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <thread>

namespace dnslint {
namespace {

// A zone whose owners and types come in a scrambled order, and what its index must say:
// owners in order of first appearance, each owner's records by type then source order, and
// each type's RRsets in the order of their owners.
struct Scrambled {
  NameTable names;
  Zone zone;
};

Scrambled scrambled_zone(std::size_t filler_between_owners) {
  Scrambled z;
  z.zone.origin = z.names.intern("example.");
  std::vector<NameId> owners;
  for (int i = 0; i < 50; ++i) {
    for (std::size_t f = 0; f < filler_between_owners; ++f) {
      z.names.intern(fmt::format("filler{}-{}.other.", i, f));
    }
    owners.push_back(z.names.intern(fmt::format("host{}.example.", i)));
  }
  const RRType types[] = {rrtype::MX, rrtype::A, rrtype::TXT, rrtype::A, rrtype::MX};
  for (std::uint32_t i = 0; i < 400; ++i) {
    Record record;
    record.owner = owners[(i * 37 + i / 7) % owners.size()];
    record.type = types[(i * 13) % 5];
    record.location = SourceLocation{0, i + 1, 1, i + 1, 1};
    z.zone.records.push_back(record);
  }
  z.zone.build_index(z.names);
  return z;
}

void check_index(const Scrambled& z) {
  const Zone& zone = z.zone;
  std::vector<NameId> first_seen;
  for (const Record& record : zone.records) {
    if (std::find(first_seen.begin(), first_seen.end(), record.owner) == first_seen.end()) {
      first_seen.push_back(record.owner);
    }
  }
  REQUIRE(zone.nodes().size() == first_seen.size());
  for (std::size_t i = 0; i < first_seen.size(); ++i) {
    const Zone::Node& node = zone.nodes()[i];
    CHECK(node.owner == first_seen[i]);
    std::vector<std::uint32_t> expected;
    for (RRType type : {rrtype::A, rrtype::MX, rrtype::TXT}) {
      for (std::uint32_t r = 0; r < zone.records.size(); ++r) {
        if (zone.records[r].owner == node.owner && zone.records[r].type == type)
          expected.push_back(r);
      }
    }
    const auto at = zone.records_at(node.owner);
    CHECK(std::vector<std::uint32_t>(at.begin(), at.end()) == expected);
  }
  for (RRType type : {rrtype::A, rrtype::MX, rrtype::TXT}) {
    std::vector<NameId> owners_of_type;
    for (NameId owner : first_seen) {
      if (!zone.rrset(owner, type).empty()) owners_of_type.push_back(owner);
    }
    const auto sets = zone.rrsets(type);
    REQUIRE(sets.size() == owners_of_type.size());
    for (std::size_t i = 0; i < sets.size(); ++i) {
      const auto set = zone.records_of(sets[i]);
      const auto direct = zone.rrset(owners_of_type[i], type);
      CHECK(std::vector<std::uint32_t>(set.begin(), set.end()) ==
            std::vector<std::uint32_t>(direct.begin(), direct.end()));
    }
  }
  CHECK(zone.rrsets(rrtype::SRV).empty());
  // Names that own nothing, on either side of the owners' ids and between them.
  for (NameId id = 0; id < z.names.size(); ++id) {
    const bool owns = std::find(first_seen.begin(), first_seen.end(), id) != first_seen.end();
    CHECK(zone.records_at(id).empty() == !owns);
    CHECK(zone.name_exists(id) == (owns || id == zone.origin));
  }
  CHECK(zone.records_at(static_cast<NameId>(z.names.size()) + 5).empty());
  CHECK(zone.records_at(kNoName).empty());
  CHECK_FALSE(zone.name_exists(static_cast<NameId>(z.names.size()) + 5));
  CHECK(zone.types() == std::vector<RRType>{rrtype::A, rrtype::MX, rrtype::TXT});
}

}  // namespace

TEST_CASE("a compact id set holds the same members as a bitmap and as a hash set") {
  for (const std::size_t id_limit : {std::size_t{1000}, std::size_t{10'000'000}}) {
    CAPTURE(id_limit);  // 1000 ids take the bitmap, ten million the hash set
    CompactIdSet set;
    set.reset(id_limit, 10);
    for (NameId id : {0u, 63u, 64u, 999u}) CHECK(set.insert(id));
    CHECK_FALSE(set.insert(64));
    for (NameId id : {0u, 63u, 64u, 999u}) CHECK(set.contains(id));
    for (NameId id : {1u, 62u, 65u, 998u, 1000u, kNoName - 1}) CHECK_FALSE(set.contains(id));
    set.reset(id_limit, 10);
    CHECK_FALSE(set.contains(0));
  }
}

TEST_CASE("the owner index orders nodes, records and RRsets the same for dense owner ids") {
  check_index(scrambled_zone(0));
}

TEST_CASE("the owner index orders nodes, records and RRsets the same for sparse owner ids") {
  // Far-apart owner ids take the key-sorting path instead of the counting sort.
  check_index(scrambled_zone(200));
}

TEST_CASE("a large zone indexed in parts on threads orders everything as a plain sort does") {
  // Over 256Ki records, so that the counting sort counts and places it in parts, and each
  // part sees owners the others see too.
  NameTable names;
  Zone zone;
  zone.origin = names.intern("example.");
  std::vector<NameId> owners;
  for (int i = 0; i < 5000; ++i) owners.push_back(names.intern(fmt::format("h{}.example.", i)));
  const RRType types[] = {rrtype::MX, rrtype::A, rrtype::TXT, rrtype::AAAA};
  constexpr std::uint32_t kRecords = 700'000;
  for (std::uint32_t i = 0; i < kRecords; ++i) {
    Record record;
    record.owner = owners[(std::uint64_t{i} * 7919 + i / 3) % owners.size()];
    record.type = types[(i * 13 + i / 5) % 4];
    zone.records.push_back(record);
  }
  std::atomic<int> tasks_on_threads{0};
  zone.build_index(names, [&](std::size_t count, const Task& task) {
    std::vector<std::jthread> threads;
    for (std::size_t i = 0; i < count; ++i) {
      threads.emplace_back([&, i] {
        task(i);
        ++tasks_on_threads;
      });
    }
  });
  CHECK(tasks_on_threads > 4);

  // The oracle: owners ranked by first appearance, records stably sorted by (rank, type).
  std::vector<std::uint32_t> rank(names.size(), kNoName);
  std::vector<NameId> first_seen;
  for (const Record& record : zone.records) {
    if (rank[record.owner] == kNoName) {
      rank[record.owner] = static_cast<std::uint32_t>(first_seen.size());
      first_seen.push_back(record.owner);
    }
  }
  std::vector<std::uint32_t> order(kRecords);
  for (std::uint32_t i = 0; i < kRecords; ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    const Record& x = zone.records[a];
    const Record& y = zone.records[b];
    return std::pair(rank[x.owner], x.type) < std::pair(rank[y.owner], y.type);
  });
  REQUIRE(zone.nodes().size() == first_seen.size());
  std::vector<std::uint32_t> walked;
  for (std::size_t i = 0; i < first_seen.size(); ++i) {
    CHECK(zone.nodes()[i].owner == first_seen[i]);
    const auto at = zone.records_of(zone.nodes()[i]);
    walked.insert(walked.end(), at.begin(), at.end());
  }
  CHECK(walked == order);
  for (RRType type : types) {
    // Each type's RRsets: that type's records in the oracle's order, one owner per set, the
    // owners in order of first appearance.
    std::vector<std::uint32_t> expected;
    std::copy_if(order.begin(), order.end(), std::back_inserter(expected),
                 [&](std::uint32_t r) { return zone.records[r].type == type; });
    std::vector<std::uint32_t> in_sets;
    bool one_owner_each = true;
    bool owners_in_order = true;
    std::uint32_t last_rank = 0;
    for (const Zone::IndexRange& set : zone.rrsets(type)) {
      const auto records = zone.records_of(set);
      const NameId owner = zone.records[records.front()].owner;
      for (std::uint32_t r : records) one_owner_each &= zone.records[r].owner == owner;
      owners_in_order &= in_sets.empty() || rank[owner] > last_rank;
      last_rank = rank[owner];
      in_sets.insert(in_sets.end(), records.begin(), records.end());
    }
    CHECK(in_sets == expected);
    CHECK(one_owner_each);
    CHECK(owners_in_order);
  }
  for (NameId owner : owners) CHECK(zone.name_exists(owner));
}

TEST_CASE("RRsets of any size keep their records, at and past the one-byte size") {
  // An RRset of up to 254 records keeps its size in a byte; larger ones in a side table.
  NameTable names;
  Zone zone;
  zone.origin = names.intern("example.");
  const std::uint32_t sizes[] = {1, 254, 255, 256, 1000, 3, 70'000};
  std::vector<NameId> owners;
  for (std::uint32_t size : sizes) {
    const NameId owner = names.intern(fmt::format("h{}.example.", owners.size()));
    owners.push_back(owner);
    for (std::uint32_t i = 0; i < size; ++i) {
      // The A records of each owner are interleaved with MX, so that sets are not contiguous
      // in the file.
      for (RRType type : {rrtype::MX, rrtype::A}) {
        Record record;
        record.owner = owner;
        record.type = type;
        zone.records.push_back(record);
      }
    }
  }
  zone.build_index(names);
  for (RRType type : {rrtype::MX, rrtype::A}) {
    const auto sets = zone.rrsets(type);
    REQUIRE(sets.size() == owners.size());
    std::size_t i = 0;
    for (const Zone::IndexRange& set : sets) {
      CAPTURE(i);
      const auto records = zone.records_of(set);
      CHECK(records.size() == sizes[i]);
      const auto direct = zone.rrset(owners[i], type);
      CHECK(std::vector<std::uint32_t>(records.begin(), records.end()) ==
            std::vector<std::uint32_t>(direct.begin(), direct.end()));
      CHECK(std::all_of(records.begin(), records.end(), [&](std::uint32_t r) {
        return zone.records[r].owner == owners[i] && zone.records[r].type == type;
      }));
      CHECK(std::is_sorted(records.begin(), records.end()));
      ++i;
    }
    CHECK(i == owners.size());
  }
}

TEST_CASE("rdata kept behind packed pointers copies deeply and moves by handing over") {
  HeapBytes bytes("\003abc");
  HeapBytes copy = bytes;
  CHECK(copy.view() == "\003abc");
  CHECK(copy.view().data() != bytes.view().data());
  HeapBytes moved = std::move(bytes);
  CHECK(moved.view() == "\003abc");
  CHECK(bytes.view().empty());  // NOLINT: a moved-from value is empty by design
  HeapBytes& same = moved;
  moved = std::move(same);  // moving onto itself keeps the bytes
  CHECK(moved.view() == "\003abc");
  moved = HeapBytes();
  CHECK(moved.view().empty());

  Boxed<SoaData> soa(SoaData{{}, {}, 2024, 1, 2, 3, 4});
  Boxed<SoaData> soa_copy = soa;
  soa_copy->serial = 7;
  CHECK(soa->serial == 2024);
  Boxed<SoaData> soa_moved = std::move(soa_copy);
  CHECK(soa_moved->serial == 7);

  MxData mx;
  mx.set_preference(-(std::int64_t{1} << 40));
  CHECK(mx.preference() == -(std::int64_t{1} << 40));
  Record record;
  record.rdata = mx;
  CHECK(std::get<MxData>(record.rdata).preference() == -(std::int64_t{1} << 40));
}

TEST_CASE("a repeated record is found in small and in large RRsets alike") {
  for (const std::size_t size : {std::size_t{5}, std::size_t{200}}) {
    CAPTURE(size);
    NameTable names;
    Zone zone;
    zone.origin = names.intern("example.");
    for (std::uint32_t i = 0; i < size; ++i) {
      Record record;
      record.owner = zone.origin;
      record.type = rrtype::MX;
      MxData mx;
      mx.set_preference(10);
      // The last record repeats the first; the one before it differs by class only.
      const std::uint32_t host = i + 1 == size ? 0 : i;
      mx.exchange.name = names.intern(fmt::format("mx{}.example.", host));
      record.rdata = mx;
      if (i + 2 == size) {
        record.rclass = rrclass::CH;
        std::get<MxData>(record.rdata).exchange.name = names.intern("mx0.example.");
      }
      record.location = SourceLocation{0, i + 1, 1, i + 1, 1};
      zone.records.push_back(record);
    }
    zone.build_index(names);
    for (std::uint32_t i = 0; i < size; ++i) {
      CAPTURE(i);
      CHECK(zone.is_repeat(i) == (i + 1 == size));
    }
  }
}

}  // namespace dnslint
