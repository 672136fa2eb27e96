"""The `digest` command line: a thin shell over the pipeline's functions.

Every command returns an exit code instead of raising: 0 for success, 1 for bad input
(with `file:line: message` errors on stderr), 2 for bad usage (argparse).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from digest import __version__
from digest.content import ContentError, is_safe_url, load_content, load_topic


def _err(message: str) -> None:
    print(message, file=sys.stderr)


def _published(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date written YYYY-MM-DD: {value!r}") from None


def _jobs(value: str) -> int:
    if not value.isdigit() or not 1 <= int(value) <= 64:
        raise argparse.ArgumentTypeError(f"not a whole number from 1 to 64: {value!r}")
    return int(value)


def _http_url(value: str) -> str:
    if not is_safe_url(value):
        raise argparse.ArgumentTypeError(f"not an http:// or https:// address: {value[:80]!r}")
    return value


def cmd_clean(args: argparse.Namespace) -> int:
    from digest.ingest import IngestError, Overrides, article_file_text, clean_source

    try:
        article = clean_source(args.source, Overrides(outlet=args.outlet, url=args.url, published=args.published))
    except IngestError as error:
        _err(f"error: {error}")
        return 1
    for note in article.notes:
        _err(f"note: {note}")
    sys.stdout.write(article_file_text(article))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from digest.ingest import IngestError, Overrides, import_sources

    overrides = Overrides(outlet=args.outlet, url=args.url, published=args.published)
    if len(args.sources) > 1 and args.url:
        _err("error: --url names one article's address; import one source at a time when you give it")
        return 2
    try:
        result = import_sources(args.sources, args.content, args.topic, overrides, progress=_err)
    except IngestError as error:
        _err(f"error: {error}")
        return 1
    for path in result.written:  # progress lines on stderr already named each skip and failure
        print(path)
    _err(f"{len(result.written)} written, {len(result.skipped)} skipped, {len(result.failed)} failed")
    return 1 if result.failed else 0


def cmd_analyse(args: argparse.Namespace) -> int:
    from digest.analysis import analyse
    from digest.export import to_json

    folder: Path = args.topic_dir
    if not folder.is_dir():
        _err(f"error: {folder}: not a topic folder")
        return 1
    topic, problems = load_topic(folder)
    if problems:
        for problem in problems:
            _err(str(problem))
        return 1
    sys.stdout.write(to_json(analyse(topic)))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    try:
        loaded = load_content(args.content_dir)
    except ContentError as error:
        _err(str(error))
        return 1
    for problem in loaded.problems:
        _err(str(problem))
    articles = sum(len(topic.articles) for topic in loaded.topics)
    if loaded.problems:
        _err(f"{len(loaded.problems)} problem(s) in {args.content_dir}")
        return 1
    _err(f"ok: {len(loaded.topics)} topic(s), {articles} article(s)")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from digest.build import ContentProblems, build

    out: Path = args.out_dir
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        _err(f"error: {out}: not an empty folder (export writes into a new or empty one)")
        return 1
    try:
        site = build(args.content_dir, cache_dir=args.cache_dir, jobs=args.jobs, progress=_err)
    except ContentProblems as problems:
        _err(str(problems))
        return 1
    for output in site.outputs:
        path = out / output.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(output.content, encoding="utf-8")
    _err(f"{len(site.outputs)} files written in {out}; {site.summary(args.content_dir)}")
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    from digest.site import BuildFailed, build_site

    try:
        site_dir = build_site(args.config_file, strict=args.strict, site_dir=args.site_dir)
    except BuildFailed as error:
        _err(f"error: {error}")
        return 1
    _err(f"site built in {site_dir}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="digest",
        description="Turn a folder of news articles into a cited news-digest site.",
    )
    parser.add_argument("--version", action="version", version=f"digest {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def overrides(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--outlet", help="the publication's name (overrides what the page says)")
        sub.add_argument("--url", type=_http_url, help="the article's original address (http or https)")
        sub.add_argument("--published", type=_published, metavar="YYYY-MM-DD", help="publication date")

    clean = commands.add_parser("clean", help="print a cleaned article (front matter and body); writes nothing",
                                description="Clean a raw text file, HTML file or URL and print the article file "
                                            "it would import as.")
    clean.add_argument("source", metavar="FILE_OR_URL")
    overrides(clean)
    clean.set_defaults(run=cmd_clean)

    imp = commands.add_parser("import", help="clean sources and add them to a topic",
                              description="Clean each source and write it as an article of the topic. "
                                          "Existing articles are never overwritten; duplicates are skipped.")
    imp.add_argument("sources", nargs="+", metavar="FILE_OR_URL")
    imp.add_argument("--topic", required=True, metavar="SLUG", help="topic folder name, e.g. iraq-coalition")
    imp.add_argument("--content", type=Path, default=Path("content"), metavar="DIR",
                     help="content folder (default: content)")
    overrides(imp)
    imp.set_defaults(run=cmd_import)

    analyse = commands.add_parser("analyse", aliases=["analyze"], help="print a topic's digest as JSON",
                                  description="Analyse one topic folder and print its digest as JSON.")
    analyse.add_argument("topic_dir", type=Path, metavar="TOPIC_DIR")
    analyse.set_defaults(run=cmd_analyse)

    check = commands.add_parser("check", help="validate all content; errors as file:line: message",
                                description="Validate every topic and article; exit 1 listing every problem.")
    check.add_argument("content_dir", type=Path, nargs="?", default=Path("content"), metavar="CONTENT_DIR")
    check.set_defaults(run=cmd_check)

    export = commands.add_parser("export", help="write every file the site generates, without mkdocs",
                                 description="Run the site's build step without mkdocs: write each page (Markdown), "
                                             "the feed and each topic's digest.json into OUT_DIR.")
    export.add_argument("content_dir", type=Path, metavar="CONTENT_DIR")
    export.add_argument("out_dir", type=Path, metavar="OUT_DIR", help="a new or empty folder")
    export.add_argument("--cache-dir", type=Path, default=None, metavar="DIR",
                        help="analysis cache to read and fill (default: none, every topic analysed)")
    export.add_argument("--jobs", type=_jobs, default=None, metavar="N",
                        help="processes that analyse topics at once, 1 to 64 (default: one per core)")
    export.set_defaults(run=cmd_export)

    build = commands.add_parser("build", help="build the site (the same as mkdocs build, but atomic)",
                                description="Build the site into a temporary folder and swap it in only when the "
                                            "build succeeds, so a failed build never leaves a broken site.")
    build.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"), metavar="FILE")
    build.add_argument("-d", "--site-dir", type=Path, default=None, metavar="DIR",
                       help="where to put the site (default: the config's site_dir)")
    build.add_argument("-s", "--strict", action="store_true", help="fail on warnings")
    build.set_defaults(run=cmd_build)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = build_parser().parse_args(argv)
    return int(args.run(args))
