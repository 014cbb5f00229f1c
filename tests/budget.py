"""Time budgets for guards against a blow-up (catastrophic backtracking, quadratic scans).

A budget is ~100x the normal cost, so a loaded machine never trips it, while a blow-up
(seconds to hours) always does. The work runs in a forked child that is killed at the
deadline: a test of a stalling input fails instead of hanging the suite.
"""
from __future__ import annotations

import multiprocessing
import time
import traceback
from collections.abc import Callable
from typing import Any

_FORK = multiprocessing.get_context("fork")


class OverBudget(AssertionError):
    pass


def _child(conn, fn: Callable[[Any], Any]) -> None:
    try:
        result = fn(lambda note: conn.send(("progress", note)))
        conn.send(("done", result))
    except BaseException:  # noqa: BLE001 - reported to the parent, which raises
        conn.send(("error", traceback.format_exc()))
    finally:
        conn.close()


def run_within(seconds: float, fn: Callable[[Callable[[str], None]], Any]) -> Any:
    """Run `fn(progress)` in a forked child; its result (picklable) if it finishes within
    `seconds`, else OverBudget naming the last `progress(note)` the child reported.
    The child shares nothing live with the test: give it fresh connections (e.g.
    `engine.dispose(close=False)` first thing; redis-py pools reset themselves)."""
    parent, child = _FORK.Pipe(duplex=False)
    process = _FORK.Process(target=_child, args=(child, fn), daemon=True)
    started = time.monotonic()
    process.start()
    child.close()
    last_note = "(nothing reported)"
    try:
        while True:
            left = seconds - (time.monotonic() - started)
            if left <= 0 or not parent.poll(left):
                raise OverBudget(f"still running after {seconds:g} s; last step: {last_note}") from None
            try:
                kind, value = parent.recv()
            except EOFError:
                raise AssertionError(f"the child died (exit code {process.exitcode}); last step: {last_note}") from None
            if kind == "progress":
                last_note = value
            elif kind == "error":
                raise AssertionError(f"the child raised:\n{value}")
            else:
                return value
    finally:
        if process.is_alive():
            process.kill()
        process.join(5)
        parent.close()


def timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    started = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - started
