#!/usr/bin/env bash
# Titik masuk kontainer SAKIP (juga bisa dijalankan langsung dari checkout proyek).
#
#   docker/entrypoint.sh web      migrate, collectstatic, lalu gunicorn (bawaan)
#   docker/entrypoint.sh worker   worker Celery
#   docker/entrypoint.sh beat     jadwal Celery (bersihkan_tugas setiap 5 menit); cukup satu
#   docker/entrypoint.sh CMD...   menjalankan perintah lain apa adanya (mis. `bash`,
#                                 `python manage.py createsuperuser`)
#
# `python`, `gunicorn` dan `celery` diambil dari PATH, jadi di luar kontainer cukup
# `PATH="$PWD/.venv/bin:$PATH" docker/entrypoint.sh web`.
set -euo pipefail

# Always work from the project root (the parent of this script's directory), whatever the caller's cwd.
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."

export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-config.settings.production}"

command="${1:-web}"
if [[ $# -gt 0 ]]; then
    shift
fi

case "$command" in
    web)
        python manage.py migrate --noinput
        python manage.py collectstatic --noinput
        # Four threads per worker (gthread): a page of a few tens of milliseconds is served
        # beside a slow one (a dashboard, a PK PDF) instead of queueing behind it; idle
        # keep-alive connections wait in the worker's poller, not in a thread, and are kept
        # as long as a proxy or browser keeps them (75 s, nginx's default), so a connection
        # is not closed just as the next request is sent on it.
        exec gunicorn config.wsgi:application \
            --bind "0.0.0.0:${PORT:-8000}" \
            --workers "${WEB_CONCURRENCY:-3}" \
            --threads "${GUNICORN_THREADS:-4}" \
            --keep-alive "${GUNICORN_KEEPALIVE:-75}" \
            --access-logfile - \
            "$@"
        ;;
    worker)
        # The lowest CPU priority: a draft PDF or a ZIP of every report takes seconds of CPU,
        # and an operator saving a triwulan must not wait behind it. On a machine shared with
        # the web container the jobs take what CPU the pages leave.
        exec nice -n "${CELERY_NICE:-19}" celery -A config worker \
            --loglevel=INFO \
            --concurrency "${CELERY_CONCURRENCY:-2}" \
            "$@"
        ;;
    beat)
        # The schedule file only remembers when each job last ran: /tmp is writable by the
        # container's user, and losing it on a restart only means the next clean-up runs five
        # minutes after the start.
        exec celery -A config beat \
            --loglevel=INFO \
            --schedule "${CELERY_BEAT_SCHEDULE_FILE:-/tmp/sakip-celerybeat-schedule}" \
            "$@"
        ;;
    *)
        exec "$command" "$@"
        ;;
esac
