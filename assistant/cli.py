"""`policy-assistant index | ask | eval | serve | glossary`: a thin shell over `Assistant`."""
from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

app = typer.Typer(add_completion=False, help="Ask the international policy documents on online child sexual exploitation.")
# Wide enough for file names when output is piped or captured (Rich would assume 80 columns).
console = Console(width=None if sys.stdout.isatty() else 160)


def _settings(data_dir: Optional[Path], corpus_dir: Optional[Path]):
    from indexing.config import Settings

    overrides = {}
    if data_dir:
        overrides["data_dir"] = data_dir
    if corpus_dir:
        overrides["corpus_dir"] = corpus_dir
    return Settings(**overrides)


def _require_dir(path: Optional[Path], what: str) -> None:
    """A folder named on the command line that does not exist is an error, never a new empty one."""
    if path is not None and not path.is_dir():
        console.print(f"[red]{what} {path} does not exist (or is not a folder)[/red]")
        raise typer.Exit(2)


def _require_document(assistant, doc_id: str) -> None:
    """Exit 1 with the library's ids when a command names a document the library does not hold."""
    known = [d.doc_id for d in assistant.documents()]
    if doc_id not in known:
        console.print(f"[red]No document {doc_id!r} in the library; known: {', '.join(known) or 'none'}.[/red]")
        raise typer.Exit(1)


def _assistant(settings):
    from indexing.store import StoreUnavailable

    from .core import Assistant

    try:
        return Assistant(settings)
    except StoreUnavailable as exc:
        console.print(f"[red]{exc}[/red]")
        raise typer.Exit(2)


@app.callback()
def main(verbose: bool = typer.Option(False, "--verbose", "-v", help="Log what happens, in detail.")) -> None:
    """Quiet by default: warnings and errors only; `-v` logs everything (debug included)."""
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    for noisy in ("chromadb", "httpx", "urllib3", "sentence_transformers"):
        logging.getLogger(noisy).setLevel(logging.DEBUG if verbose else logging.WARNING)


@app.command()
def index(
    data_dir: Optional[Path] = typer.Option(None, help="Where the Chroma index lives (default: ./data)."),
    corpus_dir: Optional[Path] = typer.Option(None, help="The library folder (default: ./corpus)."),
    force: bool = typer.Option(False, "--force", help="Run the indexer even if the index stamp says nothing changed."),
) -> None:
    """Index the library incrementally and print what was done."""
    import time

    from indexing.stamp import fresh

    started = time.perf_counter()
    _require_dir(corpus_dir, "the library folder")
    settings = _settings(data_dir, corpus_dir)
    stamped = None if force else fresh(settings)  # nothing changed: the report without importing the store
    if stamped:
        _print_index_report(settings, stamped.documents, stamped.total_chunks, time.perf_counter() - started)
        if stamped.failed:
            raise typer.Exit(1)
        return

    from indexing.pipeline import IndexBusy, index_library, open_store
    from indexing.store import StoreUnavailable

    try:
        report = index_library(settings, open_store(settings))
    except IndexBusy as exc:
        console.print(f"[red]{exc}[/red]")
        raise typer.Exit(3)
    except StoreUnavailable as exc:
        console.print(f"[red]Indexing stopped: {exc}[/red]")
        raise typer.Exit(2)
    _print_index_report(settings, report.documents, report.total_chunks, report.seconds, report.rebuilt)
    if report.failed:
        raise typer.Exit(1)


def _print_index_report(settings, documents, total_chunks: int, seconds: float, rebuilt: bool = False) -> None:
    table = Table(title=f"Index of {settings.corpus_dir}")
    for col in ("document", "status", "chunks", "paragraphs labelled", "seconds", "note"):
        table.add_column(col)
    for d in documents:
        table.add_row(d.file_name, d.status, str(d.chunks), str(d.labelled), f"{getattr(d, 'seconds', 0.0):.1f}",
                      d.error)
    console.print(table)
    console.print(
        f"{len(documents)} documents, {total_chunks} chunks in the index, "
        f"{sum(d.labelled for d in documents)} paragraphs labelled, {seconds:.1f} s"
        + (" (rebuilt: embedding model or chunker changed)" if rebuilt else "")
    )


@app.command()
def ask(
    question: str = typer.Argument(..., help="The question, in Arabic or English."),
    doc: list[str] = typer.Option([], help="Restrict to these document ids."),
    as_json: bool = typer.Option(False, "--json", help="Print the whole answer as JSON."),
    data_dir: Optional[Path] = typer.Option(None),
) -> None:
    """Answer one question with cited passages."""
    from .models import Filters
    from .render.json import run_record
    from .render.text import answer_lines

    _require_dir(data_dir, "the index folder")
    assistant = _assistant(_settings(data_dir, None))
    known = sorted(r.doc_id for r in assistant.documents())
    unknown = [d for d in doc if d not in known]
    if unknown:
        console.print(f"[red]unknown document id(s): {', '.join(unknown)}; the library holds: "
                      f"{', '.join(known) or '(nothing indexed)'}[/red]")
        raise typer.Exit(2)
    answer = assistant.ask(question, filters=Filters(doc_ids=tuple(doc)))
    if as_json:
        console.print_json(json.dumps(run_record(answer, "cli"), ensure_ascii=False))
        return
    for line in answer_lines(answer):
        console.print(line)


