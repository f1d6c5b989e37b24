"""Each line of a file through the whole engine, one `TextRedactor().redact` per line (how the
blind batches of docs/MODEL_CARD.md were counted): prints every line, "* " before those the engine
touched and each finding's kind, text and detector with `--why`, then "N of M lines touched".
With `--policy`, the default policy's redactor: "D " before the lines it drops and the reason.

    PYTHONPATH=$PWD/src .venv/bin/python bench/probe_lines.py FILE [--why] [--policy]
"""

from __future__ import annotations

import sys
from pathlib import Path


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    why, policy = "--why" in sys.argv, "--policy" in sys.argv
    sys.path.insert(0, str(Path(__file__).parent))
    from demotrace.redact import TextRedactor

    if policy:
        import bench_redact

        red = bench_redact.policy_redactor()
    else:
        red = TextRedactor()
    lines = [line for line in Path(args[0]).read_text(encoding="utf-8").splitlines() if line.strip()]
    touched = 0
    for line in lines:
        out = red.redact(line)
        if out.dropped:
            touched += 1
            print(f"D {out.reason} | {line}")
            continue
        changed = out.text != line
        touched += changed
        print(("* " if changed else "  ") + str(out.text))
        if why and changed:
            for f in out.findings:
                print(f"    {f.kind} {line[f.start : f.end]!r} {f.detector}")
    print(f"{touched} of {len(lines)} lines {'dropped or touched' if policy else 'touched'}")


if __name__ == "__main__":
    main()
