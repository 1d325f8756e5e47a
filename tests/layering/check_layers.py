#!/usr/bin/env python3
"""The layering of the code, as a test: model <- formats, model <- rules, live (the checks of
`dnslint verify`, which ask the network) above those three, and linter above all. A source file (tests apart) may include only its own layer and the layers below it, and
the rules see no parser library: they work on the model alone.

Usage: check_layers.py SOURCE_DIR"""
import os
import re
import sys

# layer -> (our folders it may include, third-party headers it must not include)
ALLOWED = {
    "model": ({"model"}, ()),
    "formats": ({"model", "formats"}, ()),
    "rules": ({"model", "rules"}, ("ldns/", "yaml-cpp/", "rapidjson/")),
    "live": ({"model", "formats", "rules", "live"}, ()),
    "linter": ({"model", "formats", "rules", "live", "linter"}, ()),
}
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')


def main():
    source = os.path.abspath(sys.argv[1])
    problems = []
    checked = 0
    for layer, (folders, banned) in ALLOWED.items():
        for folder, _, files in os.walk(os.path.join(source, layer)):
            for name in sorted(files):
                if not name.endswith((".cpp", ".hpp")) or name.endswith(("_test.cpp", "_testing.hpp")):
                    continue
                path = os.path.join(folder, name)
                checked += 1
                with open(path, encoding="utf-8") as text:
                    for number, line in enumerate(text, 1):
                        match = INCLUDE.match(line)
                        if not match:
                            continue
                        header = match.group(2)
                        top = header.split("/")[0]
                        ours = match.group(1) == '"' and top in ALLOWED
                        if ours and top not in folders:
                            problems.append(f"{os.path.relpath(path, source)}:{number}: the {layer} "
                                            f"layer includes {header} from the {top} layer above it")
                        if any(header.startswith(prefix) for prefix in banned):
                            problems.append(f"{os.path.relpath(path, source)}:{number}: the {layer} "
                                            f"layer includes the parser library header {header}")
    for problem in problems:
        print(problem)
    print(f"layering: {checked} files checked, {len(problems)} problem(s)")
    return 1 if problems or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
