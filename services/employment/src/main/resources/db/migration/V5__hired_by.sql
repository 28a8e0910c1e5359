-- Four eyes on a public-welfare post's subsidy (ADR 0004): whoever hired the holder does not record the
-- attendance that pays them. The hirer's username (the token's preferred_username), as attendance records
-- its recorder. Holdings hired before this migration have no hirer on record, and the rule cannot apply
-- to them.
alter table post_holding add column hired_by varchar(200);
