# SAKIP: one image for the web process (gunicorn) and the Celery worker.
#   docker build -t sakip .
#   docker run --env-file .env -p 8000:8000 sakip          # web (default)
#   docker run --env-file .env sakip worker                 # Celery worker
# Bookworm, named: its postgresql-client is 15, the version of the db service (pg_dump and
# pg_restore of another major version may write or refuse what the server does not read).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    # The checkout in /app comes first on sys.path, so BASE_DIR (templates/, static/) is /app
    # even though the package is also installed into site-packages by `pip install .`.
    PYTHONPATH=/app \
    # Also for `docker compose exec web python manage.py ...`, which bypasses the entrypoint
    # (manage.py on its own defaults to the local settings).
    DJANGO_SETTINGS_MODULE=config.settings.production \
    PORT=8000

# WeasyPrint runtime (Pango, HarfBuzz, a basic font) and poppler-utils (pdftoppm, pdfinfo, ...);
# postgresql-client for `manage.py cadangkan`/`pulihkan` (pg_dump, pg_restore).
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 \
        libpangoft2-1.0-0 \
        libharfbuzz0b \
        libpangocairo-1.0-0 \
        fonts-dejavu-core \
        poppler-utils \
        postgresql-client \
    && rm -rf /var/lib/apt/lists/*

RUN groupadd --system --gid 1000 sakip \
    && useradd --system --uid 1000 --gid sakip --create-home --home-dir /home/sakip \
        --shell /usr/sbin/nologin sakip

WORKDIR /app

# Only what the application needs: no .venv, var/, .git or .env from the build context.
COPY pyproject.toml manage.py ./
COPY config ./config
COPY apps ./apps
RUN pip install . \
    && rm -rf build ./*.egg-info

COPY templates ./templates
COPY static ./static
COPY docker ./docker

# var/ holds STATIC_ROOT (collectstatic runs at start-up) and MEDIA_ROOT (the media volume) and
# var/cadangan (the backups volume); it must belong to the unprivileged user. A fresh named
# volume mounted on var/media or var/cadangan inherits this ownership.
RUN chmod 0755 docker/entrypoint.sh \
    && mkdir -p var/static var/media var/cadangan \
    && chown -R sakip:sakip var

USER sakip

EXPOSE 8000
ENTRYPOINT ["/app/docker/entrypoint.sh"]
CMD ["web"]
