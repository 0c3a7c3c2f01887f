"""The `corroborate` command: database, seeds, serving, imports, OpenAPI."""

from __future__ import annotations

import csv
import json
import os
import sys
from datetime import date
from pathlib import Path

import click
from tqdm import tqdm

from service.config import Settings


def _app(**overrides):
    from service.app import create_app

    return create_app(Settings.from_env(**overrides))


def _services(app):
    return app.extensions["corroborate"]


@click.group()
def main() -> None:
    """Corroborate: which outlets support or differ on a statement, with the exact passages."""


@main.group()
def db() -> None:
    """Database schema."""


@db.command("upgrade")
def db_upgrade() -> None:
    """Migrate the database to the newest schema."""
    from service.storage.migrate import current_revision, upgrade

    services = _services(_app())
    upgrade(services.store.db.engine)
    click.echo(f"database at revision {current_revision(services.store.db.engine)}")


@db.command("current")
def db_current() -> None:
    """Print the schema revision of the database."""
    from service.storage.migrate import current_revision

    click.echo(current_revision(_services(_app()).store.db.engine) or "empty")


def seed_store(store, directory: str | Path, *, embedder=None) -> tuple[int, int]:
    """Ingest the seed articles, each in its own transaction; return (created, present)."""
    from service.seeds import load_manifest
    from service.verification import ingest_article

    created = present = 0
    for article in tqdm(load_manifest(directory), desc="seeding", unit="article", disable=None):
        with store.write() as repo:
            result = ingest_article(
                repo,
                outlet=article.outlet,
                title=article.title,
                text=article.text,
                url=article.url,
                published_at=article.published,
                language=article.language,
                embedder=embedder,
            )
        created += result.created
        present += not result.created
    if created:
        # PostgreSQL: the planner statistics that query planning and IDF read are those
        # of the seeded store, not the defaults of a table never analysed
        with store.write() as repo:
            repo.optimize_search_index()
    return created, present


@main.command()
@click.option(
    "--dir",
    "directory",
    type=click.Path(exists=True, file_okay=False),
    help="Folder with manifest.yaml (default: CORROBORATE_SEEDS_DIR or ./seeds).",
)
def seed(directory: str | None) -> None:
    """Load the seed articles (running it twice adds nothing)."""
    services = _services(_app())
    created, present = seed_store(
        services.store,
        directory or services.settings.seeds_dir,
        embedder=services.verifier.embedder,
    )
    click.echo(f"seed articles: {created} added, {present} already present")


@main.command()
@click.option("--host", help="Address to bind (default CORROBORATE_HOST, 127.0.0.1).")
@click.option("--port", type=int, help="Port (default CORROBORATE_PORT, 8000).")
@click.option("--workers", type=int, help="gunicorn workers (default CORROBORATE_WORKERS, 2).")
def serve(host: str | None, port: int | None, workers: int | None) -> None:
    """Serve the API with gunicorn; on first start migrate and seed the database."""
    from service.storage.migrate import upgrade

    settings = Settings.from_env()
    services = _services(_app())
    upgrade(services.store.db.engine)
    if settings.seed_on_start and Path(settings.seeds_dir, "manifest.yaml").exists():
        with services.store.read() as repo:
            empty = repo.counts()["articles"] == 0
        if empty:
            created, _ = seed_store(
                services.store, settings.seeds_dir, embedder=services.verifier.embedder
            )
            click.echo(f"seeded {created} articles")
    services.store.db.dispose()
    env = dict(os.environ)
    if host:
        env["CORROBORATE_HOST"] = host
    if port:
        env["CORROBORATE_PORT"] = str(port)
    if workers:
        env["CORROBORATE_WORKERS"] = str(workers)
    args = [
        sys.executable,
        "-m",
        "gunicorn",
        "-c",
        "python:service.gunicorn_conf",
        "service.app:create_app()",
    ]
    os.execve(sys.executable, args, env)


@main.group()
def openapi() -> None:
    """The OpenAPI document."""


@openapi.command("write")
@click.argument("path", required=False, default="openapi.yaml")
def openapi_write(path: str) -> None:
    """Write the OpenAPI document generated from the code to PATH (default openapi.yaml)."""
    from service.app import spec_yaml

    app = _app(database_url="sqlite://", matcher="lexical")
    Path(path).write_text(spec_yaml(app.extensions["corroborate.api"]), encoding="utf-8")
    click.echo(f"wrote {path}")


