"""Machine translation and translation memory for prefill.

Layers, bottom up: ``engines`` (the only module that imports deep-translator and requests),
``protect`` (markers), ``cache`` (SQLite), ``memory`` (translation memory), ``pool``
(concurrency, rate limit, backoff, circuit breaker), ``fill`` (writing catalogs), ``results``
(the values reported) and ``prefill`` (the orchestration; entry point ``prefill.prefill``).

Settings (pressflow.toml):

``[mt]`` ``engine`` (google | mymemory | yandex | microsoft | none), ``url`` (send requests to a
mirror, proxy or test server), ``timeout`` (seconds per request), ``retries`` (per text, after
the first attempt; 429s do not count), ``concurrency`` (parallel requests), ``rate`` (requests
per second across the pool; 0: no limit), ``batch`` (entries per catalog save), ``cache`` (SQLite
file relative to the project, ``user`` for the user cache folder, ``""`` for none), and the
optional ``breaker`` (consecutive failures that stop MT for the run, default 5), ``backoff``
(first 429 pause in seconds when there is no Retry-After, doubled each time, default 1) and
``max_backoff`` (default 60). ``[tm]`` ``threshold`` (0..1 similarity for a close memory match;
above 1 disables close matches) and ``exact_fuzzy``.

Keys come from the environment: ``PRESSFLOW_YANDEX_KEY`` (or ``YANDEX_API_KEY``),
``PRESSFLOW_MICROSOFT_KEY`` (or ``MICROSOFT_API_KEY``); ``PRESSFLOW_MYMEMORY_EMAIL`` raises
MyMemory's free daily allowance.
"""
