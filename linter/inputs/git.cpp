#include "linter/inputs/git.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <thread>

#include "linter/inputs/files.hpp"

extern char** environ;

namespace dnslint {
namespace fs = std::filesystem;

namespace {

struct CommandResult {
  int status = -1;
  std::string out;
  std::string err;
};

// Runs `argv` with `input` on its standard input and collects what it writes. The input is
// written from a thread of its own, so that neither side waits for the other with a full pipe.
CommandResult run(const std::vector<std::string>& argv, const std::string& input = {}) {
  int in[2];
  int out[2];
  int err[2];
  if (::pipe2(in, O_CLOEXEC) != 0 || ::pipe2(out, O_CLOEXEC) != 0 || ::pipe2(err, O_CLOEXEC) != 0)
    throw InputError(fmt::format("cannot run {}: {}", argv.front(), std::strerror(errno)));
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in[0], STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err[1], STDERR_FILENO);
  std::vector<char*> args;
  for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = ::posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(in[0]);
  ::close(out[1]);
  ::close(err[1]);
  if (spawned != 0) {
    ::close(in[1]);
    ::close(out[0]);
    ::close(err[0]);
    throw InputError(fmt::format("cannot run {}: {}", argv.front(), std::strerror(spawned)));
  }
  std::thread writer([fd = in[1], &input] {
    for (std::size_t done = 0; done < input.size();) {
      const ssize_t wrote = ::write(fd, input.data() + done, input.size() - done);
      if (wrote < 0 && errno == EINTR) continue;
      if (wrote <= 0) break;
      done += static_cast<std::size_t>(wrote);
    }
    ::close(fd);
  });
  CommandResult result;
  std::thread error_reader([fd = err[0], &result] {
    char buffer[4096];
    for (ssize_t got; (got = ::read(fd, buffer, sizeof buffer)) != 0;) {
      if (got < 0 && errno == EINTR) continue;
      if (got < 0) break;
      result.err.append(buffer, static_cast<std::size_t>(got));
    }
  });
  char buffer[1 << 16];
  for (ssize_t got; (got = ::read(out[0], buffer, sizeof buffer)) != 0;) {
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) break;
    result.out.append(buffer, static_cast<std::size_t>(got));
  }
  writer.join();
  error_reader.join();
  ::close(out[0]);
  ::close(err[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

CommandResult git(const fs::path& top, std::vector<std::string> arguments,
                  const std::string& input = {}) {
  std::vector<std::string> argv{"git", "-C", top.string()};
  argv.insert(argv.end(), std::make_move_iterator(arguments.begin()),
              std::make_move_iterator(arguments.end()));
  return run(argv, input);
}

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

// The NUL-separated fields of `text`.
std::vector<std::string> split_nul(const std::string& text) {
  std::vector<std::string> fields;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t end = std::min(text.find('\0', at), text.size());
    if (end > at) fields.push_back(text.substr(at, end - at));
    at = end + 1;
  }
  return fields;
}

}  // namespace

GitChanges git_changes(const fs::path& start, const std::string& revision) {
  // The top as the run spells its paths (not through the links git resolves), so that the
  // changed files are the very paths a walk finds.
  const CommandResult top = run({"git", "-C", start.string(), "rev-parse", "--show-cdup"});
  if (top.status != 0) {
    throw InputError(fmt::format("--against {}: {} is in no git work tree ({})", revision,
                                 start.string(), first_line(top.err)));
  }
  GitChanges changes;
  std::error_code ec;
  changes.top = (fs::absolute(start, ec) / first_line(top.out)).lexically_normal();
  if (changes.top.filename().empty()) changes.top = changes.top.parent_path();
  std::string base = revision;
  const CommandResult verified =
      git(changes.top, {"rev-parse", "--verify", "--quiet", revision + "^{commit}"});
  if (verified.status != 0) {
    // The first commit of a repository: HEAD names a branch with no commit yet, and every
    // file is new, as against the empty tree.
    const bool unborn =
        revision == "HEAD" && git(changes.top, {"symbolic-ref", "-q", "HEAD"}).status == 0;
    const CommandResult empty_tree =
        unborn ? git(changes.top, {"hash-object", "-t", "tree", "--stdin"}) : CommandResult{};
    if (empty_tree.status != 0) {
      throw InputError(fmt::format("--against {}: git knows no such commit in {}", revision,
                                   changes.top.string()));
    }
    base = first_line(empty_tree.out);
  }
  const CommandResult diff =
      git(changes.top, {"diff", "--name-only", "--no-renames", "-z", base, "--"});
  if (diff.status != 0) {
    throw InputError(
        fmt::format("--against {}: git diff failed: {}", revision, first_line(diff.err)));
  }
  const std::vector<std::string> paths = split_nul(diff.out);
  if (paths.empty()) return changes;
  // One git for every file's text at the revision: "<object> blob <size>\n<text>\n", or
  // "<name> missing\n" for a file the revision does not have.
  std::string requests;
  for (const std::string& path : paths) requests += base + ":" + path + "\n";
  const CommandResult blobs = git(changes.top, {"cat-file", "--batch"}, requests);
  if (blobs.status != 0) {
    throw InputError(
        fmt::format("--against {}: git cat-file failed: {}", revision, first_line(blobs.err)));
  }
  std::size_t at = 0;
  for (const std::string& path : paths) {
    const std::size_t header_end = blobs.out.find('\n', at);
    if (header_end == std::string::npos) throw InputError("--against: git's answer ended early");
    const std::string_view header(blobs.out.data() + at, header_end - at);
    std::optional<std::string> text;
    if (!header.ends_with(" missing")) {
      const std::size_t space = header.rfind(' ');
      std::size_t size = 0;
      std::from_chars(header.data() + space + 1, header.data() + header.size(), size);
      text = blobs.out.substr(header_end + 1, size);
      at = header_end + 1 + size + 1;
    } else {
      at = header_end + 1;
    }
    changes.before.emplace((changes.top / path).lexically_normal().string(), std::move(text));
  }
  return changes;
}

}  // namespace dnslint
