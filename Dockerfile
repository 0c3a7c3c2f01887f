FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app

COPY pyproject.toml README.md ./
COPY service ./service
COPY schemas ./schemas
RUN pip install .

COPY seeds ./seeds
RUN useradd --create-home corroborate && mkdir -p instance && chown corroborate instance
USER corroborate

EXPOSE 8000
# Migrates (and seeds an empty store), then execs gunicorn with service/gunicorn_conf.py.
CMD ["corroborate", "serve", "--host", "0.0.0.0", "--port", "8000"]
