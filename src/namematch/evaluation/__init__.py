"""Development support: the data sets, splits, metrics and tables that namematch's
benchmarks and tools share.

Nothing here is needed to match names; it is the one place where the team's measurements
are defined, so a figure printed by one script means the same as in another:

- :mod:`namematch.evaluation.datasets`: the person and token sets of the development data
  (``shared/data``: one JSON line per person, ``{"id", "names", "source"}``; token lists with a
  ``pairs.tsv``), labelled pair samples, gold person groups and the hash splits;
- :mod:`namematch.evaluation.metrics`: average precision, F1 and precision/recall at a
  threshold, the best F1 over thresholds, reliability (expected calibration error), B-cubed
  precision/recall/F1 of a clustering and hit@k of rankings;
- :mod:`namematch.evaluation.tables`: the Markdown tables the benchmarks print and a timer.

>>> from namematch.evaluation import bcubed, format_table
>>> bcubed([[0, 1], [2]], ["a", "a", "b"])
(1.0, 1.0, 1.0)
>>> print(format_table(["method", "F1"], [["exact", 0.5]]))
| method | F1    |
|--------|-------|
| exact  | 0.500 |
"""

from __future__ import annotations

from namematch.evaluation.datasets import (
    DEV_SETS,
    TOKEN_SETS,
    data_dir,
    fifth_of,
    hash_bucket,
    in_test_fifth,
    is_arabic_script,
    load_entities,
    load_token_pairs,
    name_form,
    person_groups,
    person_sets,
    registry_task,
    sample_pairs,
    shipped_lines,
    single_unit,
    write_atomic,
)
from namematch.evaluation.heldout import held_out_data, held_out_resources, read_data_file
from namematch.evaluation.metrics import (
    average_precision,
    bcubed,
    best_f1,
    f1_at,
    hit_at_k,
    precision_recall_at,
    reliability,
)
from namematch.evaluation.tables import format_table, print_table, timed

__all__ = [
    "DEV_SETS",
    "TOKEN_SETS",
    "average_precision",
    "bcubed",
    "best_f1",
    "data_dir",
    "f1_at",
    "fifth_of",
    "format_table",
    "hash_bucket",
    "held_out_data",
    "held_out_resources",
    "hit_at_k",
    "in_test_fifth",
    "is_arabic_script",
    "load_entities",
    "load_token_pairs",
    "name_form",
    "person_groups",
    "person_sets",
    "precision_recall_at",
    "print_table",
    "read_data_file",
    "registry_task",
    "reliability",
    "sample_pairs",
    "shipped_lines",
    "single_unit",
    "timed",
    "write_atomic",
]
