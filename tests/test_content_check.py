"""`digest check`: every content error is reported as `file:line: message`, all in one run, exit 1."""

from __future__ import annotations

from pathlib import Path

import pytest

from digest.cli import main

TOPIC = 'title: "Talks on the coalition"\ndescription: "Two outlets report the talks."\ntags: [Iraq]\n'
ARTICLE_A = """---
title: "Talks resume in Baghdad"
outlet: "Example News"
url: "https://example.org/talks"
published: "2024-01-05"
---
The talks resumed on Monday in Baghdad. Officials said twelve delegates attended.
"""
ARTICLE_B = """---
title: "Delegates meet again"
outlet: "Other Wire"
url: "https://other.example/delegates"
---
Delegates met again on Monday. A spokesman denied that the talks had stalled.
"""


def _write(content: Path, files: dict[str, str | bytes | None]) -> None:
    base = {"t/topic.yml": TOPIC, "t/a.md": ARTICLE_A, "t/b.md": ARTICLE_B}
    for name, text in {**base, **files}.items():
        path = content / name
        if text is None:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")


def _front(**lines: str) -> str:
    """An article whose front matter is `lines` (values are YAML as written)."""
    head = "".join(f"{key}: {value}\n" for key, value in lines.items())
    return f"---\n{head}---\nSomething happened on Monday. It was reported widely.\n"


