// Huge pages for the executable's memory (huge_pages.cpp, built only where no sanitizer brings
// its own allocator).
#pragma once

namespace dnslint {

// When an input file is large, starts the program again, once, with glibc's allocator told to
// back its heap with huge pages; returns (and the run goes on as it started) otherwise, or when
// the restart fails.
void restart_with_huge_page_heap(int argc, char** argv);

}  // namespace dnslint
