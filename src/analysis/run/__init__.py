"""The report run: planning the reports from notebooks/reports.toml, executing the notebooks in worker
processes on forked kernels, and writing each report folder and the index."""
