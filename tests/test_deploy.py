"""Deployment files, checked statically (no Docker engine runs here)."""

from __future__ import annotations

import re

import yaml

from service.config import Settings
from tests.conftest import ROOT


def compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))


def test_compose_sets_only_variables_the_settings_read():
    known = set(Settings.env_names())
    for name, service in compose()["services"].items():
        env = service.get("environment", {})
        names = env.keys() if isinstance(env, dict) else [e.split("=", 1)[0] for e in env]
        for variable in names:
            if variable.startswith("CORROBORATE_"):
                assert variable in known, f"{name} sets unknown {variable}"


def test_compose_runs_the_api_on_postgresql_with_a_healthcheck_and_a_volume():
    services = compose()["services"]
    api = services["api"]
    assert api["build"] in (".", {"context": "."}) or api["build"]["context"] == "."
    assert api["environment"]["CORROBORATE_DATABASE_URL"].startswith("postgresql+psycopg://")
    assert services["postgres"]["healthcheck"]["test"]
    assert api["depends_on"]["postgres"]["condition"] == "service_healthy"
    volumes = services["postgres"]["volumes"]
    assert any("/var/lib/postgresql/data" in v for v in volumes)
    assert set(compose()["volumes"]) >= {v.split(":")[0] for v in volumes}


def test_dockerfile_serves_with_gunicorn_through_the_cli():
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert re.search(r"^FROM python:3\.1[1-9]", dockerfile, re.M)
    assert "corroborate" in dockerfile and "serve" in dockerfile


def test_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make run" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_documents_every_setting():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in Settings.env_names():
        assert f"`{name}`" in readme, f"README does not document {name}"


# --- several API replicas behind one port ------------------------------------------------

NGINX_CONF = ROOT / "deploy" / "nginx.conf"


def _environment(service: dict) -> dict[str, str]:
    env = service.get("environment", {})
    if isinstance(env, list):
        env = dict(e.split("=", 1) for e in env)
    return {k: str(v) for k, v in env.items()}


def _replicas(value) -> int:
    """`deploy.replicas`, resolving compose's `${VAR:-default}` to its default."""
    if isinstance(value, str):
        match = re.fullmatch(r"\$\{(\w+):?-(\d+)\}", value.strip())
        assert match, f"replicas is neither a number nor ${{VAR:-default}}: {value!r}"
        return int(match.group(2))
    return int(value)


def _command(service: dict) -> str:
    command = service.get("command", "")
    return " ".join(command) if isinstance(command, list) else str(command)


def _nginx() -> str:
    """nginx.conf without its comments."""
    text = NGINX_CONF.read_text(encoding="utf-8")
    return "\n".join(line.split("#", 1)[0] for line in text.splitlines())


def _load_balancer() -> tuple[str, dict]:
    services = compose()["services"]
    found = [(n, s) for n, s in services.items() if str(s.get("image", "")).startswith("nginx")]
    assert len(found) == 1, "one nginx load balancer"
    return found[0]


def _bool(value: str) -> bool:
    return Settings.from_env({"CORROBORATE_SEED_ON_START": value}).seed_on_start


def test_compose_runs_several_api_replicas():
    api = compose()["services"]["api"]
    assert _replicas(api["deploy"]["replicas"]) >= 2
    assert "container_name" not in api  # a fixed name allows one container only
    assert "8000" in [str(p) for p in api.get("expose", [])]


def test_only_the_load_balancer_publishes_a_host_port():
    services = compose()["services"]
    name, lb = _load_balancer()
    published = {n for n, s in services.items() if s.get("ports")}
    assert published == {name}
    assert [str(p) for p in lb["ports"]] == ["8000:8000"]


