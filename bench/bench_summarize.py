"""Benchmark the offline summary engine on the shared datasets and fail on regressions.

    .venv/bin/python bench/bench_summarize.py            # everything (a few minutes)
    .venv/bin/python bench/bench_summarize.py --quick    # ~150 abstracts, < 60 s, for CI

Data: ../shared/data beside the repository (see its README for licences; nothing
from it is copied into the repo). Exit status 1 when a metric falls below the
generous floors in FLOORS.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sciplain.summarize import split_article, summarize
from sciplain.summarize.design import PUB_TYPES, classify_design
from sciplain.summarize.io import article_from_dict, sections_from_text
from sciplain.summarize.readability import measure
from sciplain.summarize.roles import CATEGORY_ROLE
from sciplain.summarize.splitter import split_sentences
from sciplain.summarize.textutil import numbers_in
from sciplain.summarize.types import Article, Section

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"

FLOORS = {  # generous, a little behind what the engine reaches: the targets are in TARGETS
    "fkgl_simple_max": 8.5,  # median over the datasets
    "fkgl_simple_worst_max": 8.8,  # any one dataset
    "fkgl_findings_worst_max": 13.0,
    "fkgl_research_worst_max": 12.8,
    "numbers_in_source_min": 99.0,
    "findings_without_source_max": 0,
    "role_accuracy_min": 82.0,
    "design_pubmed_min": 80.0,
    "design_cochrane_min": 95.0,
    "throughput_min": 40.0,
    "peak_memory_mb_max": 500.0,
}
TARGETS = {"fkgl_simple": "≤ 8", "fkgl_findings": "≤ 10", "fkgl_research": "9–11", "numbers": "100%", "roles": "≥ 85%",
           "throughput": "≥ 100/s", "memory": "< 500 MB"}
METADATA_LABEL = re.compile(r"fund|disclosure|registration|conflict|sponsor|competing|declaration|role of the|financial", re.IGNORECASE)
NON_RESEARCH = {"comment", "letter", "editorial", "news", "published erratum", "video-audio media", "introductory journal article"}


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def sample(rows: list, n: int | None) -> list:
    if n is None or len(rows) <= n:
        return rows
    step = len(rows) / n
    return [rows[int(i * step)] for i in range(n)]


def datasets(quick: bool) -> dict[str, list[tuple[Article, str]]]:
    """name -> [(article, human plain-language summary or "")]."""
    n = (lambda k: k) if quick else (lambda k: None)
    out: dict[str, list[tuple[Article, str]]] = {}
    rows = sample(read_jsonl(DATA / "cochrane-devaraj2021" / "test.jsonl"), n(35))
    out["cochrane-devaraj2021"] = [(Article(id=r["doi"], title="", sections=[Section(text=r["source"])]), r["target"]) for r in rows]
    rows = sample(read_jsonl(DATA / "cochrane-abstract-pls-bridging-gap" / "test.jsonl"), n(30))
    out["cochrane-bridging-gap"] = [(Article(id=r["doi"], title="", sections=sections_from_text(r["abstract"])), r["pls"]) for r in rows]
    rows = sample(read_jsonl(DATA / "plos-lay-summaries-starter" / "pairs.jsonl"), n(20))
    out["plos-lay"] = [(Article(id=r["id"], title=r["title"], sections=sections_from_text(r["abstract"])), r["lay_summary"]) for r in rows]
    rows = [r for r in read_jsonl(DATA / "pubmed-xml-samples" / "records.jsonl") if r.get("abstract")]
    out["pubmed-records"] = [(pubmed_article(r), "") for r in sample(rows, n(65))]
    return out


def pubmed_article(r: dict, hide_types: bool = False) -> Article:
    d = dict(r)
    d["id"] = r["pmid"] or r.get("doi") or r["title"][:30]
    if r.get("abstract_sections"):
        d["abstract"] = [{"label": s.get("label", ""), "category": s.get("nlm_category", ""), "text": s["text"]}
                         for s in r["abstract_sections"] if s.get("text")]
    if hide_types:
        d["publication_types"] = []
    return article_from_dict(d)


def quality(data: dict[str, list[tuple[Article, str]]]) -> tuple[list[dict], dict]:
    rows, totals = [], Counter()
    all_times = []
    for name, pairs in data.items():
        fk = defaultdict(list)
        out_numbers = found_numbers = no_source = passed = 0
        codes = Counter()
        for article, human in pairs:
            t = time.perf_counter()
            s = summarize(article)
            all_times.append(time.perf_counter() - t)
            fk["simple"].append(s.readability["simple_explanation"].fkgl)
            if s.key_findings:
                fk["findings"].append(s.readability["key_findings"].fkgl)
            fk["research"].append(s.readability["research_summary"].fkgl)
            if human.strip():
                fk["human"].append(measure(human).fkgl)
            source = "\n".join([article.title] + [x.text for x in article.sections])
            src_numbers = numbers_in(source, words=True)
            texts = [s.simple_explanation, s.research_summary, *(f.text for f in s.key_findings),
                     s.participants.description or "", s.study_duration or "", *(x.text for x in s.limitations)]
            for text in texts:
                nums = numbers_in(text)
                out_numbers += len(nums)
                found_numbers += len(nums & src_numbers)
            n_sent = len(split_article(article))
            no_source += sum(1 for f in s.key_findings if not f.source_sentences or any(i >= n_sent for i in f.source_sentences))
            passed += s.passed
            codes.update(c.code for c in s.checks)
        med = {k: round(statistics.median([v for v in vals if v is not None]), 1) if vals else None for k, vals in fk.items()}
        rows.append({"dataset": name, "n": len(pairs), "fkgl_simple": med.get("simple"), "fkgl_findings": med.get("findings"),
                     "fkgl_research": med.get("research"), "fkgl_human": med.get("human"),
                     "numbers_in_source": round(100 * found_numbers / out_numbers, 2) if out_numbers else 100.0,
                     "findings_without_source": no_source, "passed": round(100 * passed / len(pairs), 1),
                     "codes": dict(codes.most_common())})
        totals["out_numbers"] += out_numbers
        totals["found_numbers"] += found_numbers
        totals["no_source"] += no_source
    return rows, {"times": all_times, **totals}


def role_accuracy(quick: bool) -> dict:
    rows = [r for r in read_jsonl(DATA / "pubmed-xml-samples" / "records.jsonl")
            if r.get("abstract_sections") and all(s.get("nlm_category") for s in r["abstract_sections"])]
    structured = len(rows)
    rows = sample(rows, 80 if quick else None)
    correct, total = Counter(), Counter()
    confusion = Counter()
    for r in rows:
        text, spans = "", []
        for sec in r["abstract_sections"]:
            start = len(text) + (1 if text else 0)
            text = f"{text} {sec['text']}" if text else sec["text"]
            # NLM files funding, disclosure and registration lines under BACKGROUND; they are not discourse roles.
            metadata = METADATA_LABEL.search(sec.get("label") or "")
            spans.append((start, len(text), "" if metadata else CATEGORY_ROLE.get(sec["nlm_category"].upper(), "")))
        article = Article(id=r["pmid"], title=r["title"], sections=[Section(text=text)])
        for s in split_article(article):
            gold = next((role for a, b, role in spans if a <= s.start < b), "")
            if not gold:
                continue
            pred = "conclusions" if s.role == "limitations" else s.role
            total[gold] += 1
            correct[gold] += pred == gold
            confusion[(gold, pred)] += 1
    per_class = {k: round(100 * correct[k] / total[k], 1) for k in total}
    overall = round(100 * sum(correct.values()) / max(1, sum(total.values())), 1)
    return {"abstracts": len(rows), "structured_available": structured, "overall": overall, "per_class": per_class,
            "support": dict(total), "top_confusions": [(f"{g}->{p}", n) for (g, p), n in confusion.most_common() if g != p][:6]}


# PubMed added the "Systematic Review" publication type in 2019: older systematic reviews carry only "Review", and
# their titles say what they are ("…: a systematic review", "Systematic review and meta-analysis of …").
TITLE_SR = re.compile(r"\bsystematic (?:literature )?review\b|\bmeta-?analys[ie]s\b", re.IGNORECASE)
TITLE_MA = re.compile(r"\bmeta-?analys[ie]s\b", re.IGNORECASE)


def gold_design(types: list[str], title: str = "") -> str | None:
    low = {t.lower() for t in types}
    if low & NON_RESEARCH:
        return None
    for pub, design in PUB_TYPES:
        if pub in low:
            if design == "narrative review" and TITLE_SR.search(title):
                return "systematic review with meta-analysis" if TITLE_MA.search(title) else "systematic review"
            return design
    return None


def design_accuracy(quick: bool) -> dict:
    records = [r for r in read_jsonl(DATA / "pubmed-xml-samples" / "records.jsonl") if r.get("abstract")]
    hits = strict = n = 0
    family = {"systematic review with meta-analysis": "sr", "systematic review": "sr", "non-randomized controlled trial": "trial",
              "randomized controlled trial": "rct", "cohort (prospective)": "obs", "cohort (retrospective)": "obs",
              "case-control": "obs", "cross-sectional": "obs"}
    mistakes = Counter()
    for r in records:
        gold = gold_design(r.get("publication_types") or [], r.get("title") or "")
        if gold is None:
            continue
        a = pubmed_article(r, hide_types=True)
        pred = classify_design(a.title, " ".join(s.text for s in a.sections), [], a.mesh)
        n += 1
        strict += pred == gold
        hits += family.get(pred, pred) == family.get(gold, gold)
        if pred != gold:
            mistakes[f"{gold} -> {pred}"] += 1
    coch = sample(read_jsonl(DATA / "cochrane-abstract-pls-bridging-gap" / "test.jsonl"), 60 if quick else None)
    sr = sum(classify_design("", r["abstract"], [], []) in ("systematic review", "systematic review with meta-analysis") for r in coch)
    dev = sample(read_jsonl(DATA / "cochrane-devaraj2021" / "test.jsonl"), 60 if quick else None)
    sr_dev = sum(classify_design("", r["source"], [], []) in ("systematic review", "systematic review with meta-analysis") for r in dev)
    return {"pubmed_n": n, "pubmed_strict": round(100 * strict / max(1, n), 1), "pubmed_family": round(100 * hits / max(1, n), 1),
            "pubmed_mistakes": dict(mistakes.most_common(5)),
            "cochrane_full_abstract_sr": round(100 * sr / len(coch), 1), "cochrane_results_only_sr": round(100 * sr_dev / len(dev), 1)}


def rouge(data: dict[str, list[tuple[Article, str]]]) -> dict:
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    out = {}
    for name in ("cochrane-devaraj2021", "cochrane-bridging-gap"):
        scores, ratios = defaultdict(list), []
        for article, human in data[name]:
            simple = summarize(article).simple_explanation
            for k, v in scorer.score(human, simple).items():
                scores[k].append(v.fmeasure)
            source_words = sum(len(s.text.split()) for s in article.sections)
            ratios.append(len(simple.split()) / max(1, source_words))
        out[name] = {k: round(100 * statistics.mean(v), 1) for k, v in scores.items()}
        out[name]["compression"] = round(statistics.median(ratios), 2)
    return out


def splitter_agreement(quick: bool) -> dict:
    import pysbd

    seg = pysbd.Segmenter(language="en", clean=False)
    texts = [s["text"] for r in read_jsonl(DATA / "pubmed-xml-samples" / "records.jsonl") for s in r.get("abstract_sections") or []]
    texts += [r["abstract"] for r in read_jsonl(DATA / "plos-lay-summaries-starter" / "pairs.jsonl")]
    texts += [r["source"] for r in read_jsonl(DATA / "cochrane-devaraj2021" / "test.jsonl")]
    texts = sample([t for t in texts if t.strip()], 120 if quick else 700)
    same = theirs = ours = 0
    t_ours = t_theirs = 0.0
    for text in texts:
        t = time.perf_counter()
        a = {s.strip() for s in seg.segment(text) if s.strip()}
        t_theirs += time.perf_counter() - t
        t = time.perf_counter()
        b = set(split_sentences(text))
        t_ours += time.perf_counter() - t
        same += len(a & b)
        theirs += len(a)
        ours += len(b)
    p, r = same / max(1, ours), same / max(1, theirs)
    return {"texts": len(texts), "sentence_f1": round(100 * 2 * p * r / max(1e-9, p + r), 1),
            "speedup": round(t_theirs / max(1e-9, t_ours), 1)}


def throughput(quick: bool) -> dict:
    """Abstracts per CPU-second on text the engine has not seen: run first, before any other
    pass fills the caches keyed by text, and warmed on other abstracts (Cochrane), as a
    long-running worker is warmed by the papers before."""
    rows = [r for r in read_jsonl(DATA / "pubmed-xml-samples" / "records.jsonl") if r.get("abstract")]
    articles = [pubmed_article(r) for r in sample(rows, 150 if quick else None)]
    warm = read_jsonl(DATA / "cochrane-abstract-pls-bridging-gap" / "test.jsonl")[:10]
    for i, r in enumerate(warm):
        summarize(Article(id=f"warm-{i}", title="", sections=sections_from_text(r["abstract"])))
    # CPU time of this process, so that other jobs on a shared machine do not count against the engine.
    t, wall = time.process_time(), time.perf_counter()
    for a in articles:
        summarize(a)
    dt, dt_wall = time.process_time() - t, time.perf_counter() - wall
    return {"n": len(articles), "per_second": round(len(articles) / dt, 1), "per_second_wall": round(len(articles) / dt_wall, 1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="sample ~150 abstracts (CI)")
    parser.add_argument("--json", metavar="PATH", help="also write the results as JSON")
    args = parser.parse_args(argv)
    if not DATA.exists():
        print(f"no data at {DATA}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    speed = throughput(args.quick)
    data = datasets(args.quick)
    rows, totals = quality(data)
    roles = role_accuracy(args.quick)
    designs = design_accuracy(args.quick)
    rouges = rouge(data)
    split = splitter_agreement(args.quick)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"\nsciplain offline summary engine — {'quick' if args.quick else 'full'} benchmark\n")
    print(f"{'dataset':24} {'n':>4} {'FKGL simple':>11} {'findings':>8} {'research':>8} {'human PLS':>9} {'numbers%':>8} {'no-src':>6} {'passed%':>7}")
    for r in rows:
        fmt = lambda v: "-" if v is None else f"{v}"
        print(f"{r['dataset']:24} {r['n']:>4} {fmt(r['fkgl_simple']):>11} {fmt(r['fkgl_findings']):>8} {fmt(r['fkgl_research']):>8} "
              f"{fmt(r['fkgl_human']):>9} {r['numbers_in_source']:>8} {r['findings_without_source']:>6} {r['passed']:>7}")
    print(f"{'targets':24} {'':>4} {TARGETS['fkgl_simple']:>11} {TARGETS['fkgl_findings']:>8} {TARGETS['fkgl_research']:>8} {'':>9} {'100':>8} {'0':>6}")
    print("\ncheck codes per dataset:", "; ".join(f"{r['dataset']}: {r['codes']}" for r in rows))
    print(f"\nsentence roles ({roles['abstracts']} of {roles['structured_available']} structured PubMed abstracts, labels stripped): "
          f"overall {roles['overall']}%  " + "  ".join(f"{k} {v}% (n={roles['support'][k]})" for k, v in sorted(roles["per_class"].items())))
    print(f"  most confused: {roles['top_confusions']}")
    print(f"study design vs PubMed publication types (hidden; a 'Review' titled as a systematic review counts as one), "
          f"n={designs['pubmed_n']}: strict {designs['pubmed_strict']}%, "
          f"same family {designs['pubmed_family']}%; mistakes {designs['pubmed_mistakes']}")
    print(f"study design on Cochrane (all systematic reviews): full abstracts {designs['cochrane_full_abstract_sr']}%, "
          f"results+conclusions only (Devaraj) {designs['cochrane_results_only_sr']}%")
    for name, r in rouges.items():
        print(f"ROUGE simple explanation vs human PLS, {name}: R1 {r['rouge1']}  R2 {r['rouge2']}  RL {r['rougeL']}  "
              f"compression (words out / words in) {r['compression']}")
    print(f"splitter vs pysbd on {split['texts']} texts: sentence F1 {split['sentence_f1']}%, {split['speedup']}x faster")
    print(f"throughput {speed['per_second']} abstracts per CPU-second on one core ({speed['per_second_wall']}/s wall clock; "
          f"n={speed['n']}, target {TARGETS['throughput']}); "
          f"peak memory {peak_mb:.0f} MB (target {TARGETS['memory']}); bench took {time.perf_counter() - started:.0f} s")

    fkgl_simple = statistics.median([r["fkgl_simple"] for r in rows])
    numbers = 100 * totals["found_numbers"] / max(1, totals["out_numbers"])
    failures = []
    if fkgl_simple > FLOORS["fkgl_simple_max"]:
        failures.append(f"median FKGL of simple explanations {fkgl_simple} > {FLOORS['fkgl_simple_max']}")
    worst_simple = max(r["fkgl_simple"] for r in rows if r["fkgl_simple"] is not None)
    if worst_simple > FLOORS["fkgl_simple_worst_max"]:
        failures.append(f"median FKGL of simple explanations on one dataset {worst_simple} > {FLOORS['fkgl_simple_worst_max']}")
    worst_findings = max(r["fkgl_findings"] for r in rows if r["fkgl_findings"] is not None)
    if worst_findings > FLOORS["fkgl_findings_worst_max"]:
        failures.append(f"median FKGL of key findings on one dataset {worst_findings} > {FLOORS['fkgl_findings_worst_max']}")
    worst_research = max(r["fkgl_research"] for r in rows if r["fkgl_research"] is not None)
    if worst_research > FLOORS["fkgl_research_worst_max"]:
        failures.append(f"median FKGL of research summaries on one dataset {worst_research} > {FLOORS['fkgl_research_worst_max']}")
    if designs["pubmed_strict"] < FLOORS["design_pubmed_min"]:
        failures.append(f"study design vs PubMed types {designs['pubmed_strict']}% < {FLOORS['design_pubmed_min']}%")
    if designs["cochrane_full_abstract_sr"] < FLOORS["design_cochrane_min"]:
        failures.append(f"Cochrane reviews taken for systematic reviews {designs['cochrane_full_abstract_sr']}% "
                        f"< {FLOORS['design_cochrane_min']}%")
    if numbers < FLOORS["numbers_in_source_min"]:
        failures.append(f"numbers found in source {numbers:.2f}% < {FLOORS['numbers_in_source_min']}%")
    if totals["no_source"] > FLOORS["findings_without_source_max"]:
        failures.append(f"{totals['no_source']} key findings without a source sentence")
    if roles["overall"] < FLOORS["role_accuracy_min"]:
        failures.append(f"role accuracy {roles['overall']}% < {FLOORS['role_accuracy_min']}%")
    if speed["per_second"] < FLOORS["throughput_min"]:
        failures.append(f"throughput {speed['per_second']}/s < {FLOORS['throughput_min']}/s")
    if peak_mb > FLOORS["peak_memory_mb_max"]:
        failures.append(f"peak memory {peak_mb:.0f} MB > {FLOORS['peak_memory_mb_max']} MB")
    if args.json:
        Path(args.json).write_text(json.dumps({"datasets": rows, "roles": roles, "designs": designs, "rouge": rouges,
                                               "splitter": split, "throughput": speed, "peak_memory_mb": round(peak_mb),
                                               "failures": failures}, indent=2))
    print("\nREGRESSION: " + "; ".join(failures) if failures else "\nall floors met")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
