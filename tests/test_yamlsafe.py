"""The strict YAML reader: plain data only, YAML 1.1 surprises stay text, every value knows its line."""

from __future__ import annotations

import pytest

from digest import yamlsafe

BILLION_LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n" + "".join(
    f"{chr(99 + i)}: &{chr(99 + i)} [{', '.join([f'*{chr(98 + i)}'] * 9)}]\n" for i in range(7))


@pytest.mark.parametrize(("text", "expected"), [
    ("outlet: no", {"outlet": "no"}),
    ("outlet: yes", {"outlet": "yes"}),
    ("x: on", {"x": "on"}),
    ("x: off", {"x": "off"}),
    ("x: y", {"x": "y"}),
    ("published: 2024-01-05", {"published": "2024-01-05"}),
    ("published: 2024-01-05 10:00:00", {"published": "2024-01-05 10:00:00"}),
    ("flag: true", {"flag": True}),
    ("flag: False", {"flag": False}),
    ("n: 12", {"n": 12}),
    ("n: 1.5", {"n": 1.5}),
    ("n: ~", {"n": None}),
    ("tags: [a, b]", {"tags": ["a", "b"]}),
    ("title: \"{{ config }}\"", {"title": "{{ config }}"}),
    ("title: '{% raw %}'", {"title": "{% raw %}"}),
])
def test_plain_values(text, expected):
    assert yamlsafe.load(text) == expected


@pytest.mark.parametrize(("text", "line", "words"), [
    ("a: !!python/object/apply:os.system ['echo pwned']", 1, "YAML tag"),
    ("a: 1\nb: !!python/name:os.system", 2, "YAML tag 'tag:yaml.org,2002:python/name:os.system'"),
    ("a: !custom x", 1, "YAML tag '!custom'"),
    ("a: !!binary aGVsbG8=", 1, "YAML tag"),
    ("a: !!set {x, y}", 1, "YAML tag"),
    ("a: !!timestamp 2024-01-01", 1, "YAML tag"),
    ("a: 1\nb:\n  c: 2\n  c: 3", 4, "duplicate key 'c' (first on line 3)"),
    ("title: a\ntitle: b", 2, "duplicate key 'title'"),
    ("a: &x 1\nb: *x", 1, "anchors and aliases are not allowed"),
    ("a: 1\n<<: {b: 2}", 2, "YAML tag 'tag:yaml.org,2002:merge'"),
    (BILLION_LAUGHS, 1, "anchors and aliases are not allowed"),
    ("? [a, b]\n: c", 1, "mapping keys must be plain text"),
    ("a: [1, 2\nb: 3", 2, "invalid YAML"),
    ("a: 'unclosed", 1, "invalid YAML"),
    ("a: b\x00", 1, "NUL byte"),
    ("a: 1\n---\nb: 2", 2, "invalid YAML"),
])
def test_refused(text, line, words):
    with pytest.raises(yamlsafe.YamlError) as caught:
        yamlsafe.load(text)
    assert words in str(caught.value)
    assert caught.value.line == line


def test_lines_of_keys_and_items():
    data = yamlsafe.load("title: x\nsummary:\n  - article: a\n    quote: q\n  - article: b\n")
    assert data.line_of("title") == 1
    assert data.line_of("summary") == 2
    assert data.line_of("absent") == data.line == 1
    assert data["summary"].item_lines == [3, 5]
    assert data["summary"][1].line_of("article") == 5


def test_empty_document_is_none():
    assert yamlsafe.load("") is None
    assert yamlsafe.load("# only a comment\n") is None


@pytest.mark.parametrize("value", ["no", "yes", "on", "2024-01-05", "12", "1.5", "null", "~", "true",
                                   "{{ x }}", "- a", "a: b", "#", "'", '"', "@x", "*x", "&x", "!x"])
def test_dump_round_trips_every_ambiguous_string(value):
    data = {"title": value, "tags": [value]}
    assert yamlsafe.load(yamlsafe.dump(data)) == data
