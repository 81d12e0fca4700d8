"""Engines that run the audit elsewhere than in this process (see `dask_engine`)."""
