// read-error: what a run was to lint but cannot read. The inputs report it: a folder or file a
// walk cannot open (the OS's reason), a broken link where DNS data would be, a named file that
// is not text. Never a silent skip: a run with a read-error exits with status 2.
#include "model/reported_rules.hpp"
#include "rules/rule.hpp"

namespace dnslint {

Rule read_error_rule() {
  return {rule_id::read_error,
          "a file or folder to lint cannot be read, or a named file is not text",
          Severity::error,
          "POSIX open(2), readdir(3)",
          {},
          nullptr};
}

}  // namespace dnslint
