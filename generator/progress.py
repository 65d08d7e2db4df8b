"""Stage-by-stage progress of a build: a live status line on a terminal, plain lines in CI and pipes.

The build calls ``stage(name)`` as each stage starts; the reporter prints how long the previous one
took. Stage names are the pipeline's (validate, plan, render, outputs, index, scan, publish).
"""

from __future__ import annotations

import os
import sys
import time
from typing import Literal, TextIO

STAGES = {
    "validate": "データの検査",
    "plan": "ページの計画",
    "render": "ページの生成",
    "outputs": "カレンダー・フィード・オープンデータ・チラシの作成",
    "index": "検索索引の作成",
    "scan": "守秘義務の最終チェック",
    "publish": "出力先への入れ替え",
}

Mode = Literal["auto", "plain", "quiet"]


class Progress:
    def __init__(self, mode: Mode = "auto", stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        live = mode == "auto" and self.stream.isatty() and os.environ.get("CI", "").lower() != "true"
        self.mode: Mode = "quiet" if mode == "quiet" else ("auto" if live else "plain")
        self._current: str | None = None
        self._started = 0.0
        self._status = None
        if self.mode == "auto":
            from rich.console import Console

            self._console = Console(file=self.stream)
            self._status = self._console.status("")
            self._status.start()

    def stage(self, name: str) -> None:
        self._finish_current()
        self._current, self._started = name, time.perf_counter()
        label = f"{STAGES.get(name, name)} ({name})…"
        if self.mode == "plain":
            print(f"… {label}", file=self.stream, flush=True)
        elif self._status is not None:
            self._status.update(label)

    def close(self) -> None:
        self._finish_current()
        if self._status is not None:
            self._status.stop()
            self._status = None

    def _finish_current(self) -> None:
        if self._current is None or self.mode == "quiet":
            self._current = None
            return
        seconds = time.perf_counter() - self._started
        line = f"{STAGES.get(self._current, self._current)} ({self._current}): {seconds:.1f} 秒"
        if self._status is not None:
            self._console.print(f"[green]✓[/green] {line}")
        else:
            print(f"  {line}", file=self.stream, flush=True)
        self._current = None
