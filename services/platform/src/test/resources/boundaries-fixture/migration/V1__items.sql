create table alpha_item (id uuid primary key);
create table beta_item (id uuid primary key);
-- create table commented_out (id uuid);
create table orphan_item (id uuid primary key, seen boolean);
create table retired_item (id uuid primary key);
