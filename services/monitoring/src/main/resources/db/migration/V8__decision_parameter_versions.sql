-- Every decision records the parameter versions it relied on.
alter table identification_decision add column parameter_versions varchar(1000);
