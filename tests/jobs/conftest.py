from tests.review.conftest import fixed_engine  # noqa: F401  (fixture)
