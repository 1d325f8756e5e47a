#!/usr/bin/env python3
"""Every zone under ../shared/peer-corpus and ../shared/corpus/bind that named-checkzone loads
must read in dnslint without a syntax-error or include-error.

Usage: shared_corpus_reads.py DNSLINT SOURCE_DIR"""
import os
import sys

from peers import setup, accepted_differences, guess_origin, peer_origins, run_dnslint, run_named_checkzone, \
    zone_files


def main():
    dnslint, source_dir, shared = setup("this test reads its corpus")
    origins = peer_origins(shared)
    paths = list(zone_files(os.path.join(shared, "peer-corpus")))
    paths += list(zone_files(os.path.join(shared, "corpus", "bind")))
    accepted = accepted_differences(source_dir, "named-checkzone")
    loaded = 0
    problems = []
    for path in paths:
        if os.path.basename(path) in accepted:
            continue
        origin = origins.get(os.path.normpath(path)) or guess_origin(path)
        status, _ = run_named_checkzone(path, origin, integrity="none")
        if status != 0:
            continue
        loaded += 1
        report = run_dnslint(dnslint, path, origin)
        for f in report["findings"]:
            if f["rule"] in ("syntax-error", "include-error"):
                problems.append(f"{path}:{f['line']}:{f['column']}: {f['message']} [{f['rule']}]")
    for problem in problems:
        print(problem)
    print(f"zones named-checkzone loads: {loaded}; read by dnslint without an error: "
          f"{loaded - len({p.split(':')[0] for p in problems})}")
    print(f"shared corpus reads: {loaded - len({p.split(':')[0] for p in problems})} passed, "
          f"{len({p.split(':')[0] for p in problems})} failed")
    return 1 if problems or loaded == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
