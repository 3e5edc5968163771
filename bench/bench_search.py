"""Benchmark search over a large SQLite database, and weigh a research page.

Builds N papers with published summaries (bulk inserts into a temporary SQLite data dir:
invented titles and summaries with Zipf-distributed words around an SCI word list, varied
categories, designs and years), indexes them, then times ``search_papers`` (the whole call: FTS5 query, filters,
ranking, count, and loading the page of 12 papers to render) for 1-3 word queries, half
of them with filters. It then renders one research page and adds up its HTML, CSS and JS,
and lists any request it would make to another site.

    python bench/bench_search.py            # 100,000 papers
    python bench/bench_search.py --quick    # 20,000 papers, well under a minute (CI)

Targets (issue): search p50 < 20 ms, p99 < 100 ms; a research page < 100 KB with its CSS
and JS, and no third-party requests. The exit code uses looser floors (p50 > 100 ms,
p99 > 500 ms, page > 150 KB, any third-party request) so a slow CI machine does not fail
on noise.
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TARGET_P50_MS, TARGET_P99_MS, TARGET_PAGE_KB = 20, 100, 100
FLOOR_P50_MS, FLOOR_P99_MS, FLOOR_PAGE_KB = 100, 500, 150

WORDS = ["walking", "gait", "treadmill", "exoskeleton", "balance", "standing", "stepping", "locomotor", "training", "therapy", "rehabilitation", "bladder", "bowel", "urinary", "catheter", "continence", "kidney", "infection", "sexual", "fertility", "pain", "neuropathic", "spasticity", "spasms", "stiffness", "botulinum", "baclofen", "stimulation", "epidural", "transcutaneous", "electrical", "nerve", "brain", "computer", "interface", "robot", "wheelchair", "transfer", "shoulder", "arm", "hand", "grip", "tetraplegia", "paraplegia", "cervical", "thoracic", "lumbar", "injury", "cord", "spinal", "acute", "chronic", "complete", "incomplete", "recovery", "regeneration", "axon", "stem", "cells", "scaffold", "inflammation", "neuroprotection", "methylprednisolone", "surgery", "decompression", "fusion", "pressure", "skin", "ulcer", "injury", "breathing", "respiratory", "ventilation", "cough", "sleep", "apnea", "heart", "blood", "autonomic", "dysreflexia", "hypotension", "temperature", "bone", "osteoporosis", "fracture", "weight", "obesity", "diet", "nutrition", "exercise", "fitness", "strength", "muscle", "depression", "anxiety", "mood", "quality", "life", "community", "employment", "return", "work", "caregiver", "family", "education", "telehealth", "app", "smartphone", "peer", "support", "coaching", "mobility", "driving", "housing", "access", "cost", "hospital", "discharge", "children", "adolescents", "older", "adults", "women", "veterans", "mice", "rats", "pigs", "monkeys", "cells", "culture", "lab", "outcome", "measure", "survey", "interview", "trial", "cohort", "registry", "follow", "years", "months", "weeks", "safety", "feasibility"]
CATEGORIES = [("Rehabilitation", "rehabilitation"), ("Bladder and Bowel", "bladder-and-bowel"),
              ("Pain", "pain"), ("Spasticity", "spasticity"), ("Stem Cells and Regeneration", "regeneration"),
              ("Neuromodulation", "neuromodulation"), ("Mental Health", "mental-health"),
              ("Skin and Pressure Injuries", "skin"), ("Breathing", "breathing"), ("Heart and Blood", "autonomic"),
              ("Technology", "technology"), ("Living with SCI", "living")]
DESIGNS = ["randomized controlled trial", "cohort (prospective)", "cohort (retrospective)", "cross-sectional",
           "case series", "case report", "systematic review", "narrative review", "animal study",
           "in vitro/lab study", "qualitative", "study protocol"]


def setup_django(data_dir: str) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "sciplain.settings"
    os.environ["SCIPLAIN_DATA_DIR"] = data_dir
    os.environ["SCIPLAIN_SECRET_KEY"] = "bench-only-secret-key-" + "x" * 40
    os.environ.setdefault("SCIPLAIN_ALLOWED_HOSTS", "localhost")
    os.environ["SCIPLAIN_PAGE_CACHE_SECONDS"] = "0"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    os.makedirs(Path(data_dir) / "static", exist_ok=True)
    call_command("collectstatic", interactive=False, verbosity=0)


def _vocabulary(seed: int = 3) -> tuple[list[str], list[float]]:
    """Word frequencies follow Zipf's law, as in real text: the SCI words are spread over the first
    1,500 ranks of a 3,500-word vocabulary whose long tail is invented words. (A small vocabulary
    drawn uniformly would put every query word in most papers, which no real corpus does.)"""
    rng = random.Random(seed)
    syllables = ["ka", "lo", "mi", "ren", "tu", "sa", "vel", "dor", "pi", "nek", "ra", "zo", "ul", "fen", "bi"]
    filler: list[str] = []
    while len(filler) < 3500 - len(WORDS):
        word = "".join(rng.choices(syllables, k=rng.randint(2, 4)))
        if word not in filler and word not in WORDS:
            filler.append(word)
    vocab = filler[:]
    for word, rank in zip(WORDS, sorted(rng.sample(range(5, 1500), len(WORDS)))):
        vocab.insert(rank, word)
    return vocab, [1 / (rank + 1) for rank in range(len(vocab))]


VOCAB, WEIGHTS = _vocabulary()
CUMULATIVE = list(itertools.accumulate(WEIGHTS))


def _sentence(rng: random.Random, n: int) -> str:
    words = rng.choices(VOCAB, cum_weights=CUMULATIVE, k=n)
    return (" ".join(words)).capitalize() + "."


def build(n: int, seed: int = 7) -> dict[str, float]:
    """Bulk-insert n papers with published summaries and index them; returns timings."""
    from django.db import connection, transaction
    from django.utils import timezone

    from sciplain.papers.models import Category, Paper, Summary
    from sciplain.summarize.evidence import evidence_for_design
    from sciplain.web.search_index import index_row, write_rows

    rng = random.Random(seed)
    timings = {}
    started = time.perf_counter()
    cats = [Category.objects.get_or_create(slug=slug, defaults={"name": name})[0] for name, slug in CATEGORIES]
    evidence = {d: evidence_for_design(d).model_dump() for d in DESIGNS}
    now = timezone.now()
    batch = 5000
    with transaction.atomic():
        for start in range(0, n, batch):
            papers, summaries, links, rows = [], [], [], []
            for i in range(start, min(n, start + batch)):
                year = rng.randint(1995, 2025)
                papers.append(Paper(
                    id=i + 1, pmid=str(10_000_000 + i), doi=f"10.1000/bench.{i}", source="pubmed",
                    source_id=str(10_000_000 + i), slug=f"paper-{i}", title=_sentence(rng, rng.randint(6, 14)),
                    journal=rng.choice(["Spinal Cord", "J Neurotrauma", "Arch Phys Med Rehabil", "J Spinal Cord Med"]),
                    pub_date=str(year), year=year, month=rng.randint(1, 12),
                    authors=[{"last_name": rng.choice(["Rivera", "Okafor", "Chen", "Singh", "Müller", "Kowalski"]),
                              "fore_name": rng.choice(["Ana", "Sam", "Li", "Priya", "Jonas"])}
                             for _ in range(rng.randint(1, 6))],
                    mesh=[{"descriptor": "Spinal Cord Injuries"}], keywords=rng.sample(WORDS, 3),
                ))
            Paper.objects.bulk_create(papers)
            for p in papers:
                design = rng.choice(DESIGNS)
                content = {
                    "simple_explanation": " ".join(_sentence(rng, rng.randint(10, 18)) for _ in range(3)),
                    "research_summary": " ".join(_sentence(rng, 15) for _ in range(3)),
                    "key_findings": [{"text": _sentence(rng, 12), "source_sentences": [1]} for _ in range(3)],
                    "study_design": design, "evidence_level": evidence[design],
                    "participants": {"description": _sentence(rng, 6)}, "study_duration": "12 weeks",
                    "practical_implications": [{"title": "What it means", "text": _sentence(rng, 12)}],
                    "limitations": [{"text": _sentence(rng, 10), "origin": "stated"}],
                    "categories": [], "backend": "bench", "version": "bench",
                }
                summaries.append(Summary(id=p.id, paper_id=p.id, version=1, is_current=True, is_live=True,
                                         status=Summary.Status.PUBLISHED, content=content, study_design=design,
                                         evidence_level=evidence[design]["level"], passed_checks=True,
                                         published_at=now, created_at=now))
                chosen = rng.sample(cats, rng.randint(1, 2))
                links += [Summary.categories.through(summary_id=p.id, category_id=c.id) for c in chosen]
                rows.append(index_row(paper=p, content=content, categories=[(c.slug, c.name) for c in chosen]))
            Summary.objects.bulk_create(summaries)
            Summary.categories.through.objects.bulk_create(links)
            write_rows(rows, replace=False)
    timings["build_s"] = time.perf_counter() - started
    with connection.cursor() as cursor:
        started = time.perf_counter()
        cursor.execute("INSERT INTO web_search_fts(web_search_fts) VALUES ('optimize')")
        cursor.execute("ANALYZE")
        timings["optimize_s"] = time.perf_counter() - started
    return timings


def _queries(count: int, seed: int = 11):
    from sciplain.web.search import SearchFilters

    rng = random.Random(seed)
    kinds = ["human", "animal", "lab", "review"]
    levels = ["1", "2", "3", "4", "5", "preclinical"]
    out = []
    for i in range(count):
        words = " ".join(rng.sample(WORDS, rng.randint(1, 3)))
        f = SearchFilters()
        if i % 2:
            choice = rng.randint(0, 4)
            f = [SearchFilters(kind=rng.choice(kinds)), SearchFilters(category=rng.choice(CATEGORIES)[1]),
                 SearchFilters(year_from=rng.randint(2000, 2020)),
                 SearchFilters(evidence=rng.choice(levels), year_to=rng.randint(2005, 2025)),
                 SearchFilters(kind="human", category=rng.choice(CATEGORIES)[1], year_from=2010)][choice]
        out.append((words, f, "date" if i % 5 == 0 else "relevance"))
    return out


def time_search(count: int) -> dict[str, float]:
    from sciplain.web.search import search_papers

    queries = _queries(count)
    for words, f, sort in queries[:20]:  # warm the page cache of SQLite and Python
        search_papers(query=words, filters=f, sort=sort)
    times, empty = [], 0
    for words, f, sort in queries:
        started = time.perf_counter()
        results = search_papers(query=words, filters=f, sort=sort)
        times.append((time.perf_counter() - started) * 1000)
        empty += results.total == 0
    times.sort()
    return {"p50_ms": statistics.median(times), "p99_ms": times[int(len(times) * 0.99) - 1],
            "max_ms": times[-1], "queries": len(times), "no_results": empty}


_ASSET = re.compile(r'<(?:link|script|img)\b[^>]*?\b(?:href|src)="([^"]+)"[^>]*>', re.IGNORECASE)


def page_weight() -> dict:
    from django.conf import settings
    from django.test import Client

    from sciplain import conf
    from sciplain.papers.models import Paper

    paper = Paper.objects.published().order_by("pk").first()
    response = Client(HTTP_HOST="localhost").get(paper.get_absolute_url())
    assert response.status_code == 200, response.status_code
    html = response.content.decode()
    assets, third_party, total = [], [], len(response.content)
    site = conf.get("SITE_URL").rstrip("/")
    for tag in _ASSET.finditer(html):
        url = tag.group(1)
        if re.search(r'rel="(canonical|alternate)"', tag.group(0)):
            continue  # not fetched by the browser
        if url.startswith(("http://", "https://", "//")) and not url.startswith(site):
            third_party.append(url)
            continue
        if url.startswith(settings.STATIC_URL):
            path = Path(settings.STATIC_ROOT) / url[len(settings.STATIC_URL):]
            size = path.stat().st_size
            assets.append((url, size))
            total += size
    return {"html_bytes": len(response.content), "assets": assets, "total_bytes": total, "third_party": third_party}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="20,000 papers (CI)")
    parser.add_argument("--papers", type=int, help="how many papers to build (default 100,000)")
    parser.add_argument("--queries", type=int, default=400)
    args = parser.parse_args(argv)
    n = args.papers or (20_000 if args.quick else 100_000)

    with tempfile.TemporaryDirectory(prefix="sciplain-bench-search-") as data_dir:
        setup_django(data_dir)
        built = build(n)
        searched = time_search(args.queries)
        weight = page_weight()

    kb = weight["total_bytes"] / 1024
    rows = [
        ("papers indexed", f"{n:,}", "", ""),
        ("build + index (s)", f"{built['build_s']:.1f}", "", ""),
        ("FTS optimize (s)", f"{built['optimize_s']:.1f}", "", ""),
        (f"search p50 (ms), {searched['queries']} queries", f"{searched['p50_ms']:.1f}", f"< {TARGET_P50_MS}",
         "ok" if searched["p50_ms"] < TARGET_P50_MS else "MISSED"),
        ("search p99 (ms)", f"{searched['p99_ms']:.1f}", f"< {TARGET_P99_MS}",
         "ok" if searched["p99_ms"] < TARGET_P99_MS else "MISSED"),
        ("search max (ms)", f"{searched['max_ms']:.1f}", "", ""),
        ("queries with no results", str(searched["no_results"]), "", ""),
        ("research page HTML (KB)", f"{weight['html_bytes'] / 1024:.1f}", "", ""),
        ("research page + CSS + JS (KB)", f"{kb:.1f}", f"< {TARGET_PAGE_KB}", "ok" if kb < TARGET_PAGE_KB else "MISSED"),
        ("third-party requests", str(len(weight["third_party"])), "0", "ok" if not weight["third_party"] else "MISSED"),
    ]
    widths = [max(len(r[i]) for r in rows + [("measure", "value", "target", "")]) for i in range(4)]
    line = lambda r: "  ".join(str(c).ljust(w) for c, w in zip(r, widths)).rstrip()
    print(line(("measure", "value", "target", "")))
    print(line(tuple("-" * w for w in widths)))
    for r in rows:
        print(line(r))
    for url, size in weight["assets"]:
        print(f"  asset {url}: {size / 1024:.1f} KB")

    failures = []
    if searched["p50_ms"] > FLOOR_P50_MS:
        failures.append(f"search p50 {searched['p50_ms']:.0f} ms > {FLOOR_P50_MS} ms")
    if searched["p99_ms"] > FLOOR_P99_MS:
        failures.append(f"search p99 {searched['p99_ms']:.0f} ms > {FLOOR_P99_MS} ms")
    if kb > FLOOR_PAGE_KB:
        failures.append(f"research page {kb:.0f} KB > {FLOOR_PAGE_KB} KB")
    if weight["third_party"]:
        failures.append(f"third-party requests: {weight['third_party']}")
    for failure in failures:
        print(f"REGRESSION: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
