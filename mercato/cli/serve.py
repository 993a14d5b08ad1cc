"""The REST API and the speed of extraction: serve and bench."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from mercato.cli import common
from mercato.cli.common import fail

if TYPE_CHECKING:
    from mercato.evaluate.bench import BenchFigures

__all__ = ["bench", "bench_table", "serve"]


def serve(
    host: Annotated[str, typer.Option(metavar="HOST", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(metavar="PORT", help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(metavar="N", min=1, help="Server processes (uvicorn's workers).")] = 1,
    max_requests: Annotated[
        int | None,
        typer.Option(metavar="N", min=1, help="Requests in flight per process; past it, 503 (default: 200)."),
    ] = None,
) -> None:
    """Serve the dashboard (at /) and the REST API (OpenAPI document at /docs and /openapi.json)."""
    import uvicorn

    from mercato.errors import MercatoError
    from mercato.settings import Settings
    from mercato.web import create_site

    try:
        api = create_site(Settings())  # a store that cannot be opened ends here, with one line
    except MercatoError as error:
        fail(error)
    if workers == 1:
        uvicorn.run(api, host=host, port=port, limit_concurrency=max_requests)
    else:  # each worker process builds its own app over the same store
        uvicorn.run(
            "mercato.web:create_site",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            limit_concurrency=max_requests,
        )


def bench(
    corpus: Annotated[
        Path | None,
        typer.Argument(
            metavar="CORPUS",
            help="A folder of article files (default: the dev articles beside the repository, else samples).",
        ),
    ] = None,
    articles: Annotated[
        int, typer.Option("--articles", "-n", min=1, metavar="N", help="Repeat the corpus to this many.")
    ] = 2000,
    baseline: Annotated[bool, typer.Option(help="Also time spaCy's en_core_web_sm over the same texts.")] = True,
    baseline_articles: Annotated[
        int | None,
        typer.Option(
            min=1,
            metavar="N",
            help="Time spaCy over only the first N texts, in whole rounds of the corpus (it is slow).",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as one JSON object.")] = False,
) -> None:
    """Extraction speed on one core, beside spaCy's small English pipeline, and peak memory."""
    from mercato.evaluate.bench import pin_to_one_core, read_corpus, run_bench
    from mercato.kb import load_kb
    from mercato.settings import Settings

    folder = corpus or _default_corpus()
    try:
        texts = read_corpus(folder, Settings().max_article_bytes)
    except (KeyError, ValueError) as error:
        fail(Exception(f"{folder}: a JSON file holds no article ({error!r}); give gold or article JSON files"))
    if not texts:
        fail(FileNotFoundError(f"{folder}: no readable articles; give a folder of article files"))
    pin_to_one_core()
    figures = run_bench(texts, load_kb(), articles, baseline, baseline_articles)
    if figures.baseline_note:
        typer.echo(f"note: {figures.baseline_note}", err=True)
    if as_json:
        typer.echo(json.dumps(figures.as_json()))
    else:
        common.console.print(bench_table(figures))


def _default_corpus() -> Path:
    """The development articles beside the repository when present, else the bundled samples."""
    root = Path(__file__).resolve().parents[2]
    dev = root.parent / "shared" / "data" / "dev-articles"
    return dev if dev.is_dir() else root / "samples" / "articles"


def bench_table(figures: BenchFigures) -> Table:
    """Mercato's extractor beside the spaCy baseline: rates, ratio and memory."""
    table = Table(title=f"Extraction speed on one core ({figures.articles} articles, {figures.tokens} tokens)")
    table.add_column("")
    table.add_column("articles/s", justify="right")
    table.add_column("tokens/s", justify="right")
    table.add_column("seconds", justify="right")
    table.add_row(
        "Mercato extract", f"{figures.articles_per_s:,.1f}", f"{figures.tokens_per_s:,.0f}", f"{figures.seconds}"
    )
    if figures.baseline_articles_per_s is not None:
        table.add_row(
            f"spaCy en_core_web_sm ({figures.baseline_articles} articles)",
            f"{figures.baseline_articles_per_s:,.2f}",
            f"{figures.baseline_tokens_per_s:,.0f}",
            f"{figures.baseline_seconds}",
        )
        table.add_row("ratio", f"{figures.ratio}x", "", "")
    table.add_row("peak RSS (extractor run)", f"{figures.peak_rss_mb} MB", "", "")
    return table
