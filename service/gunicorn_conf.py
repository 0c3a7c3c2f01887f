"""gunicorn settings for `corroborate serve` (``-c python:service.gunicorn_conf``)."""

from service.config import Settings

_settings = Settings.from_env()

bind = f"{_settings.host}:{_settings.port}"
workers = _settings.workers
threads = _settings.threads
worker_class = "gthread"
timeout = _settings.worker_timeout  # a silent worker is killed after this
graceful_timeout = 20  # in-flight requests finish on SIGTERM before workers exit
keepalive = 5
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
