"""How passwords are stored: Argon2id with OWASP's recommended minimum cost.

Django's default (PBKDF2-SHA256, 1.000.000 iterations) costs about 0,25 s of CPU per login.
In the deadline week every OPD's operators log in within the same hours on a two-CPU server,
and those hashes took a quarter of the CPU of the load test (benchmarks/beban.py). Argon2id
is the first choice of the OWASP Password Storage Cheat Sheet; its memory-hardness makes a
guessing rig pay in memory as well as in time, and at OWASP's minimum configuration (19 MiB,
2 passes, 1 lane) one check costs about 20 ms of CPU. Existing PBKDF2 hashes still verify and
are rewritten as Argon2id at the user's next login (PASSWORD_HASHERS keeps them listed).
"""

from django.contrib.auth.hashers import Argon2PasswordHasher


class Argon2idHasher(Argon2PasswordHasher):
    """Argon2id, m=19 MiB, t=2, p=1 (OWASP). The algorithm name stays "argon2", so a change of
    these numbers later is picked up by must_update and rehashed at the next login."""

    time_cost = 2
    memory_cost = 19 * 1024  # KiB
    parallelism = 1
