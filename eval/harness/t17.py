"""Undo Timeline17's Penn Treebank tokenisation, with the shared corpus's own `t17_raw.detok`."""

from __future__ import annotations

import importlib.util
from functools import cache

from harness.data import SHARED


@cache
def _t17_raw():
    spec = importlib.util.spec_from_file_location("t17_raw", SHARED / "eval" / "t17_raw.py")
    assert spec and spec.loader, "missing t17_raw.py"
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def detokenise(line: str) -> str:
    """`BP 's` -> `BP's`, `-LRB-` -> `(`, and the other common cases."""
    return _t17_raw().detok(line)


def write_raw(gold: str, out: str) -> None:
    """Write the raw article files a gold file lists (as `t17_raw.py GOLD T17 OUT` does), quietly."""
    import contextlib
    import io

    from harness.data import dev_dir

    with contextlib.redirect_stdout(io.StringIO()):
        code = _t17_raw().main([gold, str(dev_dir() / "Timeline17"), out])
    if code:
        raise RuntimeError(f"t17_raw.py could not write the raw files of {gold}")