def _check(content: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(["check", str(content)])
    return code, capsys.readouterr().err.splitlines()


def test_valid_content_passes(tmp_path, capsys):
    _write(tmp_path, {})
    code, err = _check(tmp_path, capsys)
    assert code == 0
    assert err == ["ok: 1 topic(s), 2 article(s)"]


# (case id, files to write over the valid topic (None: leave out), file and line of the error, words of the message)
CASES = [
    ("no-front-matter", {"t/c.md": "Just a body.\n"}, "t/c.md", 1, "no front matter"),
    ("front-matter-not-closed", {"t/c.md": "---\ntitle: x\nbody\n"}, "t/c.md", 1, "not closed"),
    ("front-matter-a-list", {"t/c.md": "---\n- a\n- b\n---\nbody\n"}, "t/c.md", 2, "must be a mapping"),
    ("front-matter-bad-yaml", {"t/c.md": "---\ntitle: x\nurl: [unclosed\n---\nbody\n"}, "t/c.md", 4, "invalid YAML"),
    ("unknown-key", {"t/c.md": _front(title='"x"', titel='"y"')}, "t/c.md", 3, "unknown key 'titel'"),
    ("missing-title", {"t/c.md": _front(outlet='"X"')}, "t/c.md", 2, "missing required key 'title'"),
    ("empty-title", {"t/c.md": _front(title='""')}, "t/c.md", 2, "'title' must not be empty"),
    ("title-a-number", {"t/c.md": _front(title="1984")}, "t/c.md", 2, "'title' must be text, not int"),
    ("outlet-a-list", {"t/c.md": _front(title="x", outlet="[a, b]")}, "t/c.md", 3, "'outlet' must be text"),
    ("author-a-mapping", {"t/c.md": _front(title="x", author="{name: y}")}, "t/c.md", 3, "'author' must be text"),
    ("published-impossible", {"t/c.md": _front(title="x", published="2024-02-30")}, "t/c.md", 3,
     "must be a date written YYYY-MM-DD"),
    ("published-words", {"t/c.md": _front(title="x", published="last Monday")}, "t/c.md", 3,
     "must be a date written YYYY-MM-DD"),
    ("published-short", {"t/c.md": _front(title="x", published="2024-1-5")}, "t/c.md", 3,
     "must be a date written YYYY-MM-DD"),
    ("url-javascript", {"t/c.md": _front(title="x", url='"javascript:alert(1)"')}, "t/c.md", 3,
     "must be an http:// or https:// address"),
    ("url-relative", {"t/c.md": _front(title="x", url="/local/page")}, "t/c.md", 3, "http:// or https://"),
    ("language-bad", {"t/c.md": _front(title="x", language='"english please"')}, "t/c.md", 3,
     "must be a language tag"),
    ("flag-unknown", {"t/c.md": _front(title="x", flags="[trustworthy]")}, "t/c.md", 3, "unknown flag 'trustworthy'"),
    ("similar-to-not-ids", {"t/c.md": _front(title="x", similar_to='["../a"]')}, "t/c.md", 3, "similar_to"),
    ("control-characters", {"t/c.md": _front(title='"a\\x07b"')}, "t/c.md", 2, "control characters"),
    ("duplicate-key", {"t/c.md": "---\ntitle: x\noutlet: a\noutlet: b\n---\nbody\n"}, "t/c.md", 4,
     "duplicate key 'outlet' (first on line 2)"),
    ("yaml-tag", {"t/c.md": "---\ntitle: !!python/object:os.system x\n---\nbody\n"}, "t/c.md", 2, "YAML tag"),
    ("yaml-alias", {"t/c.md": "---\ntitle: &t x\nauthor: *t\n---\nbody\n"}, "t/c.md", 2, "anchors and aliases"),
    ("no-body", {"t/c.md": _front(title="x").split("---\nSomething")[0] + "---\n\n"}, "t/c.md", 4, "no body"),
    ("file-name-not-a-slug", {"t/Bad Name.md": _front(title="x")}, "t/Bad Name.md", 1, "file names must be"),
    ("duplicate-id", {"t/A.md": _front(title="x")}, "t/a.md", 1, "duplicate article id"),
    ("duplicate-url", {"t/c.md": _front(title="x", url='"https://EXAMPLE.org/talks/"')}, "t/c.md", 1,
     "same url as a.md"),
    ("syndicated-from-missing", {"t/c.md": _front(title="x", syndicated_from="zz")}, "t/c.md", 1,
     "refers to article 'zz'"),
    ("unexpected-file", {"t/notes.txt": "hello\n"}, "t/notes.txt", 1, "unexpected file"),
    ("nul-byte", {"t/c.md": b"---\ntitle: x\n---\nbo\x00dy\n"}, "t/c.md", 4, "NUL byte"),
    ("invalid-utf8", {"t/c.md": b"---\ntitle: x\n---\ncaf\xe9\n"}, "t/c.md", 4, "not valid UTF-8"),
    ("too-large", {"t/c.md": _front(title="x") + "word " * 500_000}, "t/c.md", 1, "articles are limited"),
    ("file-in-content-root", {"stray.md": ARTICLE_A}, "stray.md", 1, "articles go in a topic folder"),
    ("topic-without-articles", {"u/topic.yml": 'title: "Empty"\n'}, "u/topic.yml", 1, "has no articles"),
    ("topic-missing-topic-yml", {"u/a.md": ARTICLE_A}, "u/topic.yml", 1, "missing topic.yml"),
    ("topic-folder-not-a-slug", {"Big Topic/topic.yml": TOPIC, "Big Topic/a.md": ARTICLE_A},
     "Big Topic/topic.yml", 1, "must be named with lower-case"),
    ("topic-unknown-key", {"t/topic.yml": TOPIC + "colour: red\n"}, "t/topic.yml", 4, "unknown key 'colour'"),
    ("topic-missing-title", {"t/topic.yml": "description: x\n"}, "t/topic.yml", 1, "missing required key 'title'"),
    ("topic-tags-not-list", {"t/topic.yml": TOPIC.replace("[Iraq]", "Iraq")}, "t/topic.yml", 3,
     "'tags' must be a list of text"),
    ("topic-tag-control", {"t/topic.yml": TOPIC.replace("[Iraq]", '["Ir\\x1baq"]')}, "t/topic.yml", 3,
     "contains control characters"),
    ("topic-tag-too-long", {"t/topic.yml": TOPIC.replace("[Iraq]", "[" + "x" * 201 + "]")}, "t/topic.yml", 3,
     "longer than 200 characters"),
    ("topic-not-a-mapping", {"t/topic.yml": "- a\n"}, "t/topic.yml", 1, "must be a mapping"),
    ("topic-duplicate-key", {"t/topic.yml": TOPIC + "title: again\n"}, "t/topic.yml", 4, "duplicate key 'title'"),
    ("settings-not-mapping", {"t/topic.yml": TOPIC + "settings: 5\n"}, "t/topic.yml", 4,
     "'settings' must be a mapping"),
    ("settings-unknown", {"t/topic.yml": TOPIC + "settings:\n  colours: 3\n"}, "t/topic.yml", 5,
     "unknown key 'colours'"),
    ("settings-out-of-range", {"t/topic.yml": TOPIC + "settings:\n  timeline_entries: 0\n"}, "t/topic.yml", 5,
     "whole number from 1 to 200"),
    ("settings-a-bool", {"t/topic.yml": TOPIC + "settings:\n  contested_shown: true\n"}, "t/topic.yml", 5,
     "whole number"),
    ("hide-not-list", {"t/topic.yml": TOPIC + "hide: 3\n"}, "t/topic.yml", 4, "'hide' must be a list of text"),
    ("summary-quote-not-found", {"t/topic.yml": TOPIC + "summary:\n  - article: a\n    quote: Nobody came.\n"},
     "t/topic.yml", 6, "quote not found in a.md"),
    ("summary-unknown-article", {"t/topic.yml": TOPIC + "summary:\n  - article: zz\n    quote: The talks.\n"},
     "t/topic.yml", 6, "article 'zz' is not in this topic"),
    ("summary-not-list", {"t/topic.yml": TOPIC + "summary: The talks.\n"}, "t/topic.yml", 4,
     "'summary' must be a list"),
    ("timeline-bad-date", {"t/topic.yml": TOPIC + "timeline:\n  - date: 2024-13\n    article: a\n"
                           "    quote: The talks resumed on Monday in Baghdad.\n"}, "t/topic.yml", 5,
     "needs a 'date' written YYYY"),
    ("timeline-quote-not-found", {"t/topic.yml": TOPIC + "timeline:\n  - date: 2024-01\n    article: b\n"
                                  "    quote: The war ended.\n"}, "t/topic.yml", 7, "quote not found in b.md"),
    ("contested-kind-bad", {"t/topic.yml": TOPIC + "contested:\n  - title: Who\n    kind: gossip\n    sides:\n"
                            "      - {article: a, quote: twelve delegates attended}\n"
                            "      - {article: b, quote: Delegates met again}\n"}, "t/topic.yml", 6,
     "'kind' must be one of"),
    ("contested-one-side", {"t/topic.yml": TOPIC + "contested:\n  - title: Who\n    sides:\n"
                            "      - {article: a, quote: twelve delegates attended}\n"}, "t/topic.yml", 6,
     "at least two sides"),
    ("contested-label-not-text", {"t/topic.yml": TOPIC + "contested:\n  - title: Who\n    sides:\n"
                                  "      - {article: a, quote: twelve delegates attended, label: [x]}\n"
                                  "      - {article: b, quote: Delegates met again, label: \"b\\x07\"}\n"},
     "t/topic.yml", 7, "'label' must be text"),
    ("contested-label-control", {"t/topic.yml": TOPIC + "contested:\n  - title: Who\n    sides:\n"
                                 "      - {article: a, quote: twelve delegates attended}\n"
                                 "      - {article: b, quote: Delegates met again, label: \"b\\x07\"}\n"},
     "t/topic.yml", 8, "'label' contains control characters"),
    ("contested-quote-not-found", {"t/topic.yml": TOPIC + "contested:\n  - title: Who\n    sides:\n"
                                   "      - {article: a, quote: twelve delegates attended}\n"
                                   "      - {article: b, quote: The talks collapsed}\n"}, "t/topic.yml", 8,
     "quote not found in b.md"),
]


@pytest.mark.parametrize(("files", "where", "line", "words"), [case[1:] for case in CASES],
                         ids=[case[0] for case in CASES])
def test_each_content_error_is_reported_with_file_and_line(tmp_path, capsys, files, where, line, words):
    _write(tmp_path, files)
    code, err = _check(tmp_path, capsys)
    assert code == 1
    prefix = f"{tmp_path / where}:{line}: "
    assert any(message.startswith(prefix) and words in message for message in err), "\n".join(err)
    assert err[-1].endswith(f"problem(s) in {tmp_path}")


def test_every_error_of_a_run_is_reported_at_once(tmp_path, capsys):
    files: dict[str, str | bytes | None] = {}
    for case_id, case_files, *_ in CASES:
        if case_id != "duplicate-url" and not any(name.startswith(("t/A.md", "u/", "Big Topic/"))
                                                  for name in case_files):
            files |= {name.replace("t/c.md", f"t/{len(files):02d}.md"): text for name, text in case_files.items()
                      if name != "t/topic.yml"}
    _write(tmp_path, files)
    code, err = _check(tmp_path, capsys)
    assert code == 1
    broken = {name for name in files if name.endswith(".md")} | {"t/notes.txt"}
    reported = {Path(message.split(":", 1)[0]).relative_to(tmp_path).as_posix()
                for message in err[:-1]}
    assert broken <= reported, broken - reported
    assert err[-1] == f"{len(err) - 1} problem(s) in {tmp_path}"


def test_a_missing_content_folder_is_an_error(tmp_path, capsys):
    code, err = _check(tmp_path / "nowhere", capsys)
    assert code == 1
    assert err == [f"{tmp_path / 'nowhere'}:1: content folder not found"]


def test_yaml_1_1_surprises_stay_text(tmp_path, capsys):
    _write(tmp_path, {"t/c.md": _front(title="no", outlet="yes", author="off", published="2024-01-05",
                                       section="2024-01-05")})
    code, err = _check(tmp_path, capsys)
    assert code == 0, err


def test_every_error_of_one_file_is_reported(tmp_path, capsys):
    _write(tmp_path, {"t/c.md": _front(titel="x", url="ftp://x", published="2024-02-30", flags="[nope]")})
    code, err = _check(tmp_path, capsys)
    assert code == 1
    path = tmp_path / "t" / "c.md"
    found = sorted(message.removeprefix(f"{path}:").split(":", 1)[0] for message in err[:-1])
    assert found == ["2", "2", "3", "4", "5"], err  # titel, missing title, url, published, flags


@pytest.mark.parametrize(("link", "target"), [("t/topic.yml", "/etc/hostname"), ("linked", "t")])
def test_symbolic_links_are_refused(tmp_path, capsys, link, target):
    _write(tmp_path, {})
    (tmp_path / link).unlink(missing_ok=True)
    (tmp_path / link).symlink_to(target if target.startswith("/") else tmp_path / target)
    code, err = _check(tmp_path, capsys)
    assert code == 1
    assert err[0].startswith(f"{tmp_path / link}:1: ") and "symbolic link" in err[0]


def test_updated_date_leaves_out_dates_that_contradict_their_story(tmp_path: Path) -> None:
    from digest.content import load_topic, topic_updated

    topic_dir = tmp_path / "port"
    topic_dir.mkdir()
    (topic_dir / "topic.yml").write_text('title: "Port"\n', encoding="utf-8")
    article = '---\ntitle: "{title}"\npublished: "{date}"\n{flags}---\n\nThe port reopened after the storm.\n'
    (topic_dir / "a.md").write_text(article.format(title="A", date="2024-03-02", flags=""), encoding="utf-8")
    (topic_dir / "b.md").write_text(article.format(title="B", date="2025-06-01", flags='flags: ["date_anomaly"]\n'),
                                    encoding="utf-8")
    topic, problems = load_topic(topic_dir)
    assert not problems
    assert topic_updated(topic).isoformat() == "2024-03-02"
