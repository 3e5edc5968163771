"""Benchmark the streaming PubMed XML parser against lxml alone, and check memory stays flat.

A PubMed baseline file holds 30,000 articles. This writes such a file (invented
articles of realistic size: structured abstracts, six authors, MeSH, references)
and a 3x larger one, then times ``sciplain.sources.pubmed.iter_records``, a bare
lxml ``iterparse`` that does no work, and ``xmllint --stream`` when installed.
Each run is a fresh process, so its peak RSS is its own.

    python bench/bench_parse.py            # table; exit 1 below the floors
    python bench/bench_parse.py --records 5000
    python bench/bench_parse.py --quick    # 10,000 and 30,000 records (CI)

Targets (issue): >= 5,000 records/s on one core, peak RSS < 300 MB. The exit code
uses looser floors so that a slow CI machine does not fail on noise.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FLOOR_RECORDS_PER_SECOND = 1_500
CEILING_PEAK_MB = 300
TARGET_RECORDS_PER_SECOND = 5_000

_SENTENCE = ("Participants with chronic incomplete spinal cord injury completed {n} sessions of body-weight "
             "supported treadmill training, and walking speed, balance and quality of life were measured. ")


def _article(pmid: int) -> str:
    sections = "".join(
        f'<AbstractText Label="{label}" NlmCategory="{label}">{_SENTENCE.format(n=pmid % 40 + i) * 2}</AbstractText>'
        for i, label in enumerate(("BACKGROUND", "METHODS", "RESULTS", "CONCLUSIONS"))
    )
    authors = "".join(
        f"<Author ValidYN=\"Y\"><LastName>Author{i}</LastName><ForeName>Name</ForeName><Initials>N</Initials>"
        f"<AffiliationInfo><Affiliation>Department {i}, Example University, City, Country.</Affiliation>"
        "</AffiliationInfo></Author>"
        for i in range(6)
    )
    mesh = "".join(
        f'<MeshHeading><DescriptorName UI="D{i:06d}" MajorTopicYN="N">Descriptor {i}</DescriptorName>'
        f'<QualifierName UI="Q{i:06d}" MajorTopicYN="{"Y" if i == 0 else "N"}">qualifier</QualifierName></MeshHeading>'
        for i in range(10)
    )
    references = "".join(
        f"<Reference><Citation>Cited paper {i}. J Example. 2019;{i}:1-9.</Citation><ArticleIdList>"
        f'<ArticleId IdType="pubmed">{30_000_000 + i}</ArticleId></ArticleIdList></Reference>'
        for i in range(8)
    )
    return (
        f'<PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM"><PMID Version="1">{pmid}</PMID>'
        "<DateRevised><Year>2024</Year><Month>05</Month><Day>01</Day></DateRevised>"
        '<Article PubModel="Print-Electronic"><Journal><ISSN IssnType="Electronic">1476-5624</ISSN>'
        '<JournalIssue CitedMedium="Internet"><Volume>62</Volume><Issue>3</Issue><PubDate><Year>2024</Year>'
        "<Month>Mar</Month></PubDate></JournalIssue><Title>Journal of spinal cord research</Title>"
        "<ISOAbbreviation>J Spinal Cord Res</ISOAbbreviation></Journal>"
        f"<ArticleTitle>Treadmill training and <i>Nogo-A</i> after spinal cord injury: trial {pmid}.</ArticleTitle>"
        f'<ELocationID EIdType="doi" ValidYN="Y">10.9999/bench.{pmid}</ELocationID><Abstract>{sections}</Abstract>'
        f'<AuthorList CompleteYN="Y">{authors}</AuthorList><Language>eng</Language>'
        '<PublicationTypeList><PublicationType UI="D016428">Journal Article</PublicationType></PublicationTypeList>'
        "</Article><MedlineJournalInfo><Country>England</Country><MedlineTA>J Spinal Cord Res</MedlineTA>"
        f"</MedlineJournalInfo><MeshHeadingList>{mesh}</MeshHeadingList></MedlineCitation>"
        '<PubmedData><PublicationStatus>ppublish</PublicationStatus><ArticleIdList>'
        f'<ArticleId IdType="pubmed">{pmid}</ArticleId><ArticleId IdType="doi">10.9999/bench.{pmid}</ArticleId>'
        f"</ArticleIdList><ReferenceList>{references}</ReferenceList></PubmedData></PubmedArticle>\n"
    )


def write_file(path: Path, records: int, first_pmid: int = 40_000_000) -> None:
    with open(path, "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n<PubmedArticleSet>\n')
        out.writelines(_article(pmid) for pmid in range(first_pmid, first_pmid + records))
        out.write("</PubmedArticleSet>\n")


def _measure(mode: str, path: str) -> dict:
    """Run inside a fresh process: parse ``path`` one way and report time, count and peak RSS."""
    start, cpu_start = time.perf_counter(), time.process_time()
    if mode == "sciplain":
        from sciplain.sources import pubmed

        count = sum(1 for _ in pubmed.iter_records(path))
    elif mode == "known":  # a re-import: every record is already stored, so none is built
        from sciplain.sources import pubmed

        count = sum(1 for _ in pubmed.iter_records(path, known=lambda digests: digests.keys()))
    else:
        from lxml import etree

        count = 0
        for _, element in etree.iterparse(path, events=("end",), tag="PubmedArticle"):
            count += 1
            element.clear()
            while element.getprevious() is not None:
                del element.getparent()[0]
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return {"records": count, "seconds": seconds, "cpu": cpu, "peak_mb": peak_mb}


def _run(mode: str, path: Path) -> dict:
    if mode == "xmllint":
        start = time.perf_counter()
        subprocess.run(["xmllint", "--stream", "--noout", str(path)], check=True)
        seconds = time.perf_counter() - start
        return {"records": None, "seconds": seconds, "cpu": seconds, "peak_mb": None}
    output = subprocess.run([sys.executable, __file__, "--measure", mode, str(path)],
                            check=True, capture_output=True, text=True).stdout
    return json.loads(output)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=30_000)
    parser.add_argument("--quick", action="store_true", help="10,000 and 30,000 records (CI)")
    parser.add_argument("--measure", nargs=2, metavar=("MODE", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.quick:
        args.records = 10_000
    if args.measure:
        print(json.dumps(_measure(*args.measure)))
        return 0

    modes = (["lxml iterparse (no work)", "sciplain", "known (re-import, unread)"]
             + (["xmllint"] if shutil.which("xmllint") else []))
    rows, failures = [], []
    with tempfile.TemporaryDirectory() as folder:
        for records in (args.records, args.records * 3):
            path = Path(folder) / f"pubmed_{records}.xml"
            write_file(path, records)
            size_mb = path.stat().st_size / 1e6
            for mode in modes:
                result = _run(mode.split()[0], path)
                # records/s "on one core": CPU seconds, so that other work on a shared CI box does not count
                rate = records / result["cpu"]
                rows.append((mode, records, size_mb, result["seconds"], result["cpu"], rate, size_mb / result["cpu"],
                             result["peak_mb"]))
                if mode == "sciplain":
                    if result["records"] != records:
                        failures.append(f"read {result['records']} of {records} records")
                    if rate < FLOOR_RECORDS_PER_SECOND:
                        failures.append(f"{rate:,.0f} records/s is below the floor of {FLOOR_RECORDS_PER_SECOND:,}")
                    if result["peak_mb"] > CEILING_PEAK_MB:
                        failures.append(f"peak RSS {result['peak_mb']:.0f} MB is above {CEILING_PEAK_MB} MB")
            path.unlink()

    print(f"{'parser':<26} {'records':>8} {'file MB':>8} {'wall s':>7} {'CPU s':>7} {'records/s':>10} {'MB/s':>7} {'peak MB':>8}")
    for mode, records, size, seconds, cpu, rate, mbps, peak in rows:
        peak_text = f"{peak:8.0f}" if peak is not None else f"{'-':>8}"
        print(f"{mode:<26} {records:>8,} {size:>8.0f} {seconds:>7.2f} {cpu:>7.2f} {rate:>10,.0f} {mbps:>7.1f} {peak_text}")
    rates = {(mode.split()[0], records): rate for mode, records, _, _, _, rate, _, _ in rows}
    for (mode, records), rate in rates.items():
        if mode == "sciplain":
            limits = [f"{rate / rates[(other, records)]:.2f} of {other}" for other in ("lxml", "xmllint")
                      if (other, records) in rates]
            print(f"sciplain at {records:,} records: {', '.join(limits)} (the physical parse limits)")
    print(f"targets: >= {TARGET_RECORDS_PER_SECOND:,} records/s, peak < {CEILING_PEAK_MB} MB; "
          f"floors for the exit code: {FLOOR_RECORDS_PER_SECOND:,} records/s, {CEILING_PEAK_MB} MB")
    for failure in failures:
        print(f"FAIL: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.path.insert(0, os.fspath(Path(__file__).resolve().parents[1]))
    sys.exit(main())
