"""gunicorn settings for the clinic site: `gunicorn -c gunicorn.conf.py clinic_site.wsgi`.

Read by `make serve` and by the systemd unit in docs/deploy.md. Environment variables:
HOST (default 127.0.0.1; 0.0.0.0 in a container) and PORT (default 8000) for the address,
WEB_CONCURRENCY for the number of worker processes (default 2 × CPU cores + 1, at most 12),
GUNICORN_THREADS for threads per worker (default 1), LOG_LEVEL for gunicorn's own messages.
"""

import multiprocessing
import os

from clinic_site.logging import logging_config


def default_workers():
    return min(2 * multiprocessing.cpu_count() + 1, 12)


bind = f"{os.environ.get('HOST', '127.0.0.1')}:{int(os.environ.get('PORT', '8000'))}"
workers = int(os.environ.get("WEB_CONCURRENCY") or default_workers())
threads = int(os.environ.get("GUNICORN_THREADS", "1"))

# A request that takes longer than this is stuck: its worker is replaced. On SIGTERM (a deploy or
# `systemctl stop`) workers finish the requests they have within graceful_timeout.
timeout = 30
graceful_timeout = 30
keepalive = 5
# Workers are replaced now and then, so a slow leak can never grow without bound. Not too often: a new
# worker loads the whole site again (about a second of CPU) and starts with cold caches, and at a few
# hundred requests a second 2,000 requests would mean a new worker every few seconds.
max_requests = 20000
max_requests_jitter = 2000

# Trust X-Forwarded-* only from a proxy on this machine (nginx or Caddy in front); set
# FORWARDED_ALLOW_IPS to the load balancer's addresses when it talks to gunicorn directly.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# Logs: JSON lines on stdout, gunicorn's and the site's alike. An access line has the method, the path
# without its query string, the status, the size, the time taken and the request id: no client
# address, user agent or referrer. Health checks are not logged.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
logconfig_dict = logging_config(
    level=loglevel.upper(),
    json_lines=os.environ.get("LOG_FORMAT", "json").strip().lower() != "plain",
)
# The default format, for LOG_FORMAT=plain: the same fields as the JSON line.
access_log_format = "%(m)s %(U)s %(s)s %(B)s %(M)sms %({x-request-id}o)s"
# gunicorn's control socket has one default path per user, which a second gunicorn on the same machine
# would take over; nothing here uses it.
control_socket_disable = True
