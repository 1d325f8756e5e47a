#include "model/name.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace dnslint {
namespace {

std::string canonical(std::string_view text, std::string_view origin = "example.com.") {
  std::string out;
  auto error = parse_name(text, origin, out);
  return error ? "error: " + error->reason : out;
}

}  // namespace

TEST_CASE("names are made absolute, lowercase and canonical") {
  CHECK(canonical("www") == "www.example.com.");
  CHECK(canonical("WWW.Example.NET.") == "www.example.net.");
  CHECK(canonical("@") == "example.com.");
  CHECK(canonical(".") == ".");
  CHECK(canonical("a", ".") == "a.");
  CHECK(canonical("a\\.b") == "a\\.b.example.com.");
  CHECK(canonical("a\\065") == "aa.example.com.");  // \065 is 'A', lowercased
  CHECK(canonical("sp\\032ace") == "sp\\032ace.example.com.");
}

TEST_CASE("bad names are rejected with a reason") {
  CHECK(canonical("a..b") == "error: empty label");
  CHECK(canonical(std::string(64, 'a')) == "error: label longer than 63 octets");
  CHECK(canonical("a\\256") == "error: escape \\256 is above 255");
  CHECK(canonical("a\\1") == "error: truncated \\DDD escape");
  CHECK(canonical("www", "").starts_with("error: relative name"));
  std::string long_name;
  for (int i = 0; i < 5; ++i) long_name += std::string(60, 'a') + ".";
  CHECK(canonical(long_name) == "error: name longer than 255 octets");
}

TEST_CASE("trailing dots are seen through escapes") {
  CHECK(is_written_absolute("a.b."));
  CHECK_FALSE(is_written_absolute("a.b"));
  CHECK_FALSE(is_written_absolute("a\\."));
  CHECK(is_written_absolute("a\\\\."));
}

TEST_CASE("label helpers walk canonical names") {
  CHECK(parent_name("www.example.com.") == "example.com.");
  CHECK(parent_name("com.") == ".");
  CHECK(parent_name(".") == ".");
  CHECK(parent_name("a\\.b.example.") == "example.");
  CHECK(first_label("a\\.b.example.") == "a\\.b");
  CHECK(is_at_or_below("www.example.com.", "example.com."));
  CHECK(is_at_or_below("example.com.", "example.com."));
  CHECK_FALSE(is_at_or_below("badexample.com.", "example.com."));
  CHECK(relative_part("mail.example.com.", "example.com.") == "mail");
  CHECK(wire_length("example.com.") == 13);
}

TEST_CASE("the name table interns ancestors and answers subdomain questions") {
  NameTable names;
  const NameId www = names.intern("www.example.com.");
  const auto example = names.find("example.com.");
  REQUIRE(example);
  CHECK(names.parent(www) == *example);
  CHECK(names.is_at_or_below(www, *example));
  CHECK_FALSE(names.is_at_or_below(*example, www));
  CHECK(names.intern("www.example.com.") == www);
  CHECK(names.is_root(*names.find(".")));
  CHECK_FALSE(names.find("mail.example.com."));
}

TEST_CASE("names interned again soon after, or into a table moved from, keep one id each") {
  NameTable table;
  const NameId mail = table.intern("mail.example.");
  const NameId www = table.intern("www.example.");
  CHECK(table.intern("mail.example.") == mail);
  CHECK(table.intern("www.example.") == www);
  // More names than the recent ones remembered: the index still answers.
  for (int i = 0; i < 10; ++i) table.intern("h" + std::to_string(i) + ".example.");
  CHECK(table.intern("mail.example.") == mail);
  CHECK(table.find("www.example.") == www);

  NameTable moved(std::move(table));
  CHECK(moved.intern("mail.example.") == mail);
  table = NameTable();
  const NameId fresh = table.intern("other.example.");
  CHECK(table.str(fresh) == "other.example.");
  CHECK(table.intern("other.example.") == fresh);
  CHECK(table.size() == 3);  // the name, "example." and the root
}

TEST_CASE("the name index keeps every name through its growths and merges") {
  // Each growth halves the hash bits a slot keeps beside the id; every name must still be
  // found under its id, and names never interned must not be.
  NameTable table;
  std::vector<NameId> ids;
  constexpr int kCount = 200'000;
  for (int i = 0; i < kCount; ++i) ids.push_back(table.intern("h" + std::to_string(i) + ".z."));
  for (int i = 0; i < kCount; i += 7) {
    const std::string name = "h" + std::to_string(i) + ".z.";
    CHECK(table.find(name) == ids[static_cast<std::size_t>(i)]);
    CHECK(table.str(ids[static_cast<std::size_t>(i)]) == name);
    CHECK_FALSE(table.find("x" + std::to_string(i) + ".z."));
  }
  CHECK(table.size() == kCount + 2);

  NameTable other;
  other.reserve(10, 10);
  for (int i = kCount - 1000; i < kCount + 1000; ++i) other.intern("h" + std::to_string(i) + ".z.");
  const std::vector<NameId> merged = table.intern_all(other);
  CHECK(table.size() == kCount + 2 + 1000);
  for (NameId id = 0; id < other.size(); ++id) CHECK(table.str(merged[id]) == other.str(id));
  CHECK(merged[*other.find("h" + std::to_string(kCount - 1) + ".z.")] ==
        ids[static_cast<std::size_t>(kCount - 1)]);
  // A table taken over whole maps to the same ids.
  NameTable copy;
  for (NameId id = 0; id < other.size(); ++id) copy.intern(other.str(id));
  CHECK(table.intern_all(std::move(copy)) == merged);
  CHECK(table.size() == kCount + 2 + 1000);
}

}  // namespace dnslint
