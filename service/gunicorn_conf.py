"""gunicorn settings for `corroborate serve` (``-c python:service.gunicorn_conf``)."""

from service.config import Settings, gunicorn_worker_class

_settings = Settings.from_env()

bind = f"{_settings.host}:{_settings.port}"
workers = _settings.workers
threads = _settings.threads
# One thread per worker (the default, as matching is CPU-bound): the sync worker, which
# accepts a connection only when it is free, so every worker gets its share of the load.
# A gthread worker accepts whatever arrives, busy or not, and a keep-alive connection
# stays with the worker that took it: under a fixed set of client connections one worker
# often held all of them while the other idled (bench/http_load.py: half the throughput
# in one run of three, one worker serving every request). The sync worker closes the
# connection after each answer; behind nginx (deploy/) that costs nothing a client sees.
# With more threads, gthread: threads need its event loop (and it keeps connections alive).
worker_class = gunicorn_worker_class(_settings.threads)
timeout = _settings.worker_timeout  # a silent worker is killed after this
graceful_timeout = 20  # in-flight requests finish on SIGTERM before workers exit
keepalive = 5  # gthread only: the sync worker closes each connection
# Request-line and header limits: a fact-checking API needs nothing larger.
limit_request_line = 8190
limit_request_fields = 60
limit_request_field_size = 8190
# Recycle workers now and then so slow leaks cannot accumulate; jitter avoids a herd.
# Rarely: a hybrid worker takes seconds to load its model again (bench/http_load.py).
max_requests = 100_000
max_requests_jitter = 10_000
accesslog = "-"
# the worker pid (p) shows which worker served a request
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms pid=%(p)s'

errorlog = "-"
loglevel = _settings.log_level
proc_name = "corroborate"

# The runtime control socket is one per user ($HOME/.gunicorn/gunicorn.ctl): two servers
# on one machine would fight over it, and the service does not use it.
control_socket_disable = True
