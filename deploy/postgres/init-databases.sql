-- One database per service, and one for Keycloak (docker-compose runs this on first start).
create database monitoring;
create database social_assistance;
create database medical_insurance;
create database housing_safety;
create database employment;
create database asset_management;
create database console;
create database keycloak;
