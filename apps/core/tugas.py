"""Starting a background job (Celery) from a request or a service.

With CELERY_TASK_ALWAYS_EAGER (`make run`, the tests) the job runs at once, inside the
caller's transaction, so its result is there when the page is drawn. With a worker it is
sent only after the caller's transaction commits: the worker must see the rows the request
wrote (ATOMIC_REQUESTS), and a request that fails sends nothing.
"""

from django.conf import settings
from django.db import transaction


def jalankan(task, *args) -> None:
    if settings.CELERY_TASK_ALWAYS_EAGER:
        task.apply(args=args, throw=True)
    else:
        transaction.on_commit(lambda: task.delay(*args))
