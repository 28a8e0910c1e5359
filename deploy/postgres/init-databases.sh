#!/bin/bash
# One database per service and one for Keycloak, each owned by a login role of the same name with
# its own password (SCRAM). docker-compose runs this once, on the volume's first start; the
# passwords come from compose's environment and have no defaults.
set -euo pipefail

# create <database> <the name of the variable holding its role's password>; psql reads the password
# from its environment (\getenv), so it never appears on a command line
create() {
  local database="$1" variable="$2"
  : "${!variable:?$variable is required}"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres -v db="$database" -v var="$variable" <<'SQL'
\getenv pw :var
create role :"db" login password :'pw';
create database :"db" owner :"db";
revoke all on database :"db" from public;
\connect :"db"
alter schema public owner to :"db";
revoke create on schema public from public;
SQL
}

create monitoring MONITORING_DB_PASSWORD
create social_assistance SOCIAL_ASSISTANCE_DB_PASSWORD
create medical_insurance MEDICAL_INSURANCE_DB_PASSWORD
create housing_safety HOUSING_SAFETY_DB_PASSWORD
create employment EMPLOYMENT_DB_PASSWORD
create asset_management ASSET_MANAGEMENT_DB_PASSWORD
create console CONSOLE_DB_PASSWORD
create keycloak KEYCLOAK_DB_PASSWORD
