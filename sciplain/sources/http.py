"""The HTTP client the web services share: rate limited, retried with backoff, one-line errors.

PubMed and Europe PMC (GET) use it, and so does the LLM backend (POST of JSON to
an OpenAI-compatible server), so every remote call behaves the same way.

NCBI blocks clients that send more than 3 requests a second (10 with an API key)
and both NCBI and EBI answer 429 or 5xx under load. Every request, retries
included, first takes a slot from a pyrate-limiter ``Limiter``; failures that may
pass (429, 5xx, timeouts, dropped connections) are retried by tenacity with
exponential backoff and full jitter, honouring ``Retry-After``. What still fails
becomes a ``SourceError`` that names the service and the host.
"""

from __future__ import annotations

import email.utils
import time
from typing import Any, Protocol

import httpx
from pyrate_limiter import Duration, InMemoryBucket, Limiter, Rate
from tenacity import (
    RetryCallState,
    Retrying,
    retry_if_exception_type,
    stop_after_attempt,
    wait_random_exponential,
)

from .base import SourceError

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


class RateLimiter(Protocol):
    def try_acquire(self, name: str, weight: int = 1) -> Any: ...


def rate_limiter(per_second: int) -> Limiter:
    """A limiter that blocks (up to a minute) until a request may go out."""
    return Limiter(InMemoryBucket([Rate(per_second, Duration.SECOND)]), max_delay=Duration.MINUTE)


class RetryableResponse(Exception):
    """A 429 or 5xx answer, which may pass if asked again later."""

    def __init__(self, response: httpx.Response):
        super().__init__(f"HTTP {response.status_code}")
        self.response = response
        self.retry_after = _retry_after(response.headers.get("Retry-After", ""))


def _retry_after(value: str) -> float | None:
    """Seconds to wait from a Retry-After header: a number, or an HTTP date."""
    value = value.strip()
    if not value:
        return None
    if value.replace(".", "", 1).isdigit():
        return float(value)
    try:
        return max(0.0, email.utils.parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None


class HttpClient:
    """Requests to one service with shared query parameters (``tool``, ``email``, keys) and headers."""

    def __init__(
        self,
        *,
        base_url: str,
        service: str,
        limiter: RateLimiter | None = None,
        params: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
        max_attempts: int = 5,
        backoff: float = 1.0,
        max_backoff: float = 60.0,
        timeout: float = 60.0,
    ):
        self.service = service
        self.host = httpx.URL(base_url).netloc.decode() or base_url
        self.params = {key: value for key, value in (params or {}).items() if value}
        self.limiter = limiter
        self.max_attempts = max_attempts
        self.max_backoff = max_backoff
        self._jitter = wait_random_exponential(multiplier=backoff, max=max_backoff)
        self._client = httpx.Client(
            base_url=base_url, timeout=timeout, follow_redirects=True,
            headers={"User-Agent": "sciplain (+https://github.com/sciplain)", **(headers or {})},
        )

    def get(self, path: str, params: dict[str, Any]) -> httpx.Response:
        """The answer to ``path?params``, after as many polite retries as allowed."""
        return self._retried("GET", path, params={**self.params, **params})

    def post_json(self, path: str, payload: Any) -> httpx.Response:
        """The answer to a JSON ``payload`` posted to ``path``, with the same retries."""
        return self._retried("POST", path, params=self.params or None, json=payload)

    def _retried(self, method: str, path: str, **request: Any) -> httpx.Response:
        retrying = Retrying(
            stop=stop_after_attempt(self.max_attempts),
            wait=self._wait,
            retry=retry_if_exception_type((httpx.TransportError, RetryableResponse)),
            reraise=True,
        )
        try:
            return retrying(self._attempt, method, path, request)
        except RetryableResponse as exc:
            raise SourceError(
                f"{self.service} at {self.host} answered HTTP {exc.response.status_code} "
                f"{self.max_attempts} times in a row"
            ) from None
        except httpx.TransportError as exc:
            raise SourceError(f"cannot reach {self.service} at {self.host}: {str(exc) or type(exc).__name__}") from None

    def close(self) -> None:
        self._client.close()

    def _attempt(self, method: str, path: str, request: dict[str, Any]) -> httpx.Response:
        if self.limiter is not None:
            self.limiter.try_acquire(self.service)
        response = self._client.request(method, path, **request)
        if response.status_code in RETRY_STATUSES:
            raise RetryableResponse(response)
        if response.is_error:
            raise SourceError(
                f"{self.service} at {self.host} refused the request: HTTP {response.status_code} "
                f"{' '.join(response.text.split())[:200]}"
            )
        return response

    def _wait(self, state: RetryCallState) -> float:
        error = state.outcome.exception() if state.outcome else None
        if isinstance(error, RetryableResponse) and error.retry_after is not None:
            return min(error.retry_after, self.max_backoff)
        return self._jitter(state)
