#!/usr/bin/env python3
"""Runs the steps of a composite GitHub Action (action.yml) here, in order, as a runner would.

    run_action.py ACTION_DIR [--input NAME=VALUE ...] [--outputs FILE]

Each step runs with `bash --noprofile --norc -eo pipefail`, as `shell: bash` does on GitHub.
Expressions `${{ ... }}` may name inputs (defaults from action.yml, overridden by --input),
github.action_path, github.workspace (the current directory), runner.temp and the outputs of
earlier steps; any other expression is an error, so that a typo in action.yml fails here and
not on a user's runner. GITHUB_PATH, GITHUB_OUTPUT and GITHUB_ENV work as on GitHub. The exit
status is the first failing step's, or 0; --outputs writes the action's outputs as JSON.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

import yaml

EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def read_file_commands(path):
    """NAME=VALUE lines and NAME<<DELIMITER blocks, as GITHUB_OUTPUT and GITHUB_ENV hold them."""
    values = {}
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, delimiter = line.split("<<", 1)
            block = []
            i += 1
            while i < len(lines) and lines[i] != delimiter:
                block.append(lines[i])
                i += 1
            values[name] = "\n".join(block)
        elif "=" in line:
            name, value = line.split("=", 1)
            values[name] = value
        i += 1
    return values


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("action_dir")
    parser.add_argument("--input", action="append", default=[], metavar="NAME=VALUE")
    parser.add_argument("--outputs")
    parser.add_argument("--runner-temp", help="runner.temp (default: a new temporary folder)")
    args = parser.parse_args()

    action_dir = os.path.abspath(args.action_dir)
    with open(os.path.join(action_dir, "action.yml"), encoding="utf-8") as f:
        action = yaml.safe_load(f)
    if action["runs"]["using"] != "composite":
        sys.exit("run_action.py: only composite actions are run")

    inputs = {name: str(spec.get("default", "")) for name, spec in action.get("inputs", {}).items()}
    for item in args.input:
        name, value = item.split("=", 1)
        if name not in inputs:
            sys.exit(f"run_action.py: action.yml has no input '{name}'")
        inputs[name] = value

    runner_temp = args.runner_temp or tempfile.mkdtemp(prefix="runner-temp-")
    os.makedirs(runner_temp, exist_ok=True)
    steps = {}
    context = {
        "github.action_path": action_dir,
        "github.workspace": os.getcwd(),
        "runner.temp": runner_temp,
    }

    def evaluate(text):
        def value(match):
            expression = match.group(1)
            if expression.startswith("inputs."):
                name = expression[len("inputs."):]
                if name not in inputs:
                    raise SystemExit(f"run_action.py: unknown input in '{match.group(0)}'")
                return inputs[name]
            parts = expression.split(".")
            if len(parts) == 4 and parts[0] == "steps" and parts[2] == "outputs":
                return steps.get(parts[1], {}).get(parts[3], "")
            if expression in context:
                return context[expression]
            raise SystemExit(f"run_action.py: cannot evaluate '{match.group(0)}'")

        return EXPRESSION.sub(value, str(text))

    files = {name: os.path.join(runner_temp, name) for name in ("path", "output", "env")}
    added_path = []
    added_env = {}
    status = 0
    for number, step in enumerate(action["runs"]["steps"], 1):
        name = step.get("name", f"step {number}")
        if step.get("shell") != "bash" or "run" not in step or "if" in step:
            sys.exit(f"run_action.py: step '{name}' is not a plain bash step")
        for path in files.values():
            open(path, "w").close()
        env = dict(os.environ)
        env.update(added_env)
        env["PATH"] = os.pathsep.join(added_path + [env.get("PATH", "")])
        env.update({"GITHUB_PATH": files["path"], "GITHUB_OUTPUT": files["output"],
                    "GITHUB_ENV": files["env"], "GITHUB_ACTION_PATH": action_dir,
                    "GITHUB_WORKSPACE": os.getcwd(), "RUNNER_TEMP": runner_temp})
        for key, value in step.get("env", {}).items():
            env[key] = evaluate(value)
        script = os.path.join(runner_temp, f"step-{number}.sh")
        with open(script, "w", encoding="utf-8") as f:
            f.write(evaluate(step["run"]))
        print(f"::group::{name}", flush=True)
        status = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", script],
                                env=env).returncode
        print("::endgroup::", flush=True)
        with open(files["path"], encoding="utf-8") as f:
            added_path = [line for line in f.read().splitlines() if line] + added_path
        added_env.update(read_file_commands(files["env"]))
        if "id" in step:
            steps[step["id"]] = read_file_commands(files["output"])
        if status != 0:
            print(f"run_action.py: step '{name}' exited {status}", file=sys.stderr)
            break

    if args.outputs:
        outputs = {name: evaluate(spec["value"]) for name, spec in action.get("outputs", {}).items()}
        with open(args.outputs, "w", encoding="utf-8") as f:
            json.dump(outputs, f, indent=2, sort_keys=True)
    sys.exit(status)


if __name__ == "__main__":
    main()
