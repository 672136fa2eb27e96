"""The `digest` command line: a thin shell over the pipeline's functions.

Every command returns an exit code instead of raising: 0 for success, 1 for bad input
(with `file:line: message` errors on stderr), 2 for bad usage (argparse). Every command finds
the site the same way (`digest.locate`): from the current folder or any folder above it, unless
a path is given; and everything it prints about content has its control characters escaped.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from digest import __version__
from digest.content import SLUG_RE, ContentError, ContentLoad, is_safe_url, load_content, load_topic
from digest.content.fields import date_range_error
from digest.locate import Site, SiteNotFound, find_site
from digest.model import Problem
from digest.terminal import terminal_safe


def _err(message: str) -> None:
    print(terminal_safe(message), file=sys.stderr)


def _out(text: str) -> None:
    """Write to stdout: as it is into a file or a pipe, escaped onto a terminal."""
    sys.stdout.write(terminal_safe(text) if sys.stdout.isatty() else text)


def _content_dir(given: Path | None) -> Path:
    """The content folder: as given (relative to the current folder), else the site's, found from here up."""
    return given if given is not None else find_site().content


def _published(value: str) -> date:
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date written YYYY-MM-DD: {value!r}") from None
    error = date_range_error(parsed, "--published")
    if error:
        raise argparse.ArgumentTypeError(error)
    return parsed


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
    _out(article_file_text(article))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from digest.ingest import IngestError, Overrides, import_sources

    overrides = Overrides(outlet=args.outlet, url=args.url, published=args.published)
    if len(args.sources) > 1 and args.url:
        _err("error: --url names one article's address; import one source at a time when you give it")
        return 2
    try:
        result = import_sources(args.sources, _content_dir(args.content), args.topic, overrides, progress=_err)
    except IngestError as error:
        _err(f"error: {error}")
        return 1
    for path in result.written:  # progress lines on stderr already named each skip and failure
        _out(f"{path}\n")
    _err(f"{len(result.written)} written, {len(result.skipped)} skipped, {len(result.failed)} failed")
    return 1 if result.failed else 0


def cmd_analyse(args: argparse.Namespace) -> int:
    from digest.analysis import analyse
    from digest.export import to_json

    folder = Path(args.topic)
    if not folder.is_dir() and SLUG_RE.match(args.topic) and args.content is None:
        folder = find_site().content / args.topic
    elif not folder.is_dir() and SLUG_RE.match(args.topic):
        folder = args.content / args.topic
    if not folder.is_dir():
        _err(f"error: {args.topic}: not a topic folder, nor the slug of a topic in the content folder")
        return 1
    topic, problems = load_topic(folder)
    if problems:
        for problem in problems:
            _err(str(problem))
        return 1
    _out(to_json(analyse(topic)))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    given = args.content_dir or args.content
    content = _content_dir(given)
    try:
        loaded = load_content(content)
    except ContentError as error:
        _err(str(error))
        return 1
    site = _site_of(content)
    problems = [*loaded.problems, *_url_collisions(loaded, site), *_hidden_ids(loaded, site)]
    for problem in problems:
        _err(str(problem))
    articles = sum(len(topic.articles) for topic in loaded.topics)
    if problems:
        _err(f"{len(problems)} problem(s) in {content}")
        return 1
    _err(f"ok: {len(loaded.topics)} topic(s), {articles} article(s)")
    return 0


def _site_of(content: Path) -> Site | None:
    """The site around the current folder, when `content` is its content folder."""
    try:
        site = find_site()
    except SiteNotFound:
        return None
    return site if site.content == content.resolve() else None


def _url_collisions(loaded: ContentLoad, site: Site | None) -> list[Problem]:
    """Files of the content or of the site's docs folder that would take the place of a generated page."""
    from digest.render.urls import Layout, url_collisions

    layout = Layout(directory_urls=site.directory_urls if site else True)
    docs: dict[str, Path] = {}
    if site is not None and site.docs.is_dir():
        for path in sorted(site.docs.rglob("*")):
            relative = path.relative_to(site.docs)
            if path.is_file() and not any(part.startswith(".") for part in relative.parts):
                docs.setdefault(layout.page_file(relative.as_posix()), path)
    return url_collisions(loaded.topics, docs, layout)


def _hidden_ids(loaded: ContentLoad, site: Site | None) -> list[Problem]:
    """The ids under `hide` that name nothing: known only from the topic's digest, so the topics that hide
    something (and have no other problem) are analysed, through the site's cache when there is one."""
    from digest.cache import digest_of

    broken = {problem.path.parent for problem in loaded.problems}
    hiding = [topic for topic in loaded.topics if topic.settings.hide and topic.path not in broken]
    if not hiding:
        return []
    problems: list[Problem] = []
    for topic in hiding:
        try:
            digest_of(topic, site.cache if site else None)
        except ContentError as error:
            problems += error.problems
    return problems


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

    config = args.config_file
    if config is None:
        try:
            config = find_site().config
        except SiteNotFound as error:
            _err(f"error: {error}")
            return 1
    try:
        site_dir = build_site(config, strict=args.strict, site_dir=args.site_dir)
    except BuildFailed as error:
        _err(f"error: {error}")
        return 1
    _err(f"site built in {site_dir}")
    return 0


CONTENT_HELP = ("the content folder (default: the one of the site around the current folder, found as git finds "
                "its repository)")


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
    imp.add_argument("--content", type=Path, default=None, metavar="DIR", help=CONTENT_HELP)
    overrides(imp)
    imp.set_defaults(run=cmd_import)

    analyse = commands.add_parser("analyse", aliases=["analyze"], help="print a topic's digest as JSON",
                                  description="Analyse one topic and print its digest as JSON.")
    analyse.add_argument("topic", metavar="TOPIC", help="a topic's slug (its folder in the content folder) or folder")
    analyse.add_argument("--content", type=Path, default=None, metavar="DIR", help=CONTENT_HELP)
    analyse.set_defaults(run=cmd_analyse)

    check = commands.add_parser("check", help="validate all content; errors as file:line: message",
                                description="Validate every topic and article; exit 1 listing every problem.")
    check.add_argument("content_dir", type=Path, nargs="?", default=None, metavar="CONTENT_DIR", help=CONTENT_HELP)
    check.add_argument("--content", type=Path, default=None, metavar="DIR", help="the same as CONTENT_DIR")
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
    build.add_argument("-f", "--config-file", type=Path, default=None, metavar="FILE",
                       help="the site's mkdocs.yml (default: found from the current folder up)")
    build.add_argument("-d", "--site-dir", type=Path, default=None, metavar="DIR",
                       help="where to put the site (default: the config's site_dir)")
    build.add_argument("-s", "--strict", action="store_true", help="fail on warnings")
    build.set_defaults(run=cmd_build)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except SiteNotFound as error:
        _err(f"error: {error}")
        return 1
