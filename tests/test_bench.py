"""Pieces of ``make bench`` that can be checked without running it (it takes minutes)."""

import os
import subprocess
import sys
import time

from quizapp.bench.load import percentile, tree_cpu

BURN = "import time\nend = time.process_time() + 0.4\nwhile time.process_time() < end: pass\n"


def test_tree_cpu_counts_a_process_and_its_children():
    assert tree_cpu(None) == 0.0
    before = during = tree_cpu(os.getpid())
    child = subprocess.Popen([sys.executable, "-c", BURN])
    time.sleep(0.1)
    while child.poll() is None:
        during = tree_cpu(os.getpid())  # the child is counted while it runs
        time.sleep(0.05)
    assert during - before > 0.05
    assert tree_cpu(child.pid) == 0.0  # gone: nothing to count


def test_percentile_is_nearest_rank():
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 0.5) == 51.0
    assert percentile(values, 0.99) == 99.0
    assert percentile([], 0.5) is None
