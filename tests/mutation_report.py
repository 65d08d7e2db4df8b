"""Per-module mutation scores from the last `mutmut run`: ``python -m tests.mutation_report``.

A mutant is killed when a fast test (not a browser test, not a whole-site build) fails on it.
Score = killed / (killed + survived); timeouts count as killed, skipped and untested are listed apart.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter, defaultdict


def main() -> int:
    out = subprocess.run([sys.executable, "-m", "mutmut", "results", "--all", "true"],
                         capture_output=True, text=True, check=False).stdout
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for line in out.splitlines():
        m = re.match(r"\s*(generator\.[\w.]+?)\.x[_ǁ].*__mutmut_\d+: (\w[\w ]*)$", line)
        if m:
            counts[m.group(1)][m.group(2).strip()] += 1
    if not counts:
        print("no mutmut results: run `make mutate` first")
        return 1
    print(f"{'module':34} {'killed':>7} {'survived':>9} {'other':>6} {'score':>6}")
    for module in sorted(counts):
        c = counts[module]
        killed = c["killed"] + c["timeout"]
        survived = c["survived"]
        other = sum(c.values()) - killed - survived
        score = killed / (killed + survived) if killed + survived else 0.0
        print(f"{module:34} {killed:7} {survived:9} {other:6} {score:6.0%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