def test_a_one_shot_migrate_service_migrates_and_seeds_before_the_api():
    services = compose()["services"]
    migrate, api = services["migrate"], services["api"]
    command = _command(migrate)
    assert re.search(r"corroborate db upgrade\s*&&\s*corroborate seed\b", command), command
    assert migrate["build"] == api["build"]
    assert migrate.get("restart", "no") == "no"  # a one-shot job must not be restarted
    assert "ports" not in migrate and "deploy" not in migrate
    assert api["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert migrate["depends_on"]["postgres"]["condition"] == "service_healthy"
    assert api["depends_on"]["redis"]["condition"] == "service_healthy"


def test_the_api_replicas_neither_migrate_nor_seed():
    api = compose()["services"]["api"]
    env = _environment(api)
    assert _bool(env["CORROBORATE_SEED_ON_START"]) is False
    # `corroborate serve` migrates even without seeding, so the replicas run gunicorn directly
    command = _command(api)
    assert "gunicorn" in command and "python:service.gunicorn_conf" in command
    assert "service.app:create_app()" in command
    assert not re.search(r"\b(serve|upgrade|seed)\b", command), command


def test_the_api_replicas_share_one_database_and_one_rate_limit_store():
    services = compose()["services"]
    api, migrate = _environment(services["api"]), _environment(services["migrate"])
    database = api["CORROBORATE_DATABASE_URL"]
    assert database.startswith("postgresql+psycopg://") and "@postgres:" in database
    assert migrate["CORROBORATE_DATABASE_URL"] == database  # migrates what the API serves
    # every replica (and each of its gunicorn workers) counts in the same Redis
    assert api["CORROBORATE_RATELIMIT_STORAGE_URL"].startswith("redis://redis:")
    assert Settings.from_env(api).ratelimit_storage_url != Settings().ratelimit_storage_url
    # and share one cache of verify answers, in another Redis database than the limits
    cache = api["CORROBORATE_CACHE_URL"]
    assert cache.startswith("redis://redis:6379/")
    assert cache.rsplit("/", 1)[1] != api["CORROBORATE_RATELIMIT_STORAGE_URL"].rsplit("/", 1)[1]
    assert "redis" in services


def test_the_api_trusts_exactly_the_load_balancer_for_the_client_address():
    api = Settings.from_env(_environment(compose()["services"]["api"]))
    assert api.proxy_count == 1
    nginx = _nginx()
    # the edge proxy sets the header itself, so a client cannot choose its rate-limit key
    assert re.search(r"proxy_set_header\s+X-Forwarded-For\s+\$remote_addr\s*;", nginx)
    assert re.search(r"proxy_set_header\s+X-Forwarded-Proto\s+\$scheme\s*;", nginx)


def test_the_load_balancer_mounts_an_existing_config_read_only():
    _, lb = _load_balancer()
    mounts = [v.split(":") for v in lb["volumes"]]
    configs = [m for m in mounts if m[1].startswith("/etc/nginx/")]
    assert configs, "the nginx config is mounted"
    for source, _target, *mode in configs:
        assert (ROOT / source).resolve() == NGINX_CONF.resolve()
        assert mode == ["ro"]
    assert NGINX_CONF.is_file()
    assert lb["depends_on"]["api"]["condition"] == "service_healthy"
    assert lb["healthcheck"]["test"]


def test_nginx_proxies_to_the_api_service_and_re_resolves_its_replicas():
    nginx = _nginx()
    port = Settings.from_env(_environment(compose()["services"]["api"])).port
    upstream = re.search(r"upstream\s+(\w+)\s*\{([^}]*)\}", nginx)
    assert upstream, "an upstream group"
    name, body = upstream.groups()
    assert re.search(rf"server\s+api:{port}\s+[^;]*\bresolve\b", body)
    assert re.search(r"\bzone\s+\w+", body)  # `resolve` needs the group in shared memory
    assert re.search(rf"proxy_pass\s+http://{name}\s*;", nginx)
    assert re.search(r"resolver\s+127\.0\.0\.11\b[^;]*valid=\d+s", nginx)
    assert re.search(r"listen\s+8000\s*;", nginx)
    # open-source nginx has `resolve` in upstreams from 1.27.3
    _, lb = _load_balancer()
    version = re.match(r"nginx:(\d+)\.(\d+)\.(\d+)", lb["image"])
    assert version and tuple(map(int, version.groups())) >= (1, 27, 3), lb["image"]


def test_nginx_limits_match_the_app():
    nginx = _nginx()
    settings = Settings.from_env(_environment(compose()["services"]["api"]))
    body = re.search(r"client_max_body_size\s+(\d+)([kKmM]?)\s*;", nginx)
    assert body, "client_max_body_size in bytes"
    scale = {"": 1, "k": 1024, "m": 1024 * 1024}[body.group(2).lower()]
    # nginx refuses no body the app would accept, nor lets through one the app refuses
    assert int(body.group(1)) * scale == settings.max_content_length
    read = re.search(r"proxy_read_timeout\s+(\d+)s\s*;", nginx)
    assert read and settings.worker_timeout < int(read.group(1)) <= settings.worker_timeout + 30