def read_records(path: Path):
    """Yield FactCheckRecords from a JSONL or TSV file (by extension; `-` is JSONL stdin)."""
    from service.verification import FactCheckRecord

    def record(row: dict) -> FactCheckRecord:
        raw_date = row.get("date") or None
        return FactCheckRecord(
            # the CheckThat! file leaves its id column's header empty
            external_id=str(
                row.get("external_id") or row.get("vclaim_id") or row.get("") or ""
            ).strip(),
            text=row.get("text") or row.get("vclaim") or "",
            title=row.get("title") or None,
            publisher=row.get("publisher") or None,
            url=row.get("url") or None,
            date=date.fromisoformat(raw_date) if raw_date else None,
        )

    if path.suffix.lower() in {".tsv", ".tab"}:
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                yield record(row)
        return
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield record(json.loads(line))


@main.command("import-claims")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--batch-size", default=500, show_default=True, help="Records per transaction.")
def import_claims_command(file: Path, batch_size: int) -> None:
    """Import a fact-check database (JSONL or TSV: external_id, text, title, publisher, url, date)."""
    from service.verification import import_claims

    services = _services(_app())
    records = list(read_records(file))
    created = present = rejected = 0
    with tqdm(total=len(records), desc="importing", unit="claim", disable=None) as bar:
        for i in range(0, len(records), batch_size):
            batch = records[i : i + batch_size]
            with services.store.write() as repo:
                report = import_claims(repo, batch, embedder=services.verifier.embedder)
            created += len(report.created)
            present += len(report.present)
            rejected += len(report.rejected)
            for external_id, reason in report.rejected.items():
                tqdm.write(f"rejected {external_id}: {reason}")
            bar.update(len(batch))
    if created:
        click.echo("compacting the search index…", err=True)
        with services.store.write() as repo:
            repo.optimize_search_index()
    click.echo(f"claims: {created} added, {present} already present, {rejected} rejected")


@main.group()
def token() -> None:
    """API tokens for writes (and reads, when CORROBORATE_REQUIRE_TOKEN_FOR_READS is on)."""


@token.command("create")
@click.option("--name", required=True, help="Who or what the token is for.")
def token_create(name: str) -> None:
    """Create a token and print it once; only its hash is stored."""
    from service.tokens import create_token

    services = _services(_app())
    with services.store.write() as repo:
        record, secret = create_token(repo, name)
        token_id = record.id
    click.echo(secret)
    click.echo(f"token {token_id} ({name}) created; it is shown only now", err=True)


@token.command("list")
def token_list() -> None:
    """List tokens (id, name, prefix, created, revoked) — never the secrets."""
    services = _services(_app())
    with services.store.read() as repo:
        rows = [(t.id, t.name, t.prefix, t.created_at, t.revoked_at) for t in repo.list_tokens()]
    for token_id, name, prefix, created, revoked in rows:
        state = f"revoked {revoked:%Y-%m-%d %H:%M}" if revoked else "active"
        click.echo(f"{token_id}\t{name}\t{prefix}…\t{created:%Y-%m-%d %H:%M}\t{state}")


@token.command("revoke")
@click.argument("token_id", type=int)
def token_revoke(token_id: int) -> None:
    """Revoke a token by id; requests with it get 401 from then on."""
    from service.tokens import revoke_token

    services = _services(_app())
    with services.store.write() as repo:
        found = revoke_token(repo, token_id)
    if not found:
        raise click.ClickException(f"no token with id {token_id}")
    click.echo(f"token {token_id} revoked")


@main.command()
@click.option("--batch-size", default=256, show_default=True, help="Claims per transaction.")
def reindex(batch_size: int) -> None:
    """Embed every claim that lacks an embedding of the current model (semantic extra)."""
    from service.matching import semantic
    from service.verification import reindex as reindex_store

    if not semantic.available():
        raise click.ClickException(
            "the semantic extra is not installed: pip install 'corroborate[semantic]'"
        )
    services = _services(_app(matcher="hybrid"))
    embedder = services.verifier.embedder
    with services.store.read() as repo:
        total = repo.counts()["claims"]
    with tqdm(total=total, desc="embedding", unit="claim", disable=None) as bar:
        done = reindex_store(services.store, embedder, batch_size=batch_size, progress=bar.update)
    click.echo(f"embedded {done} claims with {embedder.name}")
