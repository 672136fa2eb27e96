"""Topics analysed on several cores, or by another process, give exactly the single-core output."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from digest.cache import analyse_topics
from digest.content import load_content
from digest.export import to_json

FIXTURE = Path(__file__).parent / "fixtures" / "cache" / "content"


def test_parallel_equals_serial(tmp_path: Path) -> None:
    topics = load_content(FIXTURE).topics
    serial = {slug: to_json(d) for slug, d in analyse_topics(topics, cache_dir=None, jobs=1).items()}
    parallel = {slug: to_json(d) for slug, d in analyse_topics(topics, cache_dir=None, jobs=2).items()}
    assert list(parallel) == list(serial)
    assert parallel == serial
    cached = analyse_topics(topics, cache_dir=tmp_path / "cache", jobs=2)
    assert {slug: to_json(d) for slug, d in cached.items()} == serial


def test_output_does_not_depend_on_the_process_hash_seed() -> None:
    # A cache entry written by one process is read by another; set or dict order that follows
    # string hashing would make the two disagree.
    topic = sorted(FIXTURE.iterdir())[0]
    runs = [subprocess.Popen([sys.executable, "-m", "digest", "analyse", str(topic)], stdout=subprocess.PIPE,
                             text=True, env={**os.environ, "PYTHONHASHSEED": seed}) for seed in ("0", "4242")]
    outputs = [run.communicate(timeout=120)[0] for run in runs]
    assert [run.returncode for run in runs] == [0, 0]
    assert outputs[0] == outputs[1]
