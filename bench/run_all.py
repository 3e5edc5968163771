"""Run every benchmark, each in its own process, and fail if any falls below its floors.

    python bench/run_all.py            # full sizes (several minutes)
    python bench/run_all.py --quick    # CI sizes

Each script prints its own table of figures; this prints a one-line verdict per script
at the end. A separate process per script keeps each peak-memory figure its own.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHMARKS = ["bench_parse.py", "bench_import.py", "bench_summarize.py", "bench_search.py"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="CI sizes")
    args = parser.parse_args(argv)
    results = []
    for script in BENCHMARKS:
        print(f"\n=== {script} ===", flush=True)
        started = time.perf_counter()
        code = subprocess.call([sys.executable, str(HERE / script)] + (["--quick"] if args.quick else []),
                               cwd=HERE.parent)
        results.append((script, code, time.perf_counter() - started))
    print("\nbenchmark              result   seconds")
    for script, code, seconds in results:
        print(f"{script:<22} {'ok' if code == 0 else f'FAIL ({code})':<8} {seconds:>7.0f}")
    return 1 if any(code for _, code, _ in results) else 0


if __name__ == "__main__":
    sys.exit(main())
