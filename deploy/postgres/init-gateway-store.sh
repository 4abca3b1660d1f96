#!/bin/sh
# The gateway store's own role and database, next to Odoo's on the same server. The postgres image runs
# this once, when it initialises an empty data directory; on an existing volume run the two statements
# by hand (docs/deploy.md, "An existing database volume").
# A separate owner keeps the store out of Odoo's database list, which shows the databases Odoo's role owns.
set -e
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v store_password="${GATEWAY_STORE_PASSWORD:?set GATEWAY_STORE_PASSWORD}" <<'SQL'
CREATE ROLE gateway LOGIN PASSWORD :'store_password';
CREATE DATABASE gateway OWNER gateway;
SQL
