"""The protocol servers of tests/sources, for ingestion runs."""

from tests.sources.conftest import europepmc_results, europepmc_server, eutils_server  # noqa: F401  (fixtures)
