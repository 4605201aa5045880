#!/usr/bin/env bash
# Brings this machine's PostgreSQL and MariaDB to the state the tests expect:
# both running, and PostgreSQL checking the password of the one role the
# wrong-password test uses (the rest of the machine keeps trust auth).
set -euo pipefail

if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
fi
if ! mysqladmin -h 127.0.0.1 -uroot status >/dev/null 2>&1; then
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
fi

hba="$(ls -d /etc/postgresql/*/main | head -1)/pg_hba.conf"
rule='host all sluice_auth_test 127.0.0.1/32 scram-sha-256'
if [ -w "$hba" ] && ! grep -qF "$rule" "$hba"; then
  # First matching line wins, so the rule goes above the trust lines.
  sed -i "1i $rule" "$hba"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main reload
fi

for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p 5432 && mysqladmin -h 127.0.0.1 -uroot status >/dev/null 2>&1 && exit 0
  sleep 1
done
echo "prepare-services: PostgreSQL or MariaDB did not come up on 127.0.0.1" >&2
exit 1