@app.command("eval")
def evaluate(
    gold: list[Path] = typer.Argument(..., exists=True, help="Gold question sets (JSONL), one or more."),
    out: Path = typer.Option(Path("runs"), help="Folder for the run files (one JSONL per set)."),
    scorer: Optional[Path] = typer.Option(None, help="score.py to use (default: beside a gold file)."),
    data_dir: Optional[Path] = typer.Option(None),
) -> None:
    """Run each gold set, write its run file and print the scorer's table per set, then pooled."""
    from .evaluation import find_scorer, format_table, load_gold, load_scorer, pooled, run_gold, score_run

    _require_dir(data_dir, "the index folder")
    settings = _settings(data_dir, None)
    assistant = _assistant(settings)
    assistant.warm_up()  # as the app does at start-up, so the first question's latency is a question's
    score_module = load_scorer(gold[0], find_scorer(gold, scorer))
    if out.suffix == ".jsonl":  # a run file named, as before: for one set
        out = out.parent
    sets = {}
    for path in gold:
        items = load_gold(path)
        run_file = out / f"{path.stem}.jsonl"
        records = run_gold(assistant, items, run_file)
        sets[path.stem] = (items, records)
        console.rule(f"{path.stem} ({len(items)} questions) -> {run_file}")
        console.print(format_table(score_run(items, records, settings.corpus_dir, score_module)), markup=False)
    if len(sets) > 1:
        items, records = pooled(sets)
        console.rule(f"pooled ({len(items)} questions)")
        console.print(format_table(score_run(items, records, settings.corpus_dir, score_module)), markup=False)


@app.command()
def serve(
    host: Optional[str] = typer.Option(None),
    port: Optional[int] = typer.Option(None),
    no_index: bool = typer.Option(False, help="Start on the existing index without re-indexing."),
) -> None:
    """Index the library if needed and start the Gradio app (`policy-assistant-app`, run as its own process:
    the app is a shell above this package, which never imports it)."""
    command = [sys.executable, "-m", "app"] + (["--host", host] if host else []) + (["--port", str(port)] if port else [])
    os.execv(sys.executable, command + (["--no-index"] if no_index else []))  # one process: signals reach the app


@app.command()
def paragraphs(
    doc_id: str = typer.Argument(..., help="A resolution's document id (see the index table)."),
    as_json: bool = typer.Option(False, "--json", help="Print the rows as JSON."),
    data_dir: Optional[Path] = typer.Option(None),
) -> None:
    """The resolution at a glance: each preambular and operative paragraph's verb, force, addressees, topic."""
    assistant = _assistant(_settings(data_dir, None))
    _require_document(assistant, doc_id)
    rows = assistant.paragraphs(doc_id)
    if not rows:
        console.print(f"[red]{doc_id} has no preambular or operative paragraphs (OP n / PP n): not a resolution.[/red]")
        raise typer.Exit(1)
    if as_json:
        print(json.dumps([r.as_dict() for r in rows], ensure_ascii=False, indent=1))
        return
    table = Table(title=f"{doc_id} at a glance")
    for col in ("paragraph", "verb", "verb (en)", "force", "addressees", "topic"):
        table.add_column(col)
    for r in rows:
        table.add_row(r.label, r.verb, r.verb_en, r.force, ", ".join(r.addressees), r.topic)
    console.print(table)


@app.command()
def figures(
    doc: Optional[str] = typer.Option(None, "--doc", help="Only this document's figures."),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as a JSON list."),
    data_dir: Optional[Path] = typer.Option(None),
) -> None:
    """The figures index: every count, percentage and amount with what it counts, where and its year."""
    assistant = _assistant(_settings(data_dir, None))
    if doc:
        _require_document(assistant, doc)
    found = assistant.figures().select(doc_id=doc or "")
    if as_json:
        keys = ("value", "unit", "counts", "sentence", "doc_id", "locator", "year")
        print(json.dumps([{k: f.as_dict()[k] for k in keys} | f.as_dict() for f in found], ensure_ascii=False, indent=1))
        return
    table = Table(title=f"Figures of {doc or 'the library'} ({len(found)})")
    for col in ("figure", "counts", "document", "where", "year"):
        table.add_column(col)
    for f in found:
        table.add_row(f.value, f.counts, f.doc_id, f.locator, str(f.year or ""))
    console.print(table)


@app.command()
def recommendations(
    doc: Optional[str] = typer.Option(None, "--doc", help="Only this document's recommendations."),
    as_json: bool = typer.Option(False, "--json", help="Print the recommendations as a JSON list."),
    data_dir: Optional[Path] = typer.Option(None),
) -> None:
    """Recommendations by addressee, each with its label, locator and the resolution paragraphs on its topic."""
    from .recommendations import by_addressee

    assistant = _assistant(_settings(data_dir, None))
    if doc:
        _require_document(assistant, doc)
    found = assistant.recommendations(doc or "")
    if as_json:
        print(json.dumps([r.as_dict() for r in found], ensure_ascii=False, indent=1))
        return
    for group, items in by_addressee(found).items():
        table = Table(title=f"{group} ({len(items)})")
        for col in ("document", "label", "where", "recommendation", "resolution paragraphs"):
            table.add_column(col)
        for r in items:
            table.add_row(r.doc_id, r.label, r.locator, r.text[:160],
                          ", ".join(f"{k.label} ({k.score:.2f})" for k in r.links))
        console.print(table)


@app.command()
def glossary(term: str = typer.Argument(..., help="An English or Arabic term.")) -> None:
    """Look a term up in the bilingual glossary."""
    from indexing.config import Settings

    from .glossary import Glossary

    found = Glossary.load(Settings().glossary_path).lookup(term)
    if not found:
        console.print("no entry")
        raise typer.Exit(1)
    for t in found:
        console.print(f"{' / '.join(t.en)}  ⇄  {' / '.join(t.ar)}" + (f"  ({t.note})" if t.note else ""))


if __name__ == "__main__":
    app()
