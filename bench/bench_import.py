"""Benchmark importing PubMed XML into SQLite: new records, then an unchanged re-import.

Writes a generated PubMed file (the same invented articles as ``bench_parse.py``), then
runs ``papers_import_files`` -- the code path behind ``sciplain import`` -- into a fresh
SQLite data directory three times: the first pass creates every paper, the second finds
each one unchanged, the third ("created+") adds a second file of new papers to the
filled table, which shows whether matching slows as the table grows. Rates are records per CPU-second of the whole call (parse, match, hash,
write, commit; SQLite runs in this process, so its work counts), so that other jobs on a
shared machine do not count against the importer; wall-clock rates are printed beside them.
A parse of the same file with no database shows how the time of a new record divides
between the parser and the import's own work.

    python bench/bench_import.py              # 30,000 records
    python bench/bench_import.py --quick      # 10,000 records (CI)

Targets (issue): >= 2,000 records/s new, >= 5,000 records/s unchanged. The exit code
uses looser floors so that a slow, shared CI machine does not fail on noise.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from bench_parse import write_file

TARGETS = {"created": 2_000, "unchanged": 5_000}
FLOORS = {"created": 500, "unchanged": 1_000}


def setup_django(data_dir: str) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "sciplain.settings"
    os.environ["SCIPLAIN_DATA_DIR"] = data_dir
    os.environ["SCIPLAIN_SECRET_KEY"] = "bench-only-secret-key-" + "x" * 40
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=30_000)
    parser.add_argument("--quick", action="store_true", help="10,000 records (CI)")
    args = parser.parse_args(argv)
    records = 10_000 if args.quick else args.records
    with tempfile.TemporaryDirectory() as folder:
        setup_django(folder)
        from sciplain.papers.models import Paper
        from sciplain.papers.services import papers_import_files
        from sciplain.sources.files import iter_file

        path, more = Path(folder) / "pubmed.xml", Path(folder) / "more.xml"
        write_file(path, records)
        write_file(more, records, first_pmid=50_000_000)
        cpu = time.process_time()
        for _ in iter_file(path, known=lambda digests: ()):  # read ahead and built as an import builds them
            pass
        parse_cpu = time.process_time() - cpu
        rows, failures = [], []
        # the third pass adds as many new papers again: matching must not slow as the table grows
        for expected, outcome, source in (("created", "created", path), ("unchanged", "skipped", path),
                                          ("created", "created", more)):
            started, cpu = time.perf_counter(), time.process_time()
            report = papers_import_files(paths=[source])
            seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
            got = report.counts.get(outcome, 0)
            rate = records / cpu
            rows.append((expected, records, got, seconds, records / seconds, rate))
            if got != records:
                failures.append(f"{expected}: {got} of {records} records")
            if rate < FLOORS[expected]:
                failures.append(f"{expected}: {rate:,.0f} records/s is below the floor of {FLOORS[expected]:,}")
        if Paper.objects.count() != 2 * records:
            failures.append(f"database holds {Paper.objects.count()} papers, expected {2 * records}")

    print(f"\nsciplain import into SQLite — {records:,} generated PubMed records\n")
    print(f"{'pass':<10} {'records':>8} {'outcome':>8} {'wall s':>7} {'wall rec/s':>10} {'CPU rec/s':>10} {'target':>8}")
    for number, (expected, total, got, seconds, wall_rate, rate) in enumerate(rows):
        label = "created+" if number == 2 else expected  # new papers into a table that already holds some
        print(f"{label:<10} {total:>8,} {got:>8,} {seconds:>7.2f} {wall_rate:>10,.0f} {rate:>10,.0f} "
              f"{TARGETS[expected]:>8,}")
    parsing, created = parse_cpu / records * 1e6, 1e6 / rows[0][-1]
    print(f"\nof a new record's {created:,.0f} µs of CPU, parsing takes {parsing:,.0f} µs "
          f"({records / parse_cpu:,.0f} records/s alone) and the import's own work {created - parsing:,.0f} µs")
    for failure in failures:
        print(f"FAIL: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
