"""benchmarks/RESULTS.md across runs of `make bench`: a new run goes on top and nothing written before is lost."""

import importlib.util

from conftest import ROOT


def bench():
    spec = importlib.util.spec_from_file_location("bench_reports", ROOT / "benchmarks" / "bench_reports.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_new_benchmark_run_keeps_the_earlier_runs_and_the_measurements_behind_the_code():
    """On the previous code `make bench` wrote RESULTS.md whole: the earlier runs and the notes written under them
    were gone, which is why the code's timing figures could not live there."""
    previous = (ROOT / "benchmarks" / "RESULTS.md").read_text(encoding="utf-8")
    written = bench().with_history("# Benchmark results\n\nMeasured LATER.\n", previous)
    assert written.startswith("# Benchmark results\n\nMeasured LATER.\n\n## Earlier runs\n\n")
    for line in previous.splitlines():
        if line.startswith(("Measured ", "| ")):
            assert line in written, line
    assert written.index("Measured LATER") < written.index("## Earlier runs") < written.index("## Measurements behind")
    assert written.count("## Earlier runs") == 1
