// Giving back the memory of a vector's unused capacity without moving what it holds.
#pragma once

#include <cstddef>
#include <vector>

namespace dnslint {

// Returns to the system the whole pages of [begin, end), memory that holds no live object:
// they read as zeros when touched again. Nothing where the system has no such call.
void release_pages(void* begin, void* end);

// The pages past the last element of `vector`, up to its capacity. A vector emptied from the
// back in steps (as the zone reader does when it takes over what a part of a file read)
// then holds only the memory of what it still has; shrink_to_fit would copy it all.
template <typename T>
void release_spare_capacity(std::vector<T>& vector) {
  release_pages(vector.data() + vector.size(), vector.data() + vector.capacity());
}

}  // namespace dnslint
