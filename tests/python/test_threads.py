"""The GIL is released while the C++ core works: evaluations from a thread pool run in parallel
with each other and with Python code."""
from __future__ import annotations

import datetime
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import List

import nangluc
from conftest import ROOT


def test_evaluations_in_threads_give_the_results_of_one_thread() -> None:
    reg = nangluc.generate("national", persons=20000, seed=5)
    plan = nangluc.load_plan(ROOT / "bench" / "national-plan.json")
    ev = nangluc.Evaluator(plan, reg)
    dates = [datetime.date(y, 12, 31) for y in (2022, 2024, 2025, 2027)]
    alone = [ev.evaluate(d).to_json() for d in dates]
    with ThreadPoolExecutor(max_workers=4) as pool:
        together = list(pool.map(lambda d: ev.evaluate(d).to_json(), dates))
    assert together == alone


def test_python_keeps_running_while_an_evaluation_works() -> None:
    reg = nangluc.generate("national", persons=60000, seed=5)
    plan = nangluc.load_plan(ROOT / "bench" / "national-plan.json")
    ev = nangluc.Evaluator(plan, reg)
    dates = [datetime.date(y, 12, 31) for y in range(2021, 2031)]
    calls: List[float] = []

    def work() -> None:
        for _ in range(2):
            t0 = time.perf_counter()
            ev.evaluate_series(dates, threads=1)
            calls.append(time.perf_counter() - t0)

    workers = [threading.Thread(target=work) for _ in range(2)]
    ticks: List[float] = []
    for w in workers:
        w.start()
    while any(w.is_alive() for w in workers):
        ticks.append(time.perf_counter())
        time.sleep(0.001)
    for w in workers:
        w.join()
    # Holding the GIL during a call would freeze this loop for as long as the call; released,
    # the loop goes on ticking every few milliseconds (a loaded machine may pause it briefly).
    longest_pause = max(b - a for a, b in zip(ticks, ticks[1:]))
    assert len(ticks) > 10
    assert longest_pause < 0.5 * min(calls), (longest_pause, calls)
