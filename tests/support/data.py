"""Walking plain data (as yaml.safe_load gives it), for the tests that break data files on
purpose."""

from __future__ import annotations

from collections.abc import Iterator


def data_paths(node, prefix: tuple = ()) -> Iterator[tuple]:
    """Every path into the data below `prefix`, by keys and list indexes, the root's own
    excluded."""
    if isinstance(node, dict):
        items = node.items()
    elif isinstance(node, list):
        items = enumerate(node)
    else:
        return
    for step, value in items:
        yield (*prefix, step)
        yield from data_paths(value, (*prefix, step))
