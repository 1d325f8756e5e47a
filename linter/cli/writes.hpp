// The files dnslint writes: reports and baselines (new files, replaced whole), and the inputs
// --fix changes (which stay the files they were: links, owner, group, mode, hard links).
// Every write goes through a complete temporary copy first; Ctrl-C leaves no stray file.
#pragma once

#include <string>

namespace dnslint {

// Writes `text` to `path` through a temporary file and a rename, so that no reader ever sees
// half a report; a path that is a device or a pipe (/dev/null) is written to directly, never
// replaced. Throws InputError.
void write_atomically(const std::string& path, const std::string& text);

// Replaces the content of the existing file `path` with `text`, keeping what the file is:
// through a symbolic link the link stays and its target changes; owner, group and mode stay;
// a file with other hard links, or one whose owner this process cannot give a new file, is
// rewritten in place from a complete temporary copy (which a failed write leaves, and names).
// Throws InputError.
void rewrite_file(const std::string& path, const std::string& text);

}  // namespace dnslint
