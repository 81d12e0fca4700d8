"""Benchmarks of the discrepancy auditor (run as scripts: ``python benchmarks/<name>.py``)."""
