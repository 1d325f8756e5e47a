#include "model/shared_text.hpp"

#include <doctest/doctest.h>

#include <string>
#include <thread>
#include <vector>

namespace dnslint {

TEST_CASE("SharedText reads as the text it was made from") {
  const SharedText empty;
  CHECK(empty.empty());
  CHECK(empty.view().empty());
  CHECK(SharedText("").empty());

  const SharedText owner("mail.example.com.");
  CHECK(owner == "mail.example.com.");
  CHECK(owner == std::string_view("mail.example.com."));
  CHECK(owner.size() == 17);
  CHECK(owner.str() == "mail.example.com.");
  CHECK(SharedText(std::string("a\0b", 3)).size() == 3);  // any bytes, NULs included
  CHECK(SharedText("a") < SharedText("b"));
}

TEST_CASE("SharedText joins parts into one text") {
  CHECK(SharedText::concatenate({"mail.", "", "example.com."}) == "mail.example.com.");
  CHECK(SharedText::concatenate({"", ""}).empty());
  CHECK(SharedText::concatenate({}).empty());
  CHECK(SharedText::concatenate({std::string_view("a\0", 2), "b"}).size() == 3);
}

TEST_CASE("SharedText copies share one text and outlive the original") {
  std::vector<SharedText> copies;
  {
    SharedText text("exchange in the same network");
    for (int i = 0; i < 100; ++i) copies.push_back(text);
    CHECK(copies.front().view().data() == text.view().data());
    SharedText moved(std::move(text));
    CHECK(text.empty());  // NOLINT: moved-from is empty by design
    CHECK(moved == "exchange in the same network");
  }
  for (const SharedText& copy : copies) CHECK(copy == "exchange in the same network");
  copies.front() = "other";
  CHECK(copies.front() == "other");
  CHECK(copies.back() == "exchange in the same network");
  copies.back() = copies.back();  // self-assignment keeps the text
  CHECK(copies.back() == "exchange in the same network");
}

TEST_CASE("SharedText copies may be released on several threads") {
  const SharedText text("bench.example.");
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&text] {
      for (int i = 0; i < 10000; ++i) {
        const SharedText copy = text;
        if (copy != "bench.example.") std::abort();
      }
    });
  }
  for (auto& thread : threads) thread.join();
  CHECK(text == "bench.example.");
}

}  // namespace dnslint
